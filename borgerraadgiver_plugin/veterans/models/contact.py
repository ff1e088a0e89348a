"""The person in the registry (veteran or relative), their consents and municipal touchpoints.

No CPR field, no diagnosis field, no decision or case-processing fields: the coordinator has
no authority (domain.md §7). ``__str__`` is a reference, never a name, because it is what the
audit log stores.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ...choices import Channel
from ...models import DataSubjectRights, RestrictableQuerySet
from ...public_forms import new_receipt_token
from ...text import validate_name
from .. import consent as rules
from ..choices import (
    ConsentScope,
    ContactRole,
    ContactSource,
    DeployingOrg,
    PreferredChannel,
    Relation,
)
from ..validators import validate_no_cpr, validate_note, validate_phone
from .vocabulary import NeedArea

NOTE_MAX = 1000


def reference_for(pk):
    """The contact's reference (and its ``str()``), from its primary key alone."""
    return f"VK-{pk:05d}" if pk else "VK-new"


class VeteranContactQuerySet(RestrictableQuerySet):
    def with_valid_registration(self, on=None):
        return self.filter(pk__in=VeteranConsent.objects.filter(rules.valid_q(on))
                           .values("contact_id"))

    def renewal_due(self, on=None):
        return self.filter(anonymised_at__isnull=True, pk__in=VeteranConsent.objects.filter(
            rules.renewal_due_q(on)).values("contact_id"))

    def follow_up_due(self, until):
        return self.filter(active=True, anonymised_at__isnull=True,
                           next_follow_up__isnull=False, next_follow_up__lte=until)


class TouchpointQuerySet(models.QuerySet):
    def current(self, on):
        """Touchpoints the person is still in contact with on ``on``."""
        return self.filter(models.Q(until__isnull=True) | models.Q(until__gte=on)).exclude(
            area__valid_to__lt=on)

    def next_step_due(self, until):
        return self.filter(next_step_on__isnull=False, next_step_on__lte=until,
                           contact__active=True, contact__anonymised_at__isnull=True)


class VeteranContact(ClusterableModel, DataSubjectRights):
    # Personal-data records stay out of Wagtail's reference index, so no "usage" screen of an
    # area or partner lists them (and saving one queues no indexing task).
    wagtail_reference_index_ignore = True

    role = models.CharField(_("role"), max_length=10, choices=ContactRole.choices,
                            default=ContactRole.VETERAN)
    veteran = models.ForeignKey(
        "self", verbose_name=_("relative of"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="relatives",
        help_text=_("For a relative: the veteran they are related to, if the veteran is in "
                    "the registry."))
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices,
                                blank=True)
    name = models.CharField(_("name"), max_length=150, validators=[validate_name])
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=PreferredChannel.choices,
        default=PreferredChannel.PHONE)
    best_time = models.CharField(_("best time to call"), max_length=100, blank=True,
                                 validators=[validate_note])
    address = models.TextField(_("address"), blank=True, validators=[validate_note],
                               help_text=_("Optional."))
    deploying_org = models.CharField(_("deploying organisation"), max_length=15,
                                     choices=DeployingOrg.choices, default=DeployingOrg.UNKNOWN)
    mission = models.CharField(_("mission and year"), max_length=200, blank=True,
                               validators=[validate_note],
                               help_text=_("Free text, only if the person volunteers it."))
    in_contact_with_veterancentret = models.BooleanField(
        _("already in contact with Veterancentret"), default=False)
    need_areas = models.ManyToManyField(NeedArea, verbose_name=_("need areas"), blank=True,
                                        related_name="contacts")
    situation_note = models.TextField(
        _("situation note"), blank=True,
        validators=[validate_note, MaxLengthValidator(NOTE_MAX)],
        help_text=_("Short and non-clinical: no diagnoses, no case decisions, no CPR numbers."))
    next_follow_up = models.DateField(_("next follow-up"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    source = models.CharField(_("registered via"), max_length=15, choices=ContactSource.choices,
                              default=ContactSource.MANUAL, editable=False)
    request_token = models.CharField(max_length=64, null=True, blank=True, unique=True,
                                     editable=False)
    receipt_token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                                     editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True,
                                         editable=False)

    objects = VeteranContactQuerySet.as_manager()

    NAME_FIELDS = ("name",)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("veteran contact")
        verbose_name_plural = _("veteran contacts")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return reference_for(self.pk)

    @property
    def display_name(self):
        return f"{self.name} ({self.reference})"

    @property
    def consent_state(self):
        return rules.registration_state(list(self.consents.all()))

    def get_consent_state_display(self):
        return rules.State.LABELS[self.consent_state]

    def need_area_names(self):
        return ", ".join(area.name for area in self.need_areas.all())

    need_area_names.short_description = _("need areas")

    def clean(self):
        super().clean()
        errors = {}
        if not self.anonymised_at and not (self.phone or self.email):
            errors["phone"] = _("Give a phone number or an e-mail address.")
        if self.role == ContactRole.RELATIVE:
            # A relative may come alone: the veteran need not be in the registry.
            if self.veteran_id is None:
                pass
            elif self.pk and self.veteran_id == self.pk:
                errors["veteran"] = _("A contact cannot be linked to themself.")
            elif self.veteran.role != ContactRole.VETERAN:
                errors["veteran"] = _(
                    "A relative can only be linked to a veteran, not to another relative.")
            if not self.relation:
                errors["relation"] = _("Say how the relative is related to the veteran.")
        else:
            if self.veteran_id:
                errors["veteran"] = _("Only a relative is linked to a veteran.")
            if self.relation:
                errors["relation"] = _("Only a relative has a relation to a veteran.")
        if (self.pk and self.role == ContactRole.RELATIVE
                and VeteranContact.objects.filter(veteran_id=self.pk).exists()):
            errors["role"] = _("This veteran has relatives linked; unlink them before making "
                               "the contact a relative.")
        if errors:
            raise ValidationError(errors)


class VeteranConsent(models.Model):
    contact = ParentalKey(VeteranContact, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("scope"), max_length=20, choices=ConsentScope.choices,
                             default=ConsentScope.REGISTRATION)
    parties = models.CharField(
        _("named units or partners"), max_length=255, blank=True, validators=[validate_note],
        help_text=_("For contact with units or partners: which ones."))
    given_on = models.DateField(_("given on"), default=rules.today)
    channel = models.CharField(_("channel"), max_length=15, choices=Channel.choices,
                               default=Channel.PHONE)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    renew_by = models.DateField(_("renew by"), null=True, blank=True,
                                help_text=_("Left empty: the settings' renewal period."))

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_scope_display()} {self.given_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.renew_by is None and self.given_on:
            self.renew_by = rules.default_renew_by(self.given_on)
        super().save(*args, **kwargs)


    def clean(self):
        super().clean()
        rules.check_dates(self.given_on, self.withdrawn_on)
        if (self.scope in (ConsentScope.MUNICIPAL_UNITS, ConsentScope.PARTNERS)
                and not self.parties.strip()):
            raise ValidationError({"parties": _("Name the units or partners the consent "
                                                "covers.")})
        if self.renew_by and self.given_on and self.renew_by < self.given_on:
            raise ValidationError({"renew_by": _("The renewal date must be after the date "
                                                 "the consent was given.")})


class MunicipalTouchpoint(models.Model):
    """Which municipal unit the person deals with, and who there: the coordination map."""

    contact = ParentalKey(VeteranContact, on_delete=models.CASCADE, related_name="touchpoints")
    area = models.ForeignKey("borgerraadgiver.Area", verbose_name=_("area"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    unit = models.CharField(_("unit"), max_length=150, blank=True, validators=[validate_note])
    contact_person = models.CharField(_("contact person there"), max_length=150, blank=True,
                                      validators=[validate_no_cpr])
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    next_step = models.CharField(
        _("agreed next step"), max_length=255, blank=True, validators=[validate_note],
        help_text=_("What was agreed with the unit, without copying its case content."))
    next_step_on = models.DateField(_("next step by"), null=True, blank=True)

    objects = TouchpointQuerySet.as_manager()

    class Meta:
        ordering = ["-since", "pk"]
        verbose_name = _("municipal touchpoint")
        verbose_name_plural = _("municipal touchpoints")

    def __str__(self):
        return self.unit or str(self.area or "")

    def clean(self):
        super().clean()
        if not self.area_id and not self.unit.strip():
            raise ValidationError({"unit": _("Choose an area or name the unit.")})
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end date must be after the start date.")})
        if self.next_step_on and not self.next_step.strip():
            raise ValidationError({"next_step": _("Say what the agreed next step is.")})

    @property
    def label(self):
        """The unit as the coordinator names it: area and unit, either one alone."""
        names = [name for name in (self.area.name if self.area_id else "", self.unit) if name]
        return " – ".join(names)

    def is_current(self, on):
        """Still in contact on ``on``: not ended before it, and its area not closed."""
        if self.until and self.until < on:
            return False
        return not (self.area_id and self.area.valid_to and self.area.valid_to < on)
