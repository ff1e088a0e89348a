"""Fixtures of the core tests: the production spam rules, and both public forms as targets
(see ``public_form_support``) for the tests every public form must pass."""

import pytest
from django.core.cache import cache

from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from tests.factories import ComplaintFormPageFactory, VeteranContactPageFactory

from .public_form_support import complaint, veteran


@pytest.fixture(autouse=True)
def real_spam_rules(settings):
    """The production rules: a form sent within 3 s of its first render is too fast. Rate
    limits start at zero."""
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 3
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def complaint_page(home, groups):
    page = ComplaintFormPageFactory(parent=home)
    BorgerraadgiverSettings.current().save()
    return page


@pytest.fixture
def veteran_page(home):
    return VeteranContactPageFactory(parent=home)


@pytest.fixture(params=["complaint", "veteran"])
def target(request):
    if request.param == "complaint":
        return complaint(request.getfixturevalue("complaint_page"))
    return veteran(request.getfixturevalue("veteran_page"))
