from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import RecommendationStatus
from ..models import Area
from ..pages import IntroPage


class LearningNoteIndexPage(IntroPage):
    """Læringsnotater: the intranet index of learning notes."""

    template = IntroPage.template

    class Meta:
        verbose_name = _("learning note index")


class RecommendationSource(models.TextChoices):
    CASE = "CASE", _("Case")
    STUDY = "STUDY", _("Own-initiative study")
    REPORT = "REPORT", _("Annual report")


class Recommendation(models.Model):
    """Anbefaling: the advisor's recommendation to a unit, followed up year after year."""

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
    response = models.TextField(_("the unit's response"), blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.text[:80]
