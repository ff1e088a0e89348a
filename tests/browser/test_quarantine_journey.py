"""In chromium: a citizen sends an infected file; the advisor sees the case, the blocked file
and the warning about e-mails that wait too long."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage
from tests.sites import ensure_default_site

from ..cases.sample_files import EICAR, PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def test_infected_file_is_quarantined_and_the_advisor_is_warned(form_page, area, advisor,
                                                               journey, settings):
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.scan"
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"  # the mail server is down
    journey.goto(form_page.url)
    page = journey.page
    page.check("#id_inquiry_type_0")
    page.check("#id_area_0")
    page.fill("#id_account", "Jeg har ikke fået svar på min ansøgning.")
    page.fill("#id_name", "Anne Hansen")
    page.fill("#id_email", "anne@example.invalid")
    page.set_input_files("input[type=file][name=attachments]", [
        {"name": "virus.txt", "mimeType": "text/plain", "buffer": EICAR},
        {"name": "afgoerelse.pdf", "mimeType": "application/pdf", "buffer": PDF},
    ])
    page.click("button[type=submit]")
    page.wait_for_url("**/kvittering/**")
    case = Case.objects.get()
    assert "Dine filer bliver kontrolleret" in page.inner_text("main")
    journey.step("kvittering")

    OutboxMessage.objects.filter(reference=case.reference).update(  # an hour later
        created_at=timezone.now() - datetime.timedelta(hours=1))
    journey.log_in("advisor", "pw")
    journey.goto("/admin/")
    assert "E-mails venter på at blive sendt" in page.inner_text("main")
    journey.step("dashboard")
    journey.goto(reverse("borgerraadgiver_cases_case:inspect", args=[case.pk]))
    documents = page.locator("section[aria-labelledby=case-documents]")
    assert "virus.txt" in documents.inner_text() and "blokeret" in documents.inner_text()
    assert documents.locator("a", has_text="virus.txt").count() == 0
    assert documents.locator("a", has_text="afgoerelse.pdf").count() == 1
    journey.step("sagsoverblik")
