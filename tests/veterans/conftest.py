import pytest

from tests.factories import VeteranContactFactory, VeteranContactPageFactory


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    """The request page's "too fast" check would treat the test client as a bot."""
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0


@pytest.fixture
def coordinator_client(client, veteran_coordinator):
    client.force_login(veteran_coordinator)
    return client


@pytest.fixture
def contact(groups):
    return VeteranContactFactory(name="Jens Mikkelsen")


@pytest.fixture
def request_page(home):
    return VeteranContactPageFactory(parent=home)
