"""Wagtail's admin login form with a label on the password field: Wagtail gives it none, so
Django shows the field's English name ("Password") above the input."""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own msgid, so Django's Danish catalog translates it.
        self.fields["password"].label = gettext_lazy("Password")
