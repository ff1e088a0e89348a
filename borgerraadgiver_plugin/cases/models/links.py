"""Related and duplicate cases (sammenkædning): a link between two cases, kept both ways."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case


class LinkKind(models.TextChoices):
    RELATED = "RELATED", _("Related")
    DUPLICATE = "DUPLICATE", _("Duplicate")


class CaseLink(models.Model):
    """``case`` is linked to ``other``; a DUPLICATE link is what a merge leaves behind."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_from")
    other = models.ForeignKey(Case, verbose_name=_("other case"), on_delete=models.CASCADE,
                              related_name="links_to")
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices,
                            default=LinkKind.RELATED)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "other"], name="borgerraadgiver_case_link"),
            models.CheckConstraint(condition=~models.Q(case=models.F("other")),
                                   name="borgerraadgiver_case_link_not_self"),
        ]
        ordering = ["created_at", "id"]
        verbose_name = _("case link")
        verbose_name_plural = _("case links")

    def __str__(self):
        return f"{self.case} ↔ {self.other}"
