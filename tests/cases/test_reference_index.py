"""Cases stay out of Wagtail's reference index: an area's usage screen never lists them."""

import pytest
from wagtail.models import ReferenceIndex

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_case_is_not_listed_among_the_uses_of_its_area(advisor_client):
    case = CaseFactory()
    assert not ReferenceIndex.get_references_to(case.area).exists()
    usage = advisor_client.get(f"/admin/borgerraadgiver/areas/usage/{case.area.pk}/")
    assert usage.status_code == 200
    assert case.reference not in usage.content.decode()
