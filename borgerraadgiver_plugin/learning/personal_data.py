"""The publishing guard: where in a learning note personal data sits, block by block.

The finding itself is the core's :func:`~borgerraadgiver_plugin.privacy.find_personal_data`;
this module walks a note's title, summary and body blocks and says *where* each finding is, so
the editor can point the advisor at the block. The names of the citizens in the cases a note is
drawn from count as personal data too.

A CPR number stops even a draft (and Wagtail's autosave): the plugin never stores one, and a
revision is kept in the page history for every editor to open. The other kinds only stop
publishing, so an editor who is still rewriting a case's text does not lose work to a phone
number or an official address that may well be fine.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from ..privacy import Finding, find_personal_data

_BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h\d|div|blockquote)>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_HREFS = re.compile(r"""href\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

#: Kinds of personal data that may not be stored in any revision, draft or not.
DRAFT_BLOCKING_KINDS = frozenset({"cpr"})

#: Plain fields of a note that are scanned, with the label used in messages.
PLAIN_FIELDS = {
    "title": _("Title"),
    "summary": _("Summary"),
    "seo_title": _("Title tag"),
    "search_description": _("Search description"),
}


@dataclass(frozen=True)
class Problem:
    """One piece of personal data and where it is."""

    field: str
    where: str
    finding: Finding
    block_index: int | None = None

    @property
    def blocks_draft(self):
        return self.finding.kind in DRAFT_BLOCKING_KINDS

    @property
    def message(self):
        return _("%(where)s contains a %(kind)s: “%(text)s”.") % {
            "where": self.where, "kind": self.finding.label,
            "text": " ".join(self.finding.text.split()),
        }


def rich_text_strings(source):
    """The visible text of rich-text HTML (block ends become line breaks) and its link targets."""
    source = source or ""
    text = html.unescape(_TAGS.sub("", _BREAKS.sub("\n", source)))
    return [text, *(unquote(html.unescape(href)) for href in _HREFS.findall(source))]


def block_strings(block, value):
    """Every string a block value holds, nested structs and lists included."""
    if value is None:
        return
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_strings(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from block_strings(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from block_strings(child.block, child.value)
    elif isinstance(value, RichText):
        yield from rich_text_strings(value.source)
    elif isinstance(block, blocks.RichTextBlock) and isinstance(value, str):
        yield from rich_text_strings(value)
    elif isinstance(value, str):
        yield value


def citizen_names(cases):
    """The names of the citizens (and of those who represent them) in ``cases``."""
    names = []
    for case in cases:
        representative = getattr(case, "representative", None)
        names.extend(name for name in (case.citizen_name, representative and representative.name)
                     if name)
    return names


def scan(fields, body, names=()):
    """Problems in ``fields`` ({field name: text}) and ``body`` (a StreamValue), in order."""
    problems = []
    for field, text in fields.items():
        for finding in find_personal_data(text or "", names):
            problems.append(Problem(field, str(PLAIN_FIELDS.get(field, field)), finding))
    for index, child in enumerate(body or []):
        where = _("Body, block %(number)s (%(block)s)") % {
            "number": index + 1, "block": child.block.label,
        }
        for text in block_strings(child.block, child.value):
            for finding in find_personal_data(text, names):
                problems.append(Problem("body", str(where), finding, index))
    return problems


def scan_note(page, names=None):
    """Problems in a note as it stands (e.g. a revision about to be published)."""
    if names is None:
        names = citizen_names(page.source_cases.all())
    fields = {field: getattr(page, field, "") for field in PLAIN_FIELDS}
    return scan(fields, page.body, names)
