from django.utils.translation import gettext_lazy as _

from ...pages import IntroPage


class ComplaintFormPage(IntroPage):
    """Klage- og henvendelsesformular: where citizens reach the advisor."""

    template = IntroPage.template

    class Meta:
        verbose_name = _("complaint form page")
