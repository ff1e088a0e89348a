from django.utils.translation import gettext_lazy as _

from ..pages import IntroPage


class VeteranContactPage(IntroPage):
    """Kontakt veterankoordinatoren: a veteran or relative asks to be contacted."""

    template = IntroPage.template

    class Meta:
        verbose_name = _("veteran contact page")
