"""Private file storage: attachments never live under MEDIA_ROOT or a public URL."""

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

from . import conf

STORAGE_ALIAS = "borgerraadgiver_private"

#: The files :func:`save_whole` wrote inside the innermost :func:`removed_unless_committed`.
_uncommitted = ContextVar("borgerraadgiver_uncommitted_files", default=None)


class PrivateFolderStorage(FileSystemStorage):
    """A folder with no URL, read from ``BORGERRAADGIVER_PRIVATE_ROOT`` at every use.

    Reading the setting each time (rather than once, when the model class is built) keeps a
    changed setting, e.g. a test's own folder, in force.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        root = conf.get("BORGERRAADGIVER_PRIVATE_ROOT")
        if not root:
            raise ImproperlyConfigured(
                "Set BORGERRAADGIVER_PRIVATE_ROOT (a folder outside MEDIA_ROOT) or "
                f'STORAGES["{STORAGE_ALIAS}"].'
            )
        media = settings.MEDIA_ROOT
        if media and Path(root).resolve().is_relative_to(Path(media).resolve()):
            raise ImproperlyConfigured(
                "BORGERRAADGIVER_PRIVATE_ROOT must not be inside MEDIA_ROOT."
            )
        return root

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a permission check.")


def save_whole(storage, name, content, max_length=None):
    """``storage.save()`` that leaves nothing behind when the write fails (a full disk): the
    half-written file is removed. ``name`` should be random, as attachments' names are, so the
    name chosen here is the one the storage writes to."""
    name = storage.get_available_name(name, max_length=max_length)
    try:
        saved = storage.save(name, content, max_length=max_length)
    except BaseException:
        _delete(storage, name)
        raise
    if (written := _uncommitted.get()) is not None:
        written.append((storage, saved))
    return saved


@contextmanager
def removed_unless_committed():
    """Files :func:`save_whole` writes inside this block are removed again if the block
    raises. Wrapped around a whole transaction, that covers its COMMIT too: a database that
    fails (or a connection that is killed) at the very end leaves no file without its row."""
    written = []
    token = _uncommitted.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            _delete(storage, name)
        raise
    finally:
        _uncommitted.reset(token)


def _delete(storage, name):
    try:
        if storage.exists(name):
            storage.delete(name)
    except OSError:
        pass


def private_storage():
    """``STORAGES["borgerraadgiver_private"]`` if the site defines it, else a private folder."""
    try:
        return storages[STORAGE_ALIAS]
    except InvalidStorageError:
        return PrivateFolderStorage()
