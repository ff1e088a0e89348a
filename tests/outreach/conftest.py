import pytest

from tests.factories import OutreachPageFactory, OutreachSessionFactory


@pytest.fixture
def outreach_page(home, groups):
    return OutreachPageFactory(parent=home)


@pytest.fixture
def session(db):
    return OutreachSessionFactory()
