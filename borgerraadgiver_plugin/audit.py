"""Reads are logged too: who viewed, exported or downloaded which record (Wagtail's audit log).

Changes are logged by Wagtail itself (``wagtail.create``/``wagtail.edit``); this module adds the
reads that data protection asks for, and the changes Wagtail's own views do not make (an
anonymisation, an e-mail sent again). Labels are ``str(instance)``: a reference, never a name.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Revision

VIEW = "borgerraadgiver.view"
EXPORT = "borgerraadgiver.export"
DOWNLOAD = "borgerraadgiver.download"
DENIED = "borgerraadgiver.denied"
ANONYMISE = "borgerraadgiver.anonymise"
RETRY = "borgerraadgiver.retry"
SEARCH = "borgerraadgiver.search"
LEGAL_HOLD = "borgerraadgiver.legal_hold"
LEGAL_HOLD_LIFTED = "borgerraadgiver.legal_hold_lifted"
ERASE = "borgerraadgiver.erase"
RESTRICT = "borgerraadgiver.restrict"
RESTRICTION_LIFTED = "borgerraadgiver.restriction_lifted"
IMPORT = "borgerraadgiver.import"
TWO_FACTOR_ENROLLED = "borgerraadgiver.two_factor_enrolled"
TWO_FACTOR_REMOVED = "borgerraadgiver.two_factor_removed"
TWO_FACTOR_RECOVERY_USED = "borgerraadgiver.two_factor_recovery_used"

ACTIONS = {
    VIEW: (_("View"), _("Viewed")),
    EXPORT: (_("Export"), _("Exported")),
    DOWNLOAD: (_("Download"), _("Downloaded")),
    DENIED: (_("Access denied"), _("Access denied")),
    ANONYMISE: (_("Anonymise"), _("Anonymised")),
    RETRY: (_("Send again"), _("Put back in the queue to be sent again")),
    SEARCH: (_("Search"), _("Found in a search")),
    LEGAL_HOLD: (_("Legal hold"), _("Legal hold set: kept from retention")),
    LEGAL_HOLD_LIFTED: (_("Legal hold lifted"), _("Legal hold lifted")),
    ERASE: (_("Erase on request"), _("Erased on request")),
    RESTRICT: (_("Restrict"), _("Restricted: kept, but hidden from listings and exports")),
    RESTRICTION_LIFTED: (_("Restriction lifted"), _("Restriction lifted")),
    IMPORT: (_("Import"), _("Imported a case log")),
    TWO_FACTOR_ENROLLED: (_("Two-factor login set up"),
                          _("Authenticator app set up for two-factor login")),
    TWO_FACTOR_REMOVED: (_("Two-factor login removed"),
                         _("Authenticator app and recovery codes removed")),
    TWO_FACTOR_RECOVERY_USED: (_("Recovery code used"), _("Logged in with a recovery code")),
}


def register_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def record(user, instance, action, **data):
    """Log one read of ``instance`` by ``user`` (anonymous users are logged without a user)."""
    return log(instance, action, user=user if getattr(user, "is_authenticated", False) else None,
               data=data)


def scrub(instance, related=()):
    """Empty what the log holds about ``instance`` (and the ``related`` records under it) when
    it is anonymised: the entries stay, to show the use, but their label becomes the record's
    reference and their data goes. Wagtail's revisions of these records go too."""
    label = str(instance)[:255]
    for model, pks in [(type(instance), [instance.pk]), *related]:
        ids = [str(pk) for pk in pks]
        if not ids:
            continue
        content_type = ContentType.objects.get_for_model(model)
        ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
            label=label, data={})
        Revision.objects.filter(content_type=content_type, object_id__in=ids).delete()


def record_denied(request, model, instance_pk=None, listing_id="0"):
    """Log a refused attempt: on the record the URL names, else on the model (``listing_id``
    stands in for the object of a listing, create or export URL)."""
    instance = None
    if instance_pk not in (None, ""):
        try:
            # ``_default_manager`` is Django's documented name for a model's first manager.
            instance = model._default_manager.filter(pk=instance_pk).first()
        except (ValueError, TypeError):
            instance = None
    data = {"path": request.path[:200], "method": request.method}
    if instance is not None:
        return record(request.user, instance, DENIED, **data)
    return record_on_model(request.user, model, DENIED, str(instance_pk or listing_id),
                           str(model._meta.verbose_name), **data)


def record_on_model(user, model, action, object_id, label, **data):
    """Log a use of ``model``'s data that concerns no single record (a refused listing, the
    statistics), under ``object_id`` (e.g. "statistics") and a ``label`` that names no one."""
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model), label=label[:255], action=action,
        timestamp=timezone.now(), data=data, object_id=object_id[:255],
        user_id=user.pk if getattr(user, "is_authenticated", False) else None,
    )


def record_many(user, instances, action, **data):
    """Log the same read for many records at once (an export), in one query."""
    instances = list(instances)
    if not instances:
        return 0
    return record_many_ids(user, type(instances[0]),
                           [(instance.pk, str(instance)) for instance in instances],
                           action, **data)


def record_many_ids(user, model, records, action, **data):
    """:func:`record_many` for records known only by ``(pk, label)`` pairs (an export that
    reads plain values); ``label`` is what ``str()`` of the record gives."""
    if not records:
        return 0
    entry = ModelLogEntry(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        action=action, timestamp=timezone.now(), data=data,
        user_id=user.pk if getattr(user, "is_authenticated", False) else None)
    pairs = [(str(label)[:255], str(pk)) for pk, label in records]
    database = router.db_for_write(ModelLogEntry)
    if connections[database].vendor == "postgresql":
        _insert_entries_at_once(entry, pairs, connections[database])
    else:
        ModelLogEntry.objects.using(database).bulk_create(
            ModelLogEntry(content_type_id=entry.content_type_id, label=label, action=action,
                          timestamp=entry.timestamp, data=data, user_id=entry.user_id,
                          object_id=object_id)
            for label, object_id in pairs)
    return len(pairs)


@contextmanager
def written_alongside(database=None):
    """Log entries recorded in the block are stored while the block's other work goes on, and
    stored when it ends: an export's entries for a chunk are written by the database while
    Python writes the chunk's cells, and the chunk leaves the block (to the client) only once
    its entries are stored; an error storing them is raised at the end of the block.

    On PostgreSQL this is psycopg's pipeline mode (the statements are sent without waiting
    for their result, which is read when the block ends); elsewhere the statements run as
    they come. A query in the block that reads rows still gets them (psycopg waits for them).
    """
    connection = connections[database or router.db_for_write(ModelLogEntry)]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    # An error of a statement sent in the block is raised as the block ends; Django's wrapper
    # gives it Django's class (django.db.DataError, ...), as anywhere else.
    with connection.wrap_database_errors, connection.connection.pipeline():
        yield


def _insert_entries_at_once(entry, pairs, connection):
    """Insert one entry per ``(label, object_id)`` pair, the other columns as in ``entry``, in
    one statement that sends two arrays (PostgreSQL's ``unnest``).

    ``bulk_create`` builds a model and prepares every field for each of an export's hundred
    thousand entries, which costs more than the rest of the export; here only what differs
    per record travels.
    """
    quote = connection.ops.quote_name
    fixed = [field for field in ModelLogEntry._meta.concrete_fields
             if not field.primary_key and field.attname not in ("label", "object_id")]
    columns = ", ".join(quote(field.column) for field in [*fixed, *(
        ModelLogEntry._meta.get_field(name) for name in ("label", "object_id"))])
    values = ", ".join(f"CAST(%s AS {field.db_type(connection)})" for field in fixed)
    params = [field.get_db_prep_save(getattr(entry, field.attname), connection)
              for field in fixed]
    labels, object_ids = zip(*pairs, strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(ModelLogEntry._meta.db_table)} ({columns}) "  # noqa: S608 # nosec B608 - quoted names, values as parameters
            f"SELECT {values}, entry.label, entry.object_id "
            "FROM unnest(CAST(%s AS text[]), CAST(%s AS text[])) AS entry(label, object_id)",
            [*params, list(labels), list(object_ids)])
