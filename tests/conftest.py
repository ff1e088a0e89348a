"""Fixtures the whole suite shares: private files per test, the site, the staff groups and
their people, the complaint form and the intranet's index. Records come from factories."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction, Site

from borgerraadgiver_plugin.cached import forget_all
from borgerraadgiver_plugin.learning.provision import grant_index_permissions
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.provisioning import (
    ADVISOR_GROUP,
    STAFF_GROUP,
    VETERAN_GROUP,
    run_setup,
)

from .factories import (
    AreaFactory,
    ComplaintFormPageFactory,
    LearningNoteIndexPageFactory,
    UserFactory,
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
def forms_without_waiting(settings):
    """Tests post at once; the too-fast rule has its own test. Rate limits start at zero."""
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def groups(db):
    run_setup()


@pytest.fixture
def advisor(groups):
    return UserFactory(username="advisor", groups=[ADVISOR_GROUP])


@pytest.fixture
def veteran_coordinator(groups):
    return UserFactory(username="coordinator", groups=[VETERAN_GROUP])


@pytest.fixture
def staff_member(groups):
    return UserFactory(username="staff", groups=[STAFF_GROUP])


@pytest.fixture
def advisor_client(client, advisor):
    client.force_login(advisor)
    return client


@pytest.fixture
def form_page(home, groups):
    """The complaint form with every text filled in, and the advisor's address set."""
    page = ComplaintFormPageFactory(
        parent=home, intro="<p>Skriv til os.</p>",
        remit_text="<p>Borgerrådgiveren kan ikke ændre afgørelser.</p>",
        what_happens_next="<p>Vi svarer inden for 10 arbejdsdage.</p>",
    )
    settings = BorgerraadgiverSettings.current()
    settings.advisor_email = "borgerraadgiver@example.invalid"
    settings.save()
    return page


@pytest.fixture
def area(db):
    return AreaFactory(name="Center for Sundhed & Omsorg", sort_order=1,
                       committee="")


@pytest.fixture
def index(home, groups):
    """The intranet's learning-note index, its permissions granted to the staff groups."""
    page = LearningNoteIndexPageFactory(parent=home)
    grant_index_permissions()
    return page


@pytest.fixture
def restricted_index(index):
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    return index
