import pytest

from borgerraadgiver_plugin.cases.models import LetterTemplate
from tests.factories import CaseFactory


@pytest.fixture
def case(groups, area):
    return CaseFactory(open=True, area=area, citizen_name="Anne Hansen",
                       citizen_address="Hovedgaden 1\n4660 Store Heddinge")


@pytest.fixture
def template(db):
    return LetterTemplate.objects.create(
        name="Kvittering", subject="Kvittering for din henvendelse {sagsnummer}",
        body="Kære {navn}\n\nVi modtog din henvendelse den {modtaget}.\n\nMed venlig hilsen\n"
             "{raadgiver}")
