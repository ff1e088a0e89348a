"""Vocabularies the coordinator can edit: need areas and external partners."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..choices import PartnerOrg


class NeedArea(models.Model):
    """Behovsområde. A table rather than a text list, so filters work on every database."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("need area")
        verbose_name_plural = _("need areas")

    def __str__(self):
        return self.name


class ExternalPartner(models.Model):
    """An organisation the coordinator refers veterans to or nominates them at."""

    code = models.CharField(_("kind"), max_length=30, choices=PartnerOrg.choices,
                            default=PartnerOrg.OTHER)
    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("what they offer"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    answer_weeks = models.PositiveSmallIntegerField(
        _("usual answer time (weeks)"), null=True, blank=True,
        help_text=_("Sets the expected answer date of a new referral."))
    active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel(name) for name in
              ("name", "code", "description", "phone", "website", "answer_weeks", "active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("external partner")
        verbose_name_plural = _("external partners")

    def __str__(self):
        return self.name
