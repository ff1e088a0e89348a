"""Erasure on request and restriction of a veteran contact, for the coordinator (the rules are
the core's :mod:`~borgerraadgiver_plugin.erasure`, the anonymisation is retention's)."""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import erasure, rights_forms
from ..refusal import forbidden
from .anonymisation import anonymise
from .models import VeteranContact
from .permissions import record_denied

CHANGE_PERMISSION = "borgerraadgiver_veterans.change_veterancontact"
VIEW_PERMISSION = "borgerraadgiver_veterans.view_veterancontact"
RESTRICT_TEMPLATE = "borgerraadgiver/admin/restrict.html"


@dataclass(frozen=True)
class Step:
    label: str
    form_class: type
    perform: callable
    message: str
    template_name: str


STEPS = {
    "erase": Step(gettext_lazy("Erase on request"), rights_forms.ErasureForm,
                  lambda c, u, d: erasure.erase(c, u, reason=d["reason"],
                                                decided_by=d["decided_by"],
                                                anonymise=anonymise),
                  gettext_lazy("The contact's personal data is erased. The activities stay "
                               "counted."), "borgerraadgiver_veterans/erase.html"),
    "restrict": Step(gettext_lazy("Restrict use"), rights_forms.RestrictionForm,
                     lambda c, u, d: erasure.restrict(c, u, reason=d["reason"]),
                     gettext_lazy("The contact is restricted: kept, but hidden from the "
                                  "registry's lists and exports until lifted."),
                     RESTRICT_TEMPLATE),
    "lift-restriction": Step(gettext_lazy("Lift the restriction"), rights_forms.RestrictionForm,
                             lambda c, u, d: erasure.lift_restriction(c, u, reason=d["reason"]),
                             gettext_lazy("The restriction is lifted: the contact is listed "
                                          "again."), RESTRICT_TEMPLATE),
}


def steps_for(contact, user):
    """The buttons the contact's page offers ``user``: ``[{"label", "url"}]``."""
    if contact.anonymised_at or not user.has_perm(CHANGE_PERMISSION):
        return []
    names = ["lift-restriction" if contact.restricted_at else "restrict", "erase"]
    return [{"label": STEPS[name].label,
             "url": reverse("borgerraadgiver_veterans_rights", args=[contact.pk, name])}
            for name in names]


class ContactRightsView(WagtailAdminTemplateMixin, FormView):
    """``contacts/<pk>/rights/<step>/``: the form; POST performs it or says why not."""

    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.contact = VeteranContact.objects.filter(pk=kwargs["pk"]).first()
        self.step = STEPS.get(kwargs["step"])
        if not request.user.has_perm(CHANGE_PERMISSION):
            record_denied(request, VeteranContact, kwargs["pk"])
            return forbidden(request)
        if self.contact is None or self.step is None:
            raise Http404(_("No such contact or step."))
        return super().dispatch(request, *args, **kwargs)

    @property
    def inspect_url(self):
        return reverse("borgerraadgiver_veterans_veterancontact_modeladmin_inspect",
                       args=[quote(self.contact.pk)])

    def get_template_names(self):
        return [self.step.template_name]

    def get_form_class(self):
        return self.step.form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.contact}

    def get_page_title(self):
        return self.step.label

    def get_page_subtitle(self):
        return self.contact.reference

    def get_breadcrumbs_items(self):
        return [{"url": self.inspect_url, "label": self.contact.reference},
                {"url": "", "label": self.step.label}]

    def get_context_data(self, **kwargs):
        contact = self.contact
        return super().get_context_data(**{
            "action_url": self.request.path, "submit_button_label": self.step.label,
            "submit_button_active_label": self.step.label,
            "contact": contact, "record": contact,
            "refusals": erasure.erasure_refusals(contact),
            "activity_count": contact.activities.count(),
            "referral_count": contact.referrals.count(), **kwargs})

    def form_valid(self, form):
        try:
            self.step.perform(self.contact, self.request.user, form.cleaned_data)
        except erasure.RightsRefused as refusal:
            form.add_error(None, str(refusal))
            messages.error(self.request, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, str(self.step.message))
        return redirect(self.inspect_url)
