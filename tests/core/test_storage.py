import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile

from borgerraadgiver_plugin.storage import private_storage


def test_files_go_to_the_private_folder_of_the_moment(settings, tmp_path):
    settings.BORGERRAADGIVER_PRIVATE_ROOT = str(tmp_path / "here")
    name = private_storage().save("a.txt", ContentFile(b"x"))
    assert (tmp_path / "here" / name).read_bytes() == b"x"


def test_private_files_have_no_url(settings, tmp_path):
    with pytest.raises(ValueError):
        private_storage().url("a.txt")


def test_a_private_folder_inside_media_root_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.BORGERRAADGIVER_PRIVATE_ROOT = str(tmp_path / "private")
    with pytest.raises(ImproperlyConfigured):
        private_storage().save("a.txt", ContentFile(b"x"))


def test_a_missing_private_folder_setting_is_refused(settings):
    settings.BORGERRAADGIVER_PRIVATE_ROOT = None
    with pytest.raises(ImproperlyConfigured):
        private_storage().save("a.txt", ContentFile(b"x"))
