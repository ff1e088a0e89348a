import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from borgerraadgiver_plugin.cached import forget_all
from borgerraadgiver_plugin.provisioning import (
    ADVISOR_GROUP,
    STAFF_GROUP,
    VETERAN_GROUP,
    run_setup,
)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Every test writes files into its own folder, never into the example site."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.BORGERRAADGIVER_PRIVATE_ROOT = str(tmp_path / "private")


@pytest.fixture(autouse=True)
def _no_cached_rows_from_other_tests():
    """A rolled-back test sends no signal, so rows it cached could outlive its data."""
    forget_all()
    yield
    forget_all()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def groups(db):
    run_setup()


def _user_in(group_name, username):
    user = get_user_model().objects.create_user(
        username=username, password="pw", email=f"{username}@example.invalid"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def advisor(groups):
    return _user_in(ADVISOR_GROUP, "advisor")


@pytest.fixture
def veteran_coordinator(groups):
    return _user_in(VETERAN_GROUP, "coordinator")


@pytest.fixture
def staff_member(groups):
    return _user_in(STAFF_GROUP, "staff")


@pytest.fixture
def advisor_client(client, advisor):
    client.force_login(advisor)
    return client
