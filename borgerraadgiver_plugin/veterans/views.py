"""Registry views: thin layers over wagtail-modeladmin's, adding the audit of reads and
exports, the consent warnings and the follow-up warning. Rules live in consent.py."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail_modeladmin.views import CreateView, EditView, IndexView, InspectView

from .. import audit
from ..refusal import forbidden
from ..streaming import StreamingExportMixin
from . import consent as rules
from .anonymisation import anonymise
from .choices import ActivityKind, ReferralKind
from .exports import ContactRows
from .models import PartnerReferral, VeteranActivity, VeteranContact
from .models.contact import reference_for
from .permissions import record_denied
from .rights_views import steps_for


def _url(model, action, *args):
    opts = model._meta
    return reverse(f"{opts.app_label}_{opts.model_name}_modeladmin_{action}", args=args)


class RegistryIndexView(StreamingExportMixin, IndexView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            # A hand-edited or stale filter value: start again from the unfiltered list.
            messages.error(request, _("The filter could not be used; showing all records."))
            return redirect(self.index_url)

    @cached_property
    def export_cells(self):
        """The contact export from plain values, when its columns are the ones it knows."""
        if self.model is VeteranContact and ContactRows.supports(self.list_export):
            return ContactRows(self.list_export, self.model_admin.get_empty_value_display)
        return None

    def export_queryset(self, queryset):
        return queryset if self.export_cells is None else self.export_cells.read_from(queryset)

    def export_rows(self, chunk, export_format):
        if self.export_cells is None:
            return super().export_rows(chunk, export_format)
        return self.export_cells.rows(chunk)

    def record_export(self, chunk, export_format):
        if self.export_cells is None:
            audit.record_many(self.request.user, chunk, audit.EXPORT, format=export_format)
        else:
            audit.record_many_ids(self.request.user, VeteranContact,
                                  [(row[0], reference_for(row[0])) for row in chunk],
                                  audit.EXPORT, format=export_format)

    def preprocess_field_value(self, field, value, export_format):
        # The lone dash of an empty cell is no formula; a phone number "+45 ..." could be.
        if value == self.model_admin.get_empty_value_display(field):
            return value
        return super().preprocess_field_value(field, value, export_format)


class FollowUpWarningMixin:
    def warn_about_past_dates(self, instance):
        today = rules.today()
        for field in ("next_follow_up", "follow_up"):
            value = getattr(instance, field, None)
            if value and value < today:
                messages.warning(self.request, _(
                    "The follow-up date %(date)s is in the past. Check that it is right."
                ) % {"date": value.strftime("%d-%m-%Y")})


class RegistryCreateView(FollowUpWarningMixin, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        for name in ("contact", "kind", "partner"):
            if (value := self.request.GET.get(name)) and len(value) < 40:
                initial[name] = value
        return initial

    def get_success_url(self):
        contact_id = getattr(self.instance, "contact_id", None)
        if contact_id:
            return _url(VeteranContact, "inspect", quote(contact_id))
        if isinstance(self.instance, VeteranContact):
            return _url(VeteranContact, "inspect", quote(self.instance.pk))
        return super().get_success_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        self.warn_about_past_dates(self.instance)
        return response


class RegistryEditView(FollowUpWarningMixin, EditView):
    def get(self, request, *args, **kwargs):
        audit.record(request.user, self.instance, audit.VIEW)
        return super().get(request, *args, **kwargs)

    def get_success_url(self):
        contact_id = getattr(self.instance, "contact_id", None)
        if isinstance(self.instance, VeteranContact):
            contact_id = self.instance.pk
        if contact_id:
            return _url(VeteranContact, "inspect", quote(contact_id))
        return super().get_success_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        if isinstance(self.instance, VeteranContact) and rules.offers_anonymisation(
                self.instance):
            messages.warning(self.request, _(
                "Registration consent has been withdrawn. You can now anonymise the contact: "
                "the identity goes, the activities stay counted."))
        return response


class ContactInspectView(InspectView):
    """The whole person on one page: relatives, consents, touchpoints, log and referrals."""

    def get(self, request, *args, **kwargs):
        audit.record(request.user, self.instance, audit.VIEW)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        contact = self.instance
        consents = list(contact.consents.all())
        state = rules.registration_state(consents)
        helper = self.permission_helper
        can_change = helper.user_can_edit_obj(self.request.user, contact)
        user = self.request.user
        context = {
            "contact": contact,
            "consents": consents,
            "consent_state": state,
            "consent_label": rules.State.LABELS[state],
            "consent_ok": state in rules.State.ALLOWS_NEW_RECORDS,
            "offer_anonymisation": can_change and rules.offers_anonymisation(contact),
            "relatives": contact.relatives.all(),
            "touchpoints": contact.touchpoints.select_related("area"),
            "activities": contact.activities.prefetch_related("touchpoints__area"),
            "referrals": contact.referrals.select_related("partner"),
            "need_areas": contact.need_areas.all(),
            "can_change": can_change,
            "can_add_activity": can_change and user.has_perm(
                "borgerraadgiver_veterans.add_veteranactivity"),
            "can_add_referral": can_change and user.has_perm(
                "borgerraadgiver_veterans.add_partnerreferral"),
            "add_activity_url": _url(VeteranActivity, "create"),
            "add_referral_url": _url(PartnerReferral, "create"),
            "meeting_kind": ActivityKind.COORDINATION_MEETING,
            "nomination_kind": ReferralKind.NOMINATION,
            "anonymise_url": reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk]),
            "rights_steps": steps_for(contact, user),
        }
        context.update(kwargs)
        return super().get_context_data(**context)


def anonymise_view(request, pk):
    """Anonymise a contact whose registration consent was withdrawn. It cannot be undone, so a
    GET only shows what will happen; the confirm button on that page POSTs and does it."""
    user = request.user
    contact = VeteranContact.objects.filter(pk=pk).first()
    if not user.has_perm("borgerraadgiver_veterans.change_veterancontact") or contact is None:
        record_denied(request, VeteranContact, pk)
        if contact is None and user.has_perm("borgerraadgiver_veterans.view_veterancontact"):
            get_object_or_404(VeteranContact, pk=pk)
        return forbidden(request)
    inspect_url = _url(VeteranContact, "inspect", quote(contact.pk))
    if not rules.offers_anonymisation(contact):
        messages.error(request, _("Only a contact whose registration consent was withdrawn "
                                  "can be anonymised here."))
        return redirect(inspect_url)
    if request.method != "POST":
        return TemplateResponse(request, "borgerraadgiver_veterans/anonymise_confirm.html", {
            "contact": contact, "inspect_url": inspect_url,
            "activity_count": contact.activities.count(),
            "referral_count": contact.referrals.count(),
        })
    anonymise(contact, user)
    messages.success(request, _("The contact has been anonymised."))
    return redirect(inspect_url)
