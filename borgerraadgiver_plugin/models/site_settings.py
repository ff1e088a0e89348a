"""The advisor's own settings: contact details, deadlines, retention, statistics."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from ..cached import CachedRows
from ..choices import RetentionMode
from ..working_days import WorkingCalendar, parse_closing_days


def _bounded(low, high):
    return [
        MinValueValidator(low, _("Must be at least %(limit_value)s.")),
        MaxValueValidator(high, _("Must be at most %(limit_value)s.")),
    ]


def _days(verbose_name, default, help_text=""):
    return models.PositiveSmallIntegerField(
        verbose_name, default=default, validators=_bounded(1, 250), help_text=help_text
    )


def split_addresses(text):
    return [part.strip() for part in (text or "").replace(";", ",").replace("\n", ",").split(",")
            if part.strip()]


def validate_addresses(text):
    for address in split_addresses(text):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _('"%(address)s" is not a valid e-mail address.'),
                params={"address": address[:80]}, code="invalid_address",
            ) from None


def validate_closing_days(text):
    parse_closing_days(text)


@register_setting(icon="cog")
class BorgerraadgiverSettings(BaseSiteSetting):
    """Borgerrådgiverens indstillinger. Deadlines are Danish working days (domain.md §10.2)."""

    advisor_name = models.CharField(_("advisor's name"), max_length=150, blank=True)
    advisor_email = models.EmailField(_("advisor's e-mail"), blank=True)
    advisor_phone = models.CharField(_("advisor's phone"), max_length=40, blank=True)
    advisor_address = models.TextField(_("address"), blank=True)
    office_hours = models.TextField(_("office and phone hours"), blank=True)

    acknowledgement_days = _days(
        _("acknowledge receipt within"), 10, _("Working days from receipt to acknowledgement.")
    )
    forwarding_answer_days = _days(
        _("unit answers a forwarded complaint within"), 10,
        _("Working days the unit has to answer the citizen, with a copy to the advisor."),
    )
    forwarding_reminder_days = _days(
        _("remind the unit after"), 5, _("Working days after forwarding before a reminder.")
    )
    investigation_statement_days = _days(
        _("unit's statement and files within"), 15,
        _("Working days the unit has to send its statement in an investigation."),
    )
    citizen_hearing_days = _days(
        _("citizen comments on the statement within"), 10,
        _("Working days for the citizen's comments (partshøring)."),
    )
    citizen_inactivity_days = _days(
        _("close after citizen inactivity of"), 20,
        _("Working days without an answer from the citizen before the case may be closed."),
    )
    complaint_age_limit_months = models.PositiveSmallIntegerField(
        _("complaint age limit (months)"), default=12, validators=_bounded(1, 120),
        help_text=_("Matters that ended longer ago are flagged, not refused."),
    )
    closing_days = models.TextField(
        _("closing days"), blank=True, default="24-12\n31-12\n05-06",
        validators=[validate_closing_days],
        help_text=_("Days the office is closed besides public holidays, one a line: DD-MM every "
                    "year or YYYY-MM-DD once."),
    )

    max_attachments = models.PositiveSmallIntegerField(
        _("attachments per inquiry"), default=5, validators=_bounded(0, 20)
    )
    max_attachment_mb = models.PositiveSmallIntegerField(
        _("largest attachment (MB)"), default=10, validators=_bounded(1, 100)
    )
    max_total_attachment_mb = models.PositiveSmallIntegerField(
        _("all attachments together (MB)"), default=25, validators=_bounded(1, 500)
    )

    retention_years = models.PositiveSmallIntegerField(
        _("retention after closure (years)"), default=5, validators=_bounded(1, 30),
        help_text=_("Closed cases, and veteran contacts without activity, are anonymised after "
                    "this; statistics are kept."),
    )
    retention_mode = models.CharField(
        _("retention"), max_length=10, choices=RetentionMode.choices, default=RetentionMode.OFF,
        help_text=_("Ask the municipal archive whether records must be delivered to it before "
                    "they are anonymised. While retention is off, nothing is anonymised."),
    )
    veteran_consent_renewal_months = models.PositiveSmallIntegerField(
        _("renew veteran consent every (months)"), default=12, validators=_bounded(1, 60)
    )
    suppression_threshold = models.PositiveSmallIntegerField(
        _("suppress statistics cells below"), default=3, validators=_bounded(2, 50),
        help_text=_("Counts under this number are hidden in reports and exports."),
    )
    reporting_year_start_month = models.PositiveSmallIntegerField(
        _("reporting year starts in month"), default=1, validators=_bounded(1, 12),
        help_text=_("1 for the calendar year, 10 for October to September."),
    )
    notification_emails = models.TextField(
        _("notification addresses"), blank=True, validators=[validate_addresses],
        help_text=_("Who is told of new inquiries; separate addresses with commas."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel(name) for name in
             ("advisor_name", "advisor_email", "advisor_phone", "advisor_address", "office_hours")],
            heading=_("Advisor"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in (
                "acknowledgement_days", "forwarding_answer_days", "forwarding_reminder_days",
                "investigation_statement_days", "citizen_hearing_days",
                "citizen_inactivity_days", "complaint_age_limit_months", "closing_days",
            )],
            heading=_("Deadlines"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in
             ("max_attachments", "max_attachment_mb", "max_total_attachment_mb")],
            heading=_("Attachments"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in (
                "retention_mode", "retention_years", "veteran_consent_renewal_months",
                "suppression_threshold", "reporting_year_start_month", "notification_emails",
            )],
            heading=_("Privacy, statistics and notifications"),
        ),
    ]

    class Meta:
        verbose_name = _("citizen advisor settings")
        # The access log has no model of its own (it is Wagtail's ModelLogEntry).
        permissions = [("view_access_log", _("Can see who used which record (access log)"))]

    def clean(self):
        super().clean()
        if (self.forwarding_reminder_days and self.forwarding_answer_days
                and self.forwarding_reminder_days >= self.forwarding_answer_days):
            raise ValidationError({"forwarding_reminder_days": _(
                "The reminder must come before the unit's deadline."
            )})
        if (self.max_attachment_mb and self.max_total_attachment_mb
                and self.max_attachment_mb > self.max_total_attachment_mb):
            raise ValidationError({"max_total_attachment_mb": _(
                "The total must be at least the size of one attachment."
            )})

    @classmethod
    def for_site(cls, site):
        """Wagtail's, with the settings read from the cache (every form page and receipt needs
        them, through Wagtail's ``for_request``); a site without settings yet gets them created
        the usual way."""
        found = SETTINGS.get().get(site.pk) if site is not None else None
        return found if found is not None else super().for_site(site)

    @classmethod
    def current(cls, site=None):
        """The settings of ``site``, or of the default site when there is no request."""
        site = site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls()
        return cls.for_site(site)

    @property
    def calendar(self):
        return WorkingCalendar.from_text(self.closing_days)

    @property
    def notification_addresses(self):
        return split_addresses(self.notification_emails)


def _settings_by_site():
    return {settings.site_id: settings for settings in BorgerraadgiverSettings.objects.all()}


SETTINGS = CachedRows("borgerraadgiver:settings", _settings_by_site, [BorgerraadgiverSettings])
