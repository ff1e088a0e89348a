import pytest


@pytest.fixture
def coordinator_client(client, veteran_coordinator):
    client.force_login(veteran_coordinator)
    return client
