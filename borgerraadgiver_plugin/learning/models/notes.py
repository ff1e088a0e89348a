"""Læringsnotat: the note itself, what it holds and when it may be stored or published.

The note is the record the listing, the filters and the reads report query, so it imports
records and rules only (``reads`` knows nothing but :class:`NoteRead`); the index page, which
uses the listing, is in :mod:`.pages`.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ...models import Area, Theme
from ...pages import SiteTemplateMixin
from .. import personal_data, reads
from ..blocks import NOTE_BODY_BLOCKS
from ..forms import CaseReferencesWidget, LearningNotePageForm

CASE_VIEW_PERMISSION = "borgerraadgiver_cases.view_case"


class Audience(models.TextChoices):
    ALL_STAFF = "ALL_STAFF", _("All staff")
    CASEWORKERS = "CASEWORKERS", _("Caseworkers")
    MANAGERS = "MANAGERS", _("Managers")
    FRONT_DESK = "FRONT_DESK", _("Citizen service staff")


class LearningNotePage(RoutablePageMixin, SiteTemplateMixin, Page):
    """Læringsnotat: what the organisation can learn from the advisor's cases.

    Publishing is refused while the note holds personal data, and storing any revision while
    it holds a CPR number (see ``forms``, :meth:`publish` and :meth:`save_revision`). The
    source cases are for the advisor only and never rendered.
    """

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    summary = models.TextField(_("summary"), max_length=600,
                               help_text=_("Two or three sentences shown in the list."))
    # In context: the core's "body" (of an e-mail) has another Danish word.
    body = StreamField(NOTE_BODY_BLOCKS, verbose_name=pgettext_lazy("learning note", "body"))
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True,
                                     related_name="learning_notes")
    areas = ParentalManyToManyField(Area, verbose_name=_("areas"), blank=True,
                                    related_name="learning_notes")
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices,
                                default=Audience.ALL_STAFF)
    review_by = models.DateField(_("review by"), null=True, blank=True,
                                 help_text=_("When the note should be checked again."))
    source_cases = ParentalManyToManyField(
        "borgerraadgiver_cases.Case", verbose_name=_("source cases"), blank=True,
        related_name="learning_notes",
        help_text=_("The cases the note is drawn from, as references separated by commas. "
                    "Only people who may see cases see this; it is never shown on the page."),
    )
    #: Plain text of the body, kept for the index's text search.
    body_text = models.TextField(editable=False, blank=True, default="")

    base_form_class = LearningNotePageForm
    parent_page_types = ["borgerraadgiver_learning.LearningNoteIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([
            FieldPanel("themes", widget=CheckboxSelectMultiple),
            FieldPanel("areas", widget=CheckboxSelectMultiple),
            FieldPanel("audience"),
            FieldPanel("review_by"),
        ], heading=_("Classification")),
        MultipleChooserPanel("recommendation_links", chooser_field_name="recommendation",
                             heading=_("Recommendations"), label=_("Recommendation")),
        FieldPanel("source_cases", widget=CaseReferencesWidget,
                   permission=CASE_VIEW_PERMISSION),
    ]

    search_fields = [*Page.search_fields, index.SearchField("summary"),
                     index.SearchField("body_text")]

    class Meta:
        verbose_name = _("learning note")
        verbose_name_plural = _("learning notes")

    def save(self, *args, **kwargs):
        self.body_text = "\n".join(
            text for child in self.body or []
            for text in personal_data.block_strings(child.block, child.value)
        )
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        """Refuse to store a revision (draft, autosave, copy, import) with a CPR number.

        The editor's form stops it earlier, naming the block; this is the last line.
        """
        problems = [problem for problem in personal_data.scan_note(self, names=())
                    if problem.blocks_draft]
        if problems:
            raise PermissionDenied(" ".join(str(problem.message) for problem in problems))
        return super().save_revision(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """Refuse any way of publishing (bulk action, workflow, scheduler) with personal data.

        The editor's own Publish button is stopped earlier, by the form, with messages on the
        blocks; this is the last line for paths that bypass the form.
        """
        problems = personal_data.scan_note(revision.as_object())
        if problems:
            raise PermissionDenied(" ".join(str(problem.message) for problem in problems))
        return super().publish(revision, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = self.recommendation_links.all()
        if hasattr(links, "select_related"):  # a preview's links are a FakeQuerySet
            links = links.select_related("recommendation__area")
        context.update(
            recommendations=[link.recommendation for link in links],
            read=reads.read_of(self, request.user),
            mark_read_url=self.get_url(request) + self.reverse_subpage("mark_read"),
        )
        return context

    @path("laest/", name="mark_read")
    def mark_read(self, request):
        """One POST, no JavaScript: the "I have read this" button. Repeating is harmless."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        note_url = self.get_url(request)
        if not request.user.is_authenticated:
            return redirect_to_login(note_url)
        reads.mark_read(self, request.user)
        return redirect(f"{note_url}#laest")


class LearningNoteRecommendation(Orderable):
    """A recommendation shown on a learning note, with its current status."""

    note = ParentalKey(LearningNotePage, on_delete=models.CASCADE,
                       related_name="recommendation_links")
    recommendation = models.ForeignKey("borgerraadgiver_learning.Recommendation",
                                       verbose_name=_("recommendation"),
                                       on_delete=models.CASCADE, related_name="note_links")

    class Meta(Orderable.Meta):
        verbose_name = _("recommendation on a note")
        verbose_name_plural = _("recommendations on notes")
