"""What the coordinator does for a contact: the activity log and referrals to partners."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import consent as rules
from ..choices import ActivityKind, ReferralKind, ReferralStatus
from ..validators import validate_note
from .contact import MunicipalTouchpoint, VeteranContact
from .vocabulary import ExternalPartner


def _check_new(record, nomination=False):
    # ``_state.adding`` is public despite the underscore (Django's "Model instance reference").
    if record._state.adding and record.contact_id:
        try:
            rules.check_new_record(record.contact, nomination=nomination)
        except ValidationError as error:
            raise ValidationError({"contact": error}) from None


class VeteranActivity(models.Model):
    # Personal-data records stay out of Wagtail's reference index, so no "usage" screen of an
    # area or partner lists them (and saving one queues no indexing task).
    wagtail_reference_index_ignore = True

    contact = models.ForeignKey(VeteranContact, verbose_name=_("contact"),
                                on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=25, choices=ActivityKind.choices,
                            default=ActivityKind.CONTACT)
    date = models.DateField(_("date"), default=rules.today)
    participants = models.CharField(_("participants"), max_length=255, blank=True,
                                    validators=[validate_note])
    note = models.TextField(_("note"), blank=True,
                            validators=[validate_note, MaxLengthValidator(2000)])
    follow_up = models.DateField(_("follow-up date"), null=True, blank=True)
    touchpoints = models.ManyToManyField(
        MunicipalTouchpoint, verbose_name=_("units"), blank=True, related_name="meetings",
        help_text=_("For a coordination meeting: the municipal units taking part."))

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activity log")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d} ({self.contact})"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            self.move_contact_follow_up()

    def clean(self):
        super().clean()
        _check_new(self)

    def unit_names(self):
        return ", ".join(touchpoint.label for touchpoint in self.touchpoints.all())

    def move_contact_follow_up(self):
        """A new log entry settles a follow-up due by its date and sets the next one."""
        contact = self.contact
        due = contact.next_follow_up
        if self.follow_up:
            contact.next_follow_up = self.follow_up
        elif due and due <= self.date:
            contact.next_follow_up = None
        if contact.next_follow_up != due:
            VeteranContact.objects.filter(pk=contact.pk).update(
                next_follow_up=contact.next_follow_up)


class PartnerReferral(models.Model):
    # Personal-data records stay out of Wagtail's reference index, so no "usage" screen of an
    # area or partner lists them (and saving one queues no indexing task).
    wagtail_reference_index_ignore = True

    contact = models.ForeignKey(VeteranContact, verbose_name=_("contact"),
                                on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(ExternalPartner, verbose_name=_("partner"),
                                on_delete=models.PROTECT, related_name="referrals")
    kind = models.CharField(_("kind"), max_length=12, choices=ReferralKind.choices,
                            default=ReferralKind.REFERRAL)
    sent_on = models.DateField(_("sent"), default=rules.today)
    status = models.CharField(_("status"), max_length=10, choices=ReferralStatus.choices,
                              default=ReferralStatus.SENT)
    expected_answer = models.DateField(
        _("expected answer"), null=True, blank=True,
        help_text=_("Left empty: from the partner's usual answer time."))
    note = models.TextField(_("note"), blank=True,
                            validators=[validate_note, MaxLengthValidator(2000)])

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("referral or nomination")
        verbose_name_plural = _("referrals and nominations")

    def __str__(self):
        return f"{self.get_kind_display()} {self.sent_on:%Y-%m-%d} ({self.contact})"

    def save(self, *args, **kwargs):
        if self.expected_answer is None and self.sent_on and self.partner_id:
            weeks = self.partner.answer_weeks
            if weeks:
                self.expected_answer = self.sent_on + datetime.timedelta(weeks=weeks)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        _check_new(self, nomination=self.kind == ReferralKind.NOMINATION)
        if self.expected_answer and self.sent_on and self.expected_answer < self.sent_on:
            raise ValidationError({"expected_answer": _(
                "The expected answer cannot come before the referral was sent.")})
