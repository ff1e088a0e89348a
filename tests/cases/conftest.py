import pytest


@pytest.fixture(autouse=True)
def _post_at_once(forms_without_waiting):
    """The case tests post the complaint form at once (the too-fast rule has its own test)."""
