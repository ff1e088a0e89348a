"""Private file storage: attachments never live under MEDIA_ROOT or a public URL."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

from . import conf

STORAGE_ALIAS = "borgerraadgiver_private"


def private_storage():
    """``STORAGES["borgerraadgiver_private"]`` if the site defines it, else a private folder."""
    try:
        return storages[STORAGE_ALIAS]
    except InvalidStorageError:
        pass
    root = conf.get("BORGERRAADGIVER_PRIVATE_ROOT")
    if not root:
        raise ImproperlyConfigured(
            "Set BORGERRAADGIVER_PRIVATE_ROOT (a folder outside MEDIA_ROOT) or "
            f'STORAGES["{STORAGE_ALIAS}"].'
        )
    media = settings.MEDIA_ROOT
    if media and Path(root).resolve().is_relative_to(Path(media).resolve()):
        raise ImproperlyConfigured("BORGERRAADGIVER_PRIVATE_ROOT must not be inside MEDIA_ROOT.")
    return FileSystemStorage(location=root, base_url=None)
