"""The representative acting for the party on a case (partsrepræsentant, forvaltningsloven § 8)
and the power of attorney (fuldmagt) that lets the advisor share the case with them.

The party stays on the case itself (``Case.citizen_*``); the representative is recorded here,
apart, so a representative's cases are never counted as theirs. Whether the representative
may be told about the case is :func:`..representation.power_of_attorney` (via
``Case.representative_may_be_told``).
"""


from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...privacy import validate_no_cpr
from ...text import validate_name, validate_phone, validate_plain_text
from ..representation import PowerOfAttorneyScope, RepresentativeRelation
from .case import Case
from .timeline import CaseDocument

NOTE_MAX = 1000


class Representative(models.Model):
    wagtail_reference_index_ignore = True

    case = models.OneToOneField(Case, verbose_name=_("case"), on_delete=models.CASCADE,
                                related_name="representative")
    name = models.CharField(_("representative's name"), max_length=200,
                            validators=[validate_name])
    relation = models.CharField(_("relation to the party"), max_length=15,
                                choices=RepresentativeRelation.choices,
                                default=RepresentativeRelation.RELATIVE)
    email = models.EmailField(_("representative's e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("representative's phone"), max_length=40, blank=True,
                             validators=[validate_phone])
    #: Where a letter to the representative goes (the party's is ``Case.citizen_address``).
    address = models.TextField(_("representative's postal address"), blank=True,
                               validators=[validate_plain_text, validate_no_cpr,
                                           MaxLengthValidator(NOTE_MAX)])
    poa_received_on = models.DateField(_("power of attorney received"), null=True, blank=True)
    poa_scope = models.CharField(_("the power of attorney covers"), max_length=15,
                                 choices=PowerOfAttorneyScope.choices,
                                 default=PowerOfAttorneyScope.WHOLE_CASE)
    poa_parts = models.TextField(_("parts covered"), blank=True,
                                 validators=[validate_plain_text, validate_no_cpr,
                                             MaxLengthValidator(NOTE_MAX)])
    poa_valid_until = models.DateField(_("power of attorney valid until"), null=True,
                                       blank=True)
    poa_document = models.ForeignKey(
        CaseDocument, verbose_name=_("power of attorney document"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")
    poa_oral = models.BooleanField(_("oral power of attorney, noted"), default=False)
    poa_oral_note = models.TextField(_("note of the oral power of attorney"), blank=True,
                                     validators=[validate_plain_text, validate_no_cpr,
                                                 MaxLengthValidator(NOTE_MAX)])
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self):
        return f"{self.case} ({self.get_relation_display()})"

    def clean(self):
        super().clean()
        errors = {}
        if (self.poa_valid_until and self.poa_received_on
                and self.poa_valid_until < self.poa_received_on):
            errors["poa_valid_until"] = _(
                "The power of attorney cannot end before it was received.")
        if self.poa_oral and not self.poa_oral_note.strip():
            errors["poa_oral_note"] = _(
                "Note what the party said when giving the oral power of attorney.")
        if self.poa_oral and not self.poa_received_on:
            errors["poa_received_on"] = _("Give the date the oral power of attorney was given.")
        if self.poa_scope == PowerOfAttorneyScope.NAMED_PARTS and not self.poa_parts.strip():
            errors["poa_parts"] = _("Name the parts of the case the power of attorney covers.")
        if errors:
            raise ValidationError(errors)
