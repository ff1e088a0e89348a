"""Henvendelse: one inquiry, complaint or own-initiative study, counted as one record."""


from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import LockableMixin

from ... import dates
from ...choices import (
    CaseOrigin,
    CaseStatus,
    Channel,
    CriticismLevel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RejectionReason,
    RequesterRole,
)
from ...models import Area, DataSubjectRights, ReferralBody, RestrictableQuerySet, Theme
from ...public_forms import new_receipt_token, token_selector
from ...references import next_reference
from .. import representation


class ContactPreference(models.TextChoices):
    EMAIL = "EMAIL", _("E-mail")
    PHONE = "PHONE", _("Phone")
    LETTER = "LETTER", _("Letter")


class CaseQuerySet(RestrictableQuerySet):
    def open(self):
        return self.exclude(status__in=CaseStatus.ended())

    def countable(self):
        """Cases that count in statistics: a merged duplicate is counted in its survivor."""
        return self.exclude(status=CaseStatus.MERGED)


class Case(LockableMixin, DataSubjectRights):
    """A case (sag) and everything registered about it.

    The reference is taken from the yearly sequence when the case is first saved, inside the
    same transaction, so references have no gaps. ``str(case)`` is the reference alone: it ends
    up in audit-log labels, which must not carry names.
    """

    # Personal-data records stay out of Wagtail's reference index, so no "usage" screen of an
    # area or partner lists them (and saving one queues no indexing task).
    wagtail_reference_index_ignore = True

    reference = models.CharField(_("reference"), max_length=30, unique=True, editable=False)
    # Indexed by br_case_received_desc below, which also serves plain range filters.
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    requester_role = models.CharField(
        _("requester"), max_length=20, choices=RequesterRole.choices, default=RequesterRole.CITIZEN
    )
    inquiry_type = models.CharField(
        _("type"), max_length=20, choices=InquiryType.choices, default=InquiryType.GUIDANCE
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=CaseOrigin.choices, default=CaseOrigin.CITIZEN
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW,
        db_index=True,
    )
    triaged_at = models.DateTimeField(_("triaged"), null=True, blank=True)

    # Who: nullable, because anonymous guidance is allowed.
    citizen_name = models.CharField(_("name"), max_length=200, blank=True)
    citizen_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    citizen_phone = models.CharField(_("phone"), max_length=40, blank=True)
    citizen_address = models.TextField(_("address"), blank=True)
    contact_preference = models.CharField(
        _("preferred contact"), max_length=10, choices=ContactPreference.choices, blank=True
    )

    # Consent to contact the unit: the time and the exact wording shown are kept as evidence.
    consent_contact_unit = models.BooleanField(_("may contact the caseworker"), default=False)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_wording = models.TextField(_("consent wording shown"), blank=True)

    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="cases", db_index=False,  # br_case_area_received below starts with it
    )
    secondary_areas = models.ManyToManyField(
        Area, verbose_name=_("secondary areas"), blank=True, related_name="secondary_cases"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="cases"
    )

    account = models.TextField(_("the citizen's account"), blank=True)
    matter_date = models.DateField(_("date of the matter"), null=True, blank=True)
    unit_contacted = models.BooleanField(_("unit already contacted"), null=True, blank=True)
    unit_answered = models.BooleanField(_("unit has answered"), null=True, blank=True)

    # Remit triage.
    suggested_rejection_reason = models.CharField(
        _("suggested rejection reason"), max_length=30, choices=RejectionReason.choices, blank=True,
        help_text=_("What the citizen's answers on the form point to; the advisor decides."),
    )
    age_limit_exceeded = models.BooleanField(_("older than the age limit"), default=False)
    rejection_reason = models.CharField(
        _("rejection reason"), max_length=30, choices=RejectionReason.choices, blank=True
    )
    referral_bodies = models.ManyToManyField(
        ReferralBody, verbose_name=_("referred to"), blank=True, related_name="cases"
    )

    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    criticism_level = models.CharField(
        _("criticism level"), max_length=30, choices=CriticismLevel.choices, blank=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned advisor"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    acknowledgement_due = models.DateField(_("acknowledgement due"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # A legal hold (e.g. a pending lawsuit or an archive's request) keeps the case from
    # retention's anonymisation until it is lifted; who set it and why is kept as evidence.
    legal_hold = models.BooleanField(_("legal hold"), default=False, editable=False)
    legal_hold_reason = models.TextField(_("reason for the legal hold"), blank=True,
                                         editable=False)
    legal_hold_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("legal hold set by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    legal_hold_at = models.DateTimeField(_("legal hold set"), null=True, blank=True,
                                         editable=False)
    # Taken at a træffetid: the session counts it in the annual report's "Synlighed".
    outreach_session = models.ForeignKey(
        "borgerraadgiver_cases.OutreachSession", verbose_name=_("outreach session"), null=True,
        blank=True, on_delete=models.PROTECT, related_name="cases",
        help_text=_("The office hours or outreach session where the inquiry was taken."),
    )
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="merged_cases",
    )

    # Case handling (issue 4): the earliest open deadline, pausing for the citizen and the
    # investigation (undersøgelse). Kept current by ``cases.workflow`` and ``cases.deadlines``.
    next_deadline = models.DateField(_("next deadline"), null=True, blank=True, editable=False)
    paused_at = models.DateTimeField(_("paused"), null=True, blank=True, editable=False)
    pause_reason = models.TextField(_("reason for the pause"), blank=True, editable=False)
    citizen_reply_due = models.DateField(_("citizen's answer due"), null=True, blank=True,
                                         editable=False)
    investigation_questions = models.TextField(_("questions to the unit"), blank=True,
                                               editable=False)
    statement_requested_on = models.DateField(_("statement requested"), null=True, blank=True,
                                              editable=False)
    statement_due = models.DateField(_("statement due"), null=True, blank=True, editable=False)
    statement_received_on = models.DateField(_("statement received"), null=True, blank=True,
                                             editable=False)
    hearing_due = models.DateField(_("citizen's comments due"), null=True, blank=True,
                                   editable=False)
    advisor_statement = models.TextField(_("the advisor's statement"), blank=True,
                                         editable=False)
    request_to_act = models.TextField(_("request to act (henstilling)"), blank=True,
                                      editable=False)

    # Web-form plumbing: the receipt link, and the key that makes a double submit harmless.
    receipt_token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                                     editable=False)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                      editable=False)

    # An imported case keeps the reference it had in the log it came from (cases.importing);
    # it takes a new reference of its own from the yearly counter like any other case.
    original_reference = models.CharField(_("original reference"), max_length=60, blank=True,
                                          editable=False)
    # The account as a Danish full-text vector, kept by a PostgreSQL trigger and GIN-indexed
    # (migration 0007) for similar earlier cases (cases.similar); null on other databases.
    search_vector = SearchVectorField(null=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    NAME_FIELDS = ("citizen_name",)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [("export_case", _("Can export cases"))]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="br_case_received_desc"),
            models.Index(fields=["area", "-received_at", "-id"], name="br_case_area_received"),
            models.Index(fields=["next_deadline"], name="br_case_next_deadline"),
            models.Index(token_selector(), name="br_case_receipt_selector"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["original_reference"],
                                    condition=~models.Q(original_reference=""),
                                    name="borgerraadgiver_case_original_reference"),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # ``_state.adding`` is public despite the underscore (Django's "Model instance
        # reference", State).
        if self._state.adding and self.next_deadline is None and self.acknowledgement_due \
                and not self.acknowledged_at:
            # Whoever stores a new case (intake takes its reference itself), the listing,
            # its filters and the dashboard see its deadline at once; see cases.deadlines.
            self.next_deadline = self.acknowledgement_due
        if self.reference:
            return super().save(*args, **kwargs)
        # A new case must name an area valid on the day it arrived; later reorganisations
        # close the area without touching the cases that already carry it.
        self.validate_area()
        try:
            with transaction.atomic():
                self.reference = next_reference(self.received_at)
                super().save(*args, **kwargs)
        except BaseException:
            self.reference = ""  # the number went back with the rolled-back transaction
            raise

    def clean(self):
        super().clean()
        self.validate_area()

    def validate_area(self):
        if self.area_id and self.received_at:
            day = timezone.localdate(self.received_at)
            if not self.area.is_valid_on(day):
                raise ValidationError({"area": _(
                    "%(area)s was not a valid area on %(day)s. Choose an area that was valid "
                    "when the case was received."
                ) % {"area": self.area, "day": dates.show(day)}})

    @property
    def is_merged(self):
        return self.status == CaseStatus.MERGED

    def legal_hold_reason_text(self):
        """A merged duplicate is kept by its survivor's hold too (see ``anonymisation.HELD``)."""
        for case in (self, self.merged_into):
            if case is not None and case.legal_hold:
                return case.legal_hold_reason or "-"
        return ""

    @property
    def has_representative(self):
        return self.pk is not None and hasattr(self, "representative")

    def power_of_attorney(self, on=None):
        """Where the representative's power of attorney stands on ``on`` (a
        :class:`~..representation.PowerOfAttorney`)."""
        return representation.power_of_attorney(
            self.representative if self.has_representative else None, on)

    def representative_may_be_told(self, on=None):
        """May the advisor share the case with the representative on ``on`` (default today)?
        Only under a power of attorney valid that day; False when there is no representative."""
        return self.power_of_attorney(on).valid

    @property
    def is_anonymous(self):
        return not (self.citizen_name or self.citizen_email or self.citizen_phone)


class CaseHandlingMethod(models.Model):
    """A handling method (løsningsmetode) used on a case, and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="handling_methods")
    method = models.CharField(_("handling method"), max_length=30, choices=HandlingMethod.choices)
    used_on = models.DateField(_("used on"), default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "method"], name="borgerraadgiver_case_method")
        ]
        ordering = ["used_on", "id"]
        verbose_name = _("handling method")
        verbose_name_plural = _("handling methods")

    def __str__(self):
        return self.get_method_display()
