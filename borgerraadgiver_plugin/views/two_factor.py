"""The admin's *Totrinslogin* screen (Account > Two-factor login): an account sets up its own
authenticator app, gets its recovery codes once, and removes or replaces the app.

Thin: the rules are :mod:`..two_factor_enrolment`. Only there while two-factor login is on.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .. import two_factor
from .. import two_factor_enrolment as enrolment
from ..admin_menu import ADMIN_PATH

TEMPLATE = "borgerraadgiver/admin/two_factor.html"
URL_NAME = two_factor.ENROL_URL_NAME


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


@method_decorator(never_cache, name="dispatch")
class TwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    template_name = TEMPLATE
    page_title = _("Two-factor login")
    header_icon = "key"
    actions = ("confirm", "replace", "remove", "cancel")

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user, session = self.request.user, self.request.session
        device = enrolment.device_for(user)
        setting_up = device is None or bool(session.get(enrolment.SESSION_KEY))
        forms = forms or {}
        context.update(
            device=device, setting_up=setting_up, required=two_factor.required_for(user),
            codes_left=enrolment.recovery_codes_left(user) if device else 0,
            **{f"{action}_form": forms.get(action) or CodeForm(prefix=action)
               for action in self.actions[:3]})
        if setting_up:
            key = enrolment.pending_key(session)
            context.update(manual_key=enrolment.manual_key(key),
                           qr_code=enrolment.qr_code(enrolment.unsaved_device(user, key)
                                                     .config_url))
        return context

    def post(self, request):
        action = request.POST.get("action")
        if action not in self.actions:
            messages.error(request, _("Choose what to do on the page."))
            return redirect(URL_NAME)
        if action == "cancel":
            enrolment.forget_pending(request.session)
            return redirect(URL_NAME)
        form = CodeForm(request.POST, prefix=action)
        if not form.is_valid():
            return self.refuse(action, form)
        code = form.cleaned_data["code"]
        if action == "confirm":
            return self.confirm(code, form)
        return self.change_app(action, code, form)

    def confirm(self, code, form):
        request = self.request
        key = request.session.get(enrolment.SESSION_KEY)
        confirmed = enrolment.confirm(request.user, key, code) if key else None
        if confirmed is None:
            form.add_error("code", _(
                "The code does not match. Type the six digits the app shows for this key now "
                "(they change every 30 seconds)."))
            return self.refuse("confirm", form)
        device, codes = confirmed
        enrolment.forget_pending(request.session)
        otp_login(request, device)
        messages.success(request, _("Two-factor login is set up. The login asks for a code "
                                    "from the app from now on."))
        return self.render_to_response({**self.get_context_data(), "recovery_codes": codes})

    def change_app(self, action, code, form):
        """Replace or remove the app (``action``) only with a code it shows now or an unused
        recovery code, so a session left open cannot change the second factor."""
        if enrolment.use_code(self.request.user, code) is None:
            form.add_error("code", _("The code is wrong or has expired. Type the code your app "
                                     "shows now, or an unused recovery code."))
            return self.refuse(action, form)
        getattr(self, action)()
        return redirect(URL_NAME)

    def replace(self):
        """A new key to set up; the old app works until the new one is confirmed."""
        enrolment.forget_pending(self.request.session)
        enrolment.pending_key(self.request.session)
        messages.info(self.request, _("Set up the new app below. The old one works until the "
                                      "new one is confirmed."))

    def remove(self):
        """No app and no recovery codes any more."""
        enrolment.remove(self.request.user)
        enrolment.forget_pending(self.request.session)
        messages.success(self.request, _("The authenticator app and the recovery codes are "
                                         "removed."))

    def refuse(self, action, form):
        messages.error(self.request, _("Nothing was changed. See the message at the code."))
        return self.render_to_response(self.get_context_data(forms={action: form}))


def urls():
    return [path(f"{ADMIN_PATH}/two-factor/", TwoFactorView.as_view(), name=URL_NAME)]


def account_menu_item(request):
    """The entry under Account > More actions, while two-factor login is on."""
    if not two_factor.enabled():
        return None
    return {"url": reverse(URL_NAME), "label": _("Two-factor login"),
            "help_text": _("Set up, replace or remove the authenticator app that gives your "
                           "one-time codes, and get recovery codes.")}
