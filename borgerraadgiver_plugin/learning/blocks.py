"""The blocks a learning note's body is built from.

Each block has its own template in ``templates/borgerraadgiver_learning/blocks/``, so a
municipality can restyle one block by overriding one template.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def _template(name):
    return f"borgerraadgiver_learning/blocks/{name}.html"


class CaseExampleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    situation = blocks.TextBlock(
        label=_("what happened"),
        help_text=_("Anonymised: no names, numbers, dates or details that point to a person."),
    )
    lesson = blocks.TextBlock(label=_("what we learn from it"), required=False)

    class Meta:
        label = _("Anonymised case example")
        icon = "openquote"
        template = _template("case_example")


class GoodPracticeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Good practice")
        icon = "success"
        template = _template("good_practice")


class LegalReferenceBlock(blocks.StructBlock):
    act = blocks.CharBlock(label=_("act"), max_length=200,
                           help_text=_("For example: forvaltningsloven"))
    section = blocks.CharBlock(label=_("section"), max_length=50,
                               help_text=_("For example: § 19"))
    explanation = blocks.TextBlock(label=_("what it says"), required=False)
    link = blocks.URLBlock(label=_("link"), required=False,
                           help_text=_("For example the act on retsinformation.dk"))

    class Meta:
        label = _("Legal reference")
        icon = "doc-full"
        template = _template("legal_reference")


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item"), max_length=300),
                             label=_("items"), min_num=1)

    class Meta:
        label = _("Checklist")
        icon = "tasks"
        template = _template("checklist")


class DoDontBlock(blocks.StructBlock):
    do = blocks.ListBlock(blocks.CharBlock(label=_("do"), max_length=300), label=_("do"),
                          min_num=1)
    dont = blocks.ListBlock(blocks.CharBlock(label=_("don't"), max_length=300),
                            label=_("don't"), min_num=1)

    class Meta:
        label = _("Do and don't")
        icon = "list-ul"
        template = _template("do_dont")


NOTE_BODY_BLOCKS = [
    ("text", blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES,
                                  template=_template("text"))),
    ("case_example", CaseExampleBlock()),
    ("good_practice", GoodPracticeBlock()),
    ("legal_reference", LegalReferenceBlock()),
    ("checklist", ChecklistBlock()),
    ("do_dont", DoDontBlock()),
]
