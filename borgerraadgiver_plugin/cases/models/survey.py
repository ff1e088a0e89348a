"""The satisfaction survey (tilfredshedsundersøgelse): one invitation per closed case, and
answers that cannot be traced back to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ...choices import InquiryType
from ...models import Area
from ...public_forms import new_receipt_token
from .case import Case


class SurveyAnswerChoice(models.TextChoices):
    YES = "YES", _("Yes")
    PARTLY = "PARTLY", _("Partly")
    NO = "NO", _("No")


class ReturnChoice(models.TextChoices):
    YES = "YES", _("Yes")
    MAYBE = "MAYBE", _("Maybe")
    NO = "NO", _("No")


class SurveyInvitation(models.Model):
    """The link sent to the citizen when a case is closed. It knows its case (so the case gets
    one, and a reopened case voids it); the answer it leads to does not."""

    wagtail_reference_index_ignore = True

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="survey_invitations")
    token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                             editable=False)
    sent_on = models.DateField(_("sent"), auto_now_add=True)
    answered = models.BooleanField(_("answered"), default=False)
    voided = models.BooleanField(_("voided"), default=False,
                                 help_text=_("The case was reopened after the link was sent."))

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")

    def __str__(self):
        return str(self.case)  # the reference: audit-log labels never carry names


class SurveyAnswer(models.Model):
    """One citizen's answers. Only the year the case was closed, its type and its area are
    kept beside them: no case, no date, no invitation."""

    wagtail_reference_index_ignore = True

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    inquiry_type = models.CharField(_("type"), max_length=20, choices=InquiryType.choices)
    area = models.ForeignKey(Area, verbose_name=_("area"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    heard = models.CharField(_("felt heard"), max_length=10, choices=SurveyAnswerChoice.choices)
    understood = models.CharField(_("understood the answer"), max_length=10,
                                  choices=SurveyAnswerChoice.choices)
    would_return = models.CharField(_("would contact the advisor again"), max_length=10,
                                    choices=ReturnChoice.choices)
    #: The free comment after the personal-data scan: what it found is masked before storing.
    comment = models.TextField(_("comment"), blank=True)
    comment_masked = models.BooleanField(_("personal data masked in the comment"),
                                         default=False)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self):
        return f"{self.year} {self.get_inquiry_type_display()}"
