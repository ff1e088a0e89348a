"""Vocabularies the municipality edits: areas, complaint themes and referral bodies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from ..cached import CachedRows
from ..choices import ReferralTarget


class AreaQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def current(self):
        return self.valid_on(timezone.localdate())


class Area(index.Indexed, models.Model):
    """Forvaltningsområde / center.

    Municipalities reorganise; an area is closed with ``valid_to`` rather than deleted, so a case
    keeps the area that was valid when it was registered and old statistics stay comparable.
    """

    name = models.CharField(_("name"), max_length=150)
    committee = models.CharField(
        _("committee"), max_length=150, blank=True,
        help_text=_("The political committee (udvalg) the area answers to."),
    )
    is_external = models.BooleanField(
        _("outside the municipality"), default=False,
        help_text=_("For matters that concern another authority, not the municipality."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = AreaQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("committee"),
        FieldPanel("is_external"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")], heading=_("Validity")),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The end date must not be before the start date.")}
            )

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


AREAS = CachedRows("borgerraadgiver:areas", lambda: list(Area.objects.all()), [Area])


def current_areas(day=None):
    """The areas valid on ``day`` (today), in the order of ``Area.objects.valid_on(day)``,
    read from the cache: the complaint form offers them on every view and POST."""
    day = day or timezone.localdate()
    return [area for area in AREAS.get() if area.is_valid_on(day)]


class Theme(index.Indexed, models.Model):
    """Klagetema: what a complaint is about (processing time, hearing of the party, ...)."""

    code = models.SlugField(
        _("code"), max_length=40, unique=True,
        help_text=_("A stable code used in statistics and exports, e.g. PROCESSING_TIME."),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel(name) for name in ("code", "name", "description", "active")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class ReferralBody(index.Indexed, models.Model):
    """Henvisning: where a citizen goes with a matter outside the advisor's remit."""

    code = models.CharField(
        _("kind"), max_length=30, choices=ReferralTarget.choices, default=ReferralTarget.OTHER,
        help_text=_("Which standard body this is; triage suggests bodies by kind."),
    )
    name = models.CharField(_("name"), max_length=150)
    handles = models.TextField(_("what it handles"), blank=True)
    url = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    appeal_deadline = models.CharField(
        _("appeal deadline"), max_length=200, blank=True,
        help_text=_("Shown to the citizen, e.g. 'Within 4 weeks of the decision'."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("handles"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("phone")]),
        FieldPanel("appeal_deadline"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("referral body")
        verbose_name_plural = _("referral bodies")

    def __str__(self):
        return self.name
