from django.utils.translation import gettext_lazy as _

from ..pages import IntroPage


class LearningNoteIndexPage(IntroPage):
    """Læringsnotater: the intranet index of learning notes."""

    template = IntroPage.template

    class Meta:
        verbose_name = _("learning note index")
