"""Checked files into private storage as a case's documents, the citizen's and the advisor's.

Only a :class:`~.uploads.CheckedFile` is stored, so every document went through the one
attachment policy, and the scanner's verdict is kept with it: a blocked or unscanned file is
stored in quarantine, never refused. A file is written before its row, so a writer that fails
must not leave it behind: :class:`DocumentWriter`, wrapped around the transaction, removes the
files it wrote when the block raises (their rows roll back with the transaction). When the
block is a savepoint inside a longer transaction, a failure after it, the COMMIT included, is
caught by :func:`~borgerraadgiver_plugin.storage.removed_unless_committed` around that
transaction (``public_forms.store`` puts it around every public form's).
"""

from ..storage import save_whole
from .models.timeline import CaseDocument


class DocumentWriter:
    """``with DocumentWriter() as documents, transaction.atomic(): documents.add(...)``."""

    def __init__(self):
        self.written = []

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is not None:
            self.discard()
        return False

    def add(self, checked, *, case, event=None, uploaded_by=None):
        """Store ``checked`` on ``case`` (and on a timeline ``event``); the new document."""
        document = CaseDocument(
            case=case, event=event, uploaded_by=uploaded_by,
            original_name=checked.original_name, content_type=checked.content_type,
            size=checked.size, sha256=checked.sha256, scan_state=checked.scan_state,
            scan_finding=checked.scan_finding,
        )
        field = CaseDocument._meta.get_field("file")
        document.file = save_whole(
            field.storage, field.generate_filename(document, checked.original_name),
            checked.file, max_length=field.max_length)
        self.written.append(document.file)
        document.save()
        return document

    def discard(self):
        """Remove the files written so far (a transaction that did not commit)."""
        for field_file in self.written:
            try:
                field_file.storage.delete(field_file.name)
            except OSError:
                pass
        self.written = []
