import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from ..pages import IntroPage
from . import pdf, snapshot
from .blocks import ReportBodyBlock, is_untouched_scaffold, scaffold
from .statistics import PeriodError, make_period

AREA_TEMPLATE = "borgerraadgiver_reports/annual_report_area.html"


class ReportKind(models.TextChoices):
    ANNUAL = "ANNUAL", _("Annual report")
    HALF_YEAR = "HALF_YEAR", _("Half-year status")
    THREE_QUARTERS = "THREE_QUARTERS", _("Three-quarter status")


class AnnualReportPage(RoutablePageMixin, IntroPage):
    """Årsberetning (or an interim status) to the council: narrative sections with statistics
    tables between them. A draft shows live figures; publishing freezes them
    (:mod:`.snapshot`), so the published report never changes when cases change later.
    ``pdf/`` is the same report as a PDF; ``omraade/<area>/`` one area's figures, for its
    committee."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ReportKind.choices, default=ReportKind.ANNUAL,
        help_text=_("A half-year or three-quarter status starts with the shorter scaffold "
                    "(summary, statistics, themes, follow-up, method) when it is first saved."))
    period_start = models.DateField(_("first day"), default=datetime.date(2025, 1, 1))
    period_end = models.DateField(_("last day (included)"), default=datetime.date(2025, 12, 31))
    body = StreamField(ReportBodyBlock(), verbose_name=_("body"), blank=True, default=scaffold)
    refresh_figures = models.BooleanField(
        _("refresh the figures when published"), default=False,
        help_text=_("A published report keeps the figures of the day it was first published. "
                    "Tick this to count them again when you publish it next time."))
    recommendations = ParentalManyToManyField(
        "borgerraadgiver_learning.Recommendation", verbose_name=_("recommendations issued"),
        blank=True, related_name="issued_in_reports",
        help_text=_("The recommendations this report makes; later reports follow them up."))
    frozen_figures = models.ForeignKey(
        "ReportFigures", verbose_name=_("frozen figures"), null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="+")

    content_panels = [
        *IntroPage.content_panels,
        MultiFieldPanel([FieldPanel("kind"),
                         FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                         FieldPanel("refresh_figures")], heading=_("Period and figures")),
        FieldPanel("body"),
        FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
    ]
    template = "borgerraadgiver_reports/annual_report_page.html"

    class Meta:
        verbose_name = _("annual report")
        # The statistics screen; the report pages themselves use Wagtail's page permissions.
        permissions = [("view_statistics", _("Can see the statistics"))]

    def clean(self):
        super().clean()
        try:
            make_period(self.period_start, self.period_end)
        except PeriodError as error:
            raise ValidationError({"period_end": str(error)}) from None
        if self.pk is None and self.kind != ReportKind.ANNUAL and is_untouched_scaffold(self.body):
            self.body = scaffold(interim=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: a published report's body comes from the fragment cache, and then its figures
        # are never loaded.
        figures = SimpleLazyObject(lambda: kwargs.get("figures") or snapshot.figures(self))
        base = self.get_url(request) or ""
        context.update(
            figures=figures, pdf_url=base + self.reverse_subpage("pdf"),
            area_links=SimpleLazyObject(lambda: [
                (name, base + self.reverse_subpage("area", args=[code]))
                for code, name in snapshot.areas(figures)]))
        return context

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        response = HttpResponse(pdf.report_pdf(self, request), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return response

    @path("omraade/<str:code>/", name="area")
    def area_view(self, request, code):
        figures = snapshot.figures(self)
        area = snapshot.area_figures(figures, code)
        if area is None:
            raise Http404
        return TemplateResponse(request, AREA_TEMPLATE, {
            **self.get_context(request, figures=figures), "area": area})


class ReportFigures(models.Model):
    """The figures of a report as published: the suppressed tables, frozen (see
    :mod:`.snapshot`), with the revision that went live with them."""

    page = models.ForeignKey(AnnualReportPage, on_delete=models.CASCADE,
                             related_name="figure_snapshots")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    frozen_at = models.DateTimeField(_("frozen"), auto_now_add=True)
    data = models.JSONField()

    class Meta:
        verbose_name = _("frozen report figures")
        ordering = ["-frozen_at"]

    def __str__(self):
        return f"{self.page_id}: {self.frozen_at:%Y-%m-%d %H:%M}"
