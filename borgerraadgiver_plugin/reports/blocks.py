"""The annual report's body: narrative sections and the statistics tables placed between them."""

from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .statistics.engine import TITLES

FOLLOW_UP_HEADING = _("Follow-up on earlier recommendations")
VISIBILITY_HEADING = _("Visibility")
#: The sections every report starts with (domain.md §10.3, item 12), each with a line that
#: says what belongs in it; created in the editor's language (Forord, Resumé, ... in Danish).
SCAFFOLD = [
    (_("Foreword"), _("The citizen advisor's foreword to the council.")),
    (_("Summary"), _("The main figures, themes and recommendations on one page.")),
    (_("About the function"), _("The citizen advisor's tasks under section 65 e of the Local "
                                "Government Act, and how the advisor works.")),
    (_("Statistics"), _("The year's inquiries. Add the tables with the Statistics block.")),
    (_("Themes"), _("Anonymised examples of the year's themes.")),
    (_("Recommendations"), _("The year's recommendations to the administration.")),
    (FOLLOW_UP_HEADING, _("What has happened to the recommendations of earlier years.")),
    (VISIBILITY_HEADING, _("Open advice sessions, talks and cooperation.")),
    (_("Veteran work"), _("The veteran coordinator's work (anonymous figures only).")),
    (_("Method"), _("How the figures are counted. The method notes under the tables are added "
                    "by themselves.")),
]


def table_choices():
    return list(TITLES.items())


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), required=False,
                                features=["bold", "italic", "link", "ul", "ol", "h3"])

    class Meta:
        label = _("Section")
        icon = "doc-full"
        template = "borgerraadgiver_reports/blocks/section.html"


class StatisticsBlock(blocks.StructBlock):
    table = blocks.ChoiceBlock(label=_("Table"), choices=table_choices)
    chart = blocks.BooleanBlock(label=_("Show a chart"), required=False, default=True)

    class Meta:
        label = _("Statistics")
        icon = "table"
        template = "borgerraadgiver_reports/blocks/statistics.html"


class FollowUpBlock(blocks.StaticBlock):
    """The recommendations of earlier periods, by area, with where each stands."""

    class Meta:
        label = _("Follow-up on earlier recommendations")
        icon = "tasks"
        admin_text = _("Lists the recommendations issued before the report's period, by area, "
                       "with their state when the report is published.")
        template = "borgerraadgiver_reports/blocks/follow_up.html"


class ReportBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    statistics = StatisticsBlock()
    follow_up = FollowUpBlock()


#: The sections an interim status (half-year, three quarters) keeps of the scaffold.
INTERIM_HEADINGS = {SCAFFOLD[i][0] for i in (1, 3, 4, 6, 9)}


def scaffold(interim=False):
    """The body of a new report: every section (an interim status: summary, statistics,
    themes, follow-up and method), each with a line saying what belongs in it, the list of
    earlier recommendations under their follow-up and the office hours table under
    visibility."""
    body = []
    for heading, hint in SCAFFOLD:
        if interim and heading not in INTERIM_HEADINGS:
            continue
        body.append(("section", {"heading": str(heading), "text": format_html("<p>{}</p>", hint)}))
        if heading is FOLLOW_UP_HEADING:
            body.append(("follow_up", None))
        if heading is VISIBILITY_HEADING:  # Synlighed: the office hours held, by place
            body.append(("statistics", {"table": "outreach", "chart": False}))
    return body


def is_untouched_scaffold(body):
    """True when ``body`` (a StreamValue) is still the full scaffold as a new report gets it."""
    expected = [(kind, kind == "section" and (
        value["heading"], strip_tags(value["text"]).strip()) or None)
        for kind, value in scaffold()]
    found = [(block.block_type, block.block_type == "section" and (
        block.value["heading"], strip_tags(block.value["text"].source).strip()) or None)
        for block in body]
    return found == expected
