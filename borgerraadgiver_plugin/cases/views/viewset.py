"""The case viewset: every screen of a case under the one "Borgerrådgiver" menu."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    DeleteView,
    HistoryView,
    LockView,
    UnlockView,
    UsageView,
)

from ...admin_menu import MENU_HOOK, PluginSnippetViewSet
from ..admin_forms import CaseAdminForm, CaseIntakeForm
from ..filters import CaseFilterSet
from ..models import Case
from .access import for_advisors
from .actions import CaseActionView
from .edit import CaseCreateView, CaseEditView
from .inspect import CaseInspectView
from .letters import CaseFileView, LetterView
from .listing import CaseIndexView, listing_columns

CITIZEN_PANELS = MultiFieldPanel([
    FieldPanel("requester_role"),
    FieldPanel("citizen_name"),
    FieldRowPanel([FieldPanel("citizen_email"), FieldPanel("citizen_phone")]),
    FieldPanel("citizen_address"),
    FieldPanel("contact_preference"),
], heading=_("Who"))

MATTER_PANELS = MultiFieldPanel([
    FieldPanel("account"),
    FieldRowPanel([FieldPanel("matter_date"), FieldPanel("unit_contacted"),
                   FieldPanel("unit_answered")]),
], heading=_("The matter"))


class UnrestrictedChoices:
    """A restricted case is not offered for choosing (it is hidden from every list)."""

    def get_object_list(self):
        return super().get_object_list().unrestricted()


class CaseChooserViewSet(SnippetChooserViewSet):
    """The case chooser, for advisors only like every other case screen."""

    choose_view_class = for_advisors(type("ChooseView", (UnrestrictedChoices,
                                                         chooser.ChooseView), {}))
    choose_results_view_class = for_advisors(type("ChooseResultsView", (
        UnrestrictedChoices, chooser.ChooseResultsView), {}))
    chosen_view_class = for_advisors(chooser.SnippetChosenView)
    chosen_multiple_view_class = for_advisors(chooser.SnippetChosenMultipleView)
    create_view_class = for_advisors(chooser.SnippetCreateView)


class CaseViewSet(PluginSnippetViewSet):
    """Every view class is one of ours behind ``CaseAccessMixin`` (see ``views.access``)."""

    model = Case
    icon = "folder-open-inverse"
    menu_label = _("Cases")
    menu_order = 100
    menu_hook = MENU_HOOK
    admin_path = "cases"
    list_display = listing_columns()  # after the reference, see CaseIndexView.columns
    filterset_class = CaseFilterSet
    search_fields = ["reference", "citizen_name", "citizen_email", "citizen_phone", "account"]
    inspect_view_enabled = True
    #: "Case details" on the overview; Wagtail hands these to the inspect view.
    inspect_view_fields = [
        "received_at", "channel", "outreach_session", "requester_role", "inquiry_type", "origin",
        "status",
        "triaged_at", "area", "secondary_areas", "themes", "assigned_to",
        "citizen_name", "citizen_email", "citizen_phone", "citizen_address",
        "contact_preference", "consent_contact_unit", "consent_given_at",
        "consent_wording", "matter_date", "unit_contacted", "unit_answered", "account",
        "suggested_rejection_reason", "age_limit_exceeded", "rejection_reason",
        "referral_bodies", "investigation_questions", "statement_due",
        "statement_received_on", "hearing_due", "advisor_statement", "criticism_level",
        "request_to_act", "outcome", "acknowledgement_due", "acknowledged_at", "closed_at",
        "merged_into",
    ]
    list_export = ["reference"]  # the real columns are chosen per request (cases.exports)
    index_view_class = CaseIndexView
    add_view_class = CaseCreateView
    edit_view_class = CaseEditView
    inspect_view_class = CaseInspectView
    delete_view_class = for_advisors(DeleteView)
    usage_view_class = for_advisors(UsageView)
    history_view_class = for_advisors(HistoryView)
    lock_view_class = for_advisors(LockView)
    unlock_view_class = for_advisors(UnlockView)
    chooser_viewset_class = CaseChooserViewSet
    copy_view_enabled = False

    add_panels = ObjectList([
        FieldRowPanel([FieldPanel("received_at"), FieldPanel("channel"),
                       FieldPanel("outreach_session")]),
        FieldRowPanel([FieldPanel("inquiry_type"), FieldPanel("origin")]),
        CITIZEN_PANELS,
        MATTER_PANELS,
        MultiFieldPanel([FieldPanel("area"), FieldPanel("themes"),
                         FieldPanel("assigned_to")], heading=_("Triage")),
        FieldPanel("document"),
    ], base_form_class=CaseIntakeForm)

    edit_panels = ObjectList([
        FieldPanel("loaded_version", classname="w-hidden"),
        FieldRowPanel([FieldPanel("received_at"), FieldPanel("channel"),
                       FieldPanel("outreach_session")]),
        CITIZEN_PANELS,
        MATTER_PANELS,
        MultiFieldPanel([FieldPanel("secondary_areas"), FieldPanel("assigned_to")],
                        heading=_("Handling")),
    ], base_form_class=CaseAdminForm)

    def get_edit_handler(self):
        # Wagtail uses one panel definition for create and edit; intake asks for more.
        return self.edit_panels.bind_to_model(self.model)

    @property
    def _add_handler(self):
        return self.add_panels.bind_to_model(self.model)

    def get_add_view_kwargs(self, **kwargs):
        kwargs = super().get_add_view_kwargs(**kwargs)
        kwargs["panel"] = self._add_handler
        kwargs["form_class"] = self._add_handler.get_form_class()
        return kwargs

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(action_url_name=self.get_url_name("action"),
                                               **kwargs)

    def step_view(self, view_class):
        return view_class.as_view(inspect_url_name=self.get_url_name("inspect"),
                                  index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("<int:pk>/action/<slug:action>/", self.step_view(CaseActionView),
                     name="action"),
                path("<int:pk>/letter/", self.step_view(LetterView), name="letter"),
                path("<int:pk>/case-file/", self.step_view(CaseFileView), name="case_file")]
