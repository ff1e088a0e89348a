"""Data-subject access (indsigt): find what is held about one person, and hand it over as a ZIP.

Each part that holds personal data contributes a :class:`Source` through the
``register_borgerraadgiver_access_request_source`` hook (the cases part its cases, the veteran
registry its contacts), so the core never imports a part and an install without a part simply
searches less. The records found are grouped into person candidates; the advisor chooses which
records belong to the request, and :func:`write_zip` writes the summary, the documents, the
records as JSON and the access log of those records.
"""

import io
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import ModelLogEntry

from . import audit

SOURCES_HOOK = "register_borgerraadgiver_access_request_source"
QUERY_MAX_LENGTH = 100
PURPOSE = "access request"
SUMMARY_START_TEMPLATE = "borgerraadgiver/subject_access/summary_start.html"
SUMMARY_SECTION_TEMPLATE = "borgerraadgiver/subject_access/summary_section.html"
SUMMARY_END_TEMPLATE = "borgerraadgiver/subject_access/summary_end.html"
#: The summary waits in memory up to this size, then on disk, until it goes into the ZIP.
SPOOL_BYTES = 1 << 20
#: The summary's stylesheet, written beside it into the ZIP (the start template links it).
SUMMARY_STYLESHEET = "borgerraadgiver/css/subject_access.css"
#: A phone query: digits with the separators people type, and at least six digits.
_PHONE_QUERY = re.compile(r"^\+?[\d\s.-]+$")
_PHONE_SEPARATORS = (" ", "-", ".")


@dataclass
class Document:
    name: str
    file: object  # a FieldFile in private storage
    withheld: str = ""  # why the file is not handed over (a virus-scan finding), if it is not


@dataclass
class Record:
    """One record found, as the advisor and the citizen see it.

    ``key`` identifies it in the advisor's choice ("case:12"); ``instance`` is the model
    instance whose access-log entries belong to the export.
    """

    key: str
    kind: str
    reference: str
    instance: object
    name: str = ""
    email: str = ""
    phone: str = ""
    matched: list = field(default_factory=list)
    details: list = field(default_factory=list)  # (label, value)
    entries: list = field(default_factory=list)  # (heading, [(label, value)])
    documents: list = field(default_factory=list)
    data: dict = field(default_factory=dict)


class Source:
    """What a part contributes: the records of one kind that mention a query.

    Override ``find`` (return :class:`Record` objects); ``permission`` is the permission a user
    needs to search this source, and ``label`` names it on the screen when they lack it.
    """

    label = ""
    permission = ""

    def allows(self, user):
        return user.has_perm(self.permission)

    def find(self, query):
        raise NotImplementedError


def registered_sources():
    return [make() for make in hooks.get_hooks(SOURCES_HOOK)]


def normalise(query):
    """The query as plain text: spaces collapsed. Wildcards and quotes stay ordinary characters
    (Django's ``icontains`` escapes them)."""
    return " ".join(query.split())


def phone_digits(value):
    """The national digits of a phone number ("+45 20 30 40 50" -> "20304050")."""
    digits = re.sub(r"\D", "", value or "")
    for country in ("0045", "45"):
        if len(digits) == len(country) + 8 and digits.startswith(country):
            return digits[len(country):]
    return digits


def text_q(query, *fields):
    """Any of ``fields`` contains ``query`` (case-insensitively, as plain text)."""
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": query})
    return condition


def phone_q(queryset, query, *fields):
    """``queryset`` annotated so a phone query matches numbers typed with other spacing;
    returns ``(queryset, condition)``, the condition matching nothing for other queries."""
    digits = phone_digits(query)
    if not _PHONE_QUERY.match(query) or len(digits) < 6:
        return queryset, Q(pk__in=[])
    condition = Q()
    for name in fields:
        expression = name
        for separator in _PHONE_SEPARATORS:
            expression = Replace(expression, Value(separator), Value(""))
        alias = f"_digits_{name.replace('__', '_')}"
        queryset = queryset.alias(**{alias: expression})
        condition |= Q(**{f"{alias}__contains": digits})
    return queryset, condition


@dataclass
class Search:
    query: str
    candidates: list
    refused: list  # labels of the sources the user may not search

    @property
    def records(self):
        return [record for candidate in self.candidates for record in candidate]


def search(user, query):
    """Every record the user may see that mentions ``query``, grouped into person candidates."""
    query = normalise(query)
    records, refused = [], []
    for source in registered_sources():
        if source.allows(user):
            records.extend(source.find(query))
        else:
            refused.append(source.label)
    return Search(query, candidates(records), refused)


def _name_key(name):
    return " ".join(name.casefold().split())


def _contact_keys(record):
    keys = [("email", record.email.casefold())] if record.email else []
    return keys + ([("phone", phone_digits(record.phone))] if record.phone else [])


@dataclass
class Candidate:
    """The records that are probably about one person."""

    records: list

    def __iter__(self):
        return iter(self.records)

    def _values(self, attribute):
        return sorted({getattr(record, attribute) for record in self.records
                       if getattr(record, attribute)})

    @property
    def names(self):
        return self._values("name")

    @property
    def contact(self):
        return self._values("email") + self._values("phone")


def candidates(records):
    """``records`` grouped by the person they are probably about.

    Records sharing an e-mail address or a phone number are one person. A record with neither
    joins the one person of the same name, if there is exactly one; two people of the same name
    with different contact data stay two candidates, and the advisor chooses.
    """
    parent = list(range(len(records)))

    def root(index):
        while parent[index] != index:
            index = parent[index]
        return index

    first = {}
    for index, record in enumerate(records):
        for key in _contact_keys(record):
            if key in first:
                parent[root(index)] = root(first[key])
            else:
                first[key] = index
    people = {}
    for index, record in enumerate(records):
        if _contact_keys(record) and record.name:
            people.setdefault(_name_key(record.name), set()).add(root(index))
    for index, record in enumerate(records):
        if _contact_keys(record) or not record.name:
            continue
        same_name = people.setdefault(_name_key(record.name), set())
        if len(same_name) == 1:
            parent[index] = next(iter(same_name))
        elif not same_name:
            same_name.add(index)
    groups = {}
    for index, record in enumerate(records):
        groups.setdefault(root(index), []).append(record)
    return [Candidate(group) for group in groups.values()]


def chosen(found, keys):
    """The records of ``found`` the advisor ticked; keys not in the search are ignored."""
    keys = set(keys)
    return [record for record in found.records if record.key in keys]


def log_search(user, found, model):
    """The search is logged on every record it showed, or on ``model`` when it found none
    (never with the query itself: the log names no one)."""
    for instances in _by_model(found.records).values():
        audit.record_many(user, instances, audit.SEARCH, purpose=PURPOSE)
    if not found.records:
        audit.record_on_model(user, model, audit.SEARCH, "access-request",
                              gettext("Access request"), purpose=PURPOSE, found=0)


def _by_model(records):
    grouped = {}
    for record in records:
        grouped.setdefault(type(record.instance), []).append(record.instance)
    return grouped


def access_log(instance):
    """The audit log of ``instance``: when, what kind of use, and by which role."""
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    entries = (ModelLogEntry.objects.filter(content_type=content_type,
                                            object_id=str(instance.pk))
               .select_related("user").prefetch_related("user__groups")
               .order_by("timestamp", "pk"))
    return [{"timestamp": entry.timestamp,
             "use": str(entry.message),
             "by": _role(entry.user)} for entry in entries]


def _role(user):
    if user is None:
        return gettext("The system or the citizen (not logged in)")
    groups = sorted(group.name for group in user.groups.all())
    if groups:
        return ", ".join(groups)
    return gettext("Administrator") if user.is_superuser else gettext("Staff member")


def filename():
    return f"indsigt-{timezone.localdate():%Y-%m-%d}.zip"


def write_zip(user, records, output, query=""):
    """Write the access-request ZIP for ``records`` to the open binary file ``output``, and log
    the export on each record. The summary is Danish whatever the advisor's language.

    Written a record at a time: each document is copied from storage into the archive, and
    each record's part of ``oplysninger.json`` and of the summary is written as soon as its
    access log is read, so memory holds one record's log, never all of them or a document.
    """
    with translation.override("da"), \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive, \
            tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+",
                                          encoding="utf-8") as summary:
        files = [[_add_document(archive, record, number, document)
                  for number, document in enumerate(record.documents, start=1)]
                 for record in records]
        summary.write(render_to_string(SUMMARY_START_TEMPLATE, {
            "created": timezone.localtime(), "query": query}))
        with archive.open("oplysninger.json", "w") as target:
            data = io.TextIOWrapper(target, encoding="utf-8")
            data.write("[")
            for number, (record, record_files) in enumerate(zip(records, files, strict=True)):
                section = {"record": record, "files": record_files,
                           "log": access_log(record.instance)}
                data.write(("," if number else "") + "\n" + _json_item(section))
                summary.write(render_to_string(SUMMARY_SECTION_TEMPLATE, {"section": section}))
            data.write("\n]" if records else "]")
            data.detach()
        summary.write(render_to_string(SUMMARY_END_TEMPLATE))
        summary.seek(0)
        with archive.open("sammenfatning.html", "w") as target:
            data = io.TextIOWrapper(target, encoding="utf-8")
            shutil.copyfileobj(summary, data)
            data.detach()
        archive.write(finders.find(SUMMARY_STYLESHEET), "sammenfatning.css")
    for instances in _by_model(records).values():
        audit.record_many(user, instances, audit.EXPORT, purpose=PURPOSE)


def _json_item(section):
    """One record of ``oplysninger.json``, indented as an item of the file's list."""
    record = section["record"]
    text = json.dumps(
        {"kind": str(record.kind), "reference": record.reference, "record": record.data,
         "documents": [{"name": f["name"], "path": f["path"], "missing": f["missing"],
                        "withheld": f["withheld"]} for f in section["files"]],
         "access_log": section["log"]},
        cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return "\n".join("  " + line for line in text.splitlines())


def _add_document(archive, record, number, document):
    entry = {"name": document.name, "path": "", "missing": False,
             "withheld": str(document.withheld)}
    if document.withheld:
        return entry
    path = (f"dokumenter/{get_valid_filename(record.reference)}/"
            f"{number:02d}-{get_valid_filename(document.name) or 'dokument'}")
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        entry["missing"] = True
        return entry
    with handle, archive.open(path, "w") as target:
        shutil.copyfileobj(handle, target)
    entry["path"] = path
    return entry

