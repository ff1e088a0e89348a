"""Anbefaling: the advisor's recommendation to a unit and the history of what became of it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...choices import RecommendationStatus
from ...models import Area

#: A recommendation is open until the unit has implemented it or declined it.
OPEN_STATUSES = (
    RecommendationStatus.PROPOSED,
    RecommendationStatus.ACCEPTED,
    RecommendationStatus.IN_PROGRESS,
)


class RecommendationSource(models.TextChoices):
    CASE = "CASE", _("Case")
    STUDY = "STUDY", _("Own-initiative study")
    REPORT = "REPORT", _("Annual report")


class RecommendationKind(models.TextChoices):
    """What a recommendation asks for (the UK ombudsmen's split, reporting-anchors.md)."""

    INDIVIDUAL_REMEDY = "INDIVIDUAL_REMEDY", _("Remedy for the citizen")
    SERVICE_IMPROVEMENT = "SERVICE_IMPROVEMENT", _("Service improvement")
    COMPLAINT_HANDLING = "COMPLAINT_HANDLING", _("Complaint handling")


class FollowUp(models.TextChoices):
    """Where a recommendation stands against its due date (:meth:`Recommendation.follow_up`)."""

    ON_TIME = "ON_TIME", _("Implemented on time")
    LATE = "LATE", _("Implemented late")
    NOT_FOLLOWED = "NOT_FOLLOWED", _("Not followed")
    OVERDUE = "OVERDUE", _("Open, past its due date")
    OPEN = "OPEN", _("Open")


class RecommendationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Recommendation(models.Model):
    """Anbefaling: the advisor's recommendation to a unit, followed up year after year.

    The administration is not bound by a recommendation, but it must give its reasons when it
    does not follow one: a declined recommendation needs ``decline_reason``. Every change of
    status is kept in :class:`RecommendationStatusChange` (see ``learning.recommendations``).
    """

    text = models.TextField(_("recommendation"))
    area = models.ForeignKey(Area, verbose_name=_("area"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="recommendations")
    source = models.CharField(_("source"), max_length=10, choices=RecommendationSource.choices,
                              default=RecommendationSource.CASE)
    source_case = models.ForeignKey(
        "borgerraadgiver_cases.Case", verbose_name=_("case"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="recommendations",
    )
    issued_on = models.DateField(_("issued"), default=timezone.localdate)
    addressee = models.CharField(_("addressee"), max_length=200, blank=True)
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RecommendationStatus.choices,
                              default=RecommendationStatus.PROPOSED)
    decline_reason = models.TextField(
        _("reason for not following it"), blank=True,
        help_text=_("Required when the unit does not follow the recommendation."),
    )
    response = models.TextField(_("the unit's response"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RecommendationKind.choices,
                            default=RecommendationKind.SERVICE_IMPROVEMENT)
    implemented_on = models.DateField(_("implemented"), null=True, blank=True)
    evidence = models.TextField(
        _("evidence of implementation"), blank=True,
        help_text=_("What shows it was done, e.g. a new procedure or a letter to the citizen."))
    council_response = models.TextField(_("the council's or committee's response"), blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def follow_up(self, today=None):
        """On time, late, not followed, or (still open) overdue or open, against ``due_on``."""
        today = today or timezone.localdate()
        if self.status == RecommendationStatus.DECLINED:
            return FollowUp.NOT_FOLLOWED
        if self.status == RecommendationStatus.IMPLEMENTED:
            done = self.implemented_on or today
            return FollowUp.LATE if self.due_on and done > self.due_on else FollowUp.ON_TIME
        return FollowUp.OVERDUE if self.due_on and today > self.due_on else FollowUp.OPEN

    def clean(self):
        super().clean()
        self.decline_reason = (self.decline_reason or "").strip()
        if self.status == RecommendationStatus.DECLINED and not self.decline_reason:
            raise ValidationError({"decline_reason": _(
                "Give the unit's reason for not following the recommendation."
            )})
        if self.status == RecommendationStatus.IMPLEMENTED and not self.implemented_on:
            raise ValidationError({"implemented_on": _(
                "Give the day the recommendation was implemented.")})
        if self.implemented_on and self.implemented_on < self.issued_on:
            raise ValidationError({"implemented_on": _(
                "It cannot have been implemented before it was issued.")})


class RecommendationStatusChange(models.Model):
    """One step in a recommendation's follow-up: the status it got, when and from whom."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE,
                                       related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=RecommendationStatus.choices)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self):
        return f"{self.get_status_display()} ({self.changed_at:%Y-%m-%d})"
