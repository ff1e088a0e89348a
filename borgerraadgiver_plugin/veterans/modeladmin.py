"""The registry's screens, with wagtail-modeladmin (the customer's choice): one group,
"Veterans", inside the "Borgerrådgiver" admin menu (or at top level, see
``BORGERRAADGIVER_VETERANS_TOP_LEVEL_MENU``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.helpers import AdminURLHelper
from wagtail_modeladmin.menus import GroupMenuItem
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from .. import conf
from ..columns import yes_no_display
from ..refusal import forbidden
from . import filters, views
from .forms import CoordinationRecordForm, VeteranContactForm
from .models import ExternalPartner, NeedArea, PartnerReferral, VeteranActivity, VeteranContact
from .permissions import RegistryPermissionHelper, record_denied

TOP_LEVEL_SETTING = "BORGERRAADGIVER_VETERANS_TOP_LEVEL_MENU"


def labelled(text):
    def decorate(function):
        function.short_description = text
        return function
    return decorate


class RegistryURLHelper(AdminURLHelper):
    """The registry's screens lie under ``/admin/borgerraadgiver/veterans/`` (each admin's
    ``base_url_path``) like every admin screen of the plugin; their URL names stay modeladmin's
    own, after the model (``borgerraadgiver_veterans_veterancontact_modeladmin_index``)."""

    def get_action_url_name(self, action):
        return f"{self.opts.app_label}_{self.opts.model_name}_modeladmin_{action}"


class RegistryModelAdmin(ModelAdmin):
    """Every URL of the registry answers 403 to a user without the model's view permission
    (the same for a record that exists and one that does not), and logs the attempt."""

    url_helper_class = RegistryURLHelper
    permission_helper_class = RegistryPermissionHelper
    history_view_enabled = False
    create_view_class = views.RegistryCreateView
    edit_view_class = views.RegistryEditView
    index_view_class = views.RegistryIndexView
    index_template_name = "borgerraadgiver_veterans/modeladmin/index.html"

    def _guarded(self, view, request, instance_pk=None):
        if not self.permission_helper.user_can_list(request.user):
            record_denied(request, self.model, instance_pk)
            return forbidden(request)
        if instance_pk is not None and not str(instance_pk).isdigit():
            raise Http404
        try:
            if instance_pk is None:
                return view(request)
            return view(request, instance_pk)
        except PermissionDenied:
            record_denied(request, self.model, instance_pk)
            return forbidden(request)

    def index_view(self, request):
        return self._guarded(super().index_view, request)

    def create_view(self, request):
        return self._guarded(super().create_view, request)

    def edit_view(self, request, instance_pk):
        return self._guarded(super().edit_view, request, instance_pk)

    def inspect_view(self, request, instance_pk):
        return self._guarded(super().inspect_view, request, instance_pk)

    def delete_view(self, request, instance_pk):
        return self._guarded(super().delete_view, request, instance_pk)


class VeteranContactAdmin(RegistryModelAdmin):
    model = VeteranContact
    base_url_path = "borgerraadgiver/veterans/contacts"
    menu_label = _("Contacts")
    menu_item_name = "veteran-contacts"
    menu_icon = "user"
    inspect_view_enabled = True
    inspect_view_class = views.ContactInspectView
    inspect_template_name = "borgerraadgiver_veterans/contact_inspect.html"
    list_display = ["name", "reference_column", "role", "phone", "consent_column",
                    "next_follow_up", "active_display"]
    active_display = staticmethod(yes_no_display(VeteranContact, "active"))
    list_filter = ["role", "active", filters.ConsentStateFilter, filters.FollowUpFilter,
                   "need_areas", filters.PartnerFilter]
    search_fields = ["name", "phone", "email"]
    list_export = ["reference_column", "role_label", "relation_label", "name", "phone",
                   "email", "channel_label", "org_label", "mission",
                   "in_contact_with_veterancentret", "need_area_names", "consent_column",
                   "next_follow_up", "active"]
    export_filename = "veterankontakter"
    edit_handler = ObjectList([
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("role"), FieldPanel("veteran"), FieldPanel("relation")]),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldRowPanel([FieldPanel("preferred_channel"), FieldPanel("best_time")]),
            FieldPanel("address"),
        ], heading=_("Person")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("deploying_org"), FieldPanel("mission")]),
            FieldPanel("in_contact_with_veterancentret"),
        ], heading=_("Veteran context (only if volunteered)")),
        MultiFieldPanel([
            FieldPanel("need_areas", widget=forms.CheckboxSelectMultiple),
            FieldPanel("situation_note"),
            FieldRowPanel([FieldPanel("next_follow_up"), FieldPanel("active")]),
        ], heading=_("Needs and follow-up")),
        InlinePanel("consents", heading=_("Consents"), label=_("consent")),
        InlinePanel("touchpoints", heading=_("Municipal touchpoints"),
                    label=_("municipal touchpoint")),
    ], base_form_class=VeteranContactForm)

    def get_queryset(self, request):
        return (super().get_queryset(request).unrestricted().select_related("veteran")
                .prefetch_related("consents", "need_areas"))

    @labelled(_("reference"))
    def reference_column(self, obj):
        return obj.reference

    @labelled(_("consent"))
    def consent_column(self, obj):
        return obj.get_consent_state_display()

    @labelled(_("role"))
    def role_label(self, obj):
        return obj.get_role_display()

    @labelled(_("relation"))
    def relation_label(self, obj):
        return obj.get_relation_display()

    @labelled(_("preferred channel"))
    def channel_label(self, obj):
        return obj.get_preferred_channel_display()

    @labelled(_("deploying organisation"))
    def org_label(self, obj):
        return obj.get_deploying_org_display()


class VeteranActivityAdmin(RegistryModelAdmin):
    model = VeteranActivity
    base_url_path = "borgerraadgiver/veterans/activities"
    menu_label = _("Activity log")
    menu_item_name = "veteran-activities"
    menu_icon = "list-ul"
    list_display = ["date", "kind", "contact_name", "participants", "follow_up"]
    list_filter = ["kind", filters.ActivityFollowUpFilter]
    search_fields = ["contact__name", "participants"]
    edit_handler = ObjectList([
        FieldPanel("contact"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("touchpoints", widget=forms.CheckboxSelectMultiple),
        FieldPanel("participants"),
        FieldPanel("note"),
        FieldPanel("follow_up"),
    ], base_form_class=CoordinationRecordForm)

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(contact__restricted_at__isnull=True)
                .select_related("contact"))

    def contact_name(self, obj):
        return obj.contact.display_name

    contact_name.short_description = _("contact")


class PartnerReferralAdmin(RegistryModelAdmin):
    model = PartnerReferral
    base_url_path = "borgerraadgiver/veterans/referrals"
    menu_label = _("Referrals and nominations")
    menu_item_name = "veteran-referrals"
    menu_icon = "link-external"
    list_display = ["sent_on", "kind", "partner", "contact_name", "status", "expected_answer"]
    list_filter = ["kind", "status", "partner"]
    search_fields = ["contact__name", "partner__name"]
    edit_handler = ObjectList([
        FieldPanel("contact"),
        FieldRowPanel([FieldPanel("partner"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("sent_on"), FieldPanel("status"),
                       FieldPanel("expected_answer")]),
        FieldPanel("note"),
    ], base_form_class=CoordinationRecordForm)

    def get_queryset(self, request):
        return (super().get_queryset(request).filter(contact__restricted_at__isnull=True)
                .select_related("contact", "partner"))

    def contact_name(self, obj):
        return obj.contact.display_name

    contact_name.short_description = _("contact")


class ExternalPartnerAdmin(RegistryModelAdmin):
    model = ExternalPartner
    base_url_path = "borgerraadgiver/veterans/partners"
    menu_label = _("Partners")
    menu_item_name = "veteran-partners"
    menu_icon = "site"
    list_display = ["name", "code", "phone", "website", "active_display"]
    active_display = staticmethod(yes_no_display(ExternalPartner, "active"))
    list_filter = ["code", "active"]
    search_fields = ["name"]


class NeedAreaAdmin(RegistryModelAdmin):
    model = NeedArea
    base_url_path = "borgerraadgiver/veterans/need-areas"
    menu_label = _("Need areas")
    menu_item_name = "veteran-need-areas"
    menu_icon = "tag"
    list_display = ["name", "code", "sort_order"]


class PlacedGroupMenuItem(GroupMenuItem):
    """The group's menu item, shown either inside the "Borgerrådgiver" menu or at top level,
    as the setting says (read per request, so a changed setting needs no restart)."""

    def __init__(self, *args, top_level=False, **kwargs):
        self.top_level = top_level
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return bool(conf.get(TOP_LEVEL_SETTING)) == self.top_level and super().is_shown(request)


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("borgerraadgiver_veterans.view_veterancontact")


class VeteransGroup(ModelAdminGroup):
    menu_label = _("Veterans")
    menu_item_name = "veterans"
    menu_icon = "group"
    menu_order = 200
    add_to_admin_menu = False  # registered by hand: see get_menu_item
    items = (VeteranContactAdmin, VeteranActivityAdmin, PartnerReferralAdmin,
             ExternalPartnerAdmin, NeedAreaAdmin)

    def get_submenu_items(self):
        # The coordination overview sits right after the contacts it is drawn from.
        items = super().get_submenu_items()
        items.insert(1, CoordinationMenuItem(
            _("Coordination"), reverse_lazy("borgerraadgiver_veterans_coordination"),
            name="veteran-coordination", icon_name="group", order=150))
        return items

    def get_menu_item(self, top_level=False):
        return PlacedGroupMenuItem(self, self.get_menu_order(),
                                   Menu(items=self.get_submenu_items()), top_level=top_level)
