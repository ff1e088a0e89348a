"""Fixtures of the veterans-only install. Its run stops looking for conftest files here
(``--confcutdir``): tests/conftest.py loads the factories, which import every part's models,
and a model of a part that is not installed would be taken for one of the core's."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from borgerraadgiver_plugin.provisioning import VETERAN_GROUP, run_setup


@pytest.fixture
def veteran_coordinator(db):
    run_setup()
    user = get_user_model().objects.create_user("coordinator", "coordinator@example.invalid",
                                                "pw")
    user.groups.add(Group.objects.get(name=VETERAN_GROUP))
    return user
