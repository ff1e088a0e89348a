"""The advisor's statistics screen in Debian's chromium: choose a year, read the tables and
charts, get an error for a reversed period; axe finds nothing serious on either."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, run_setup
from tests.reports import dataset

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "statistik-adgang-2025"  # noqa: S105 - a test user's


@pytest.fixture
def advisor(site):
    run_setup()
    user = get_user_model().objects.create_user("raadgiver", password=PASSWORD)
    user.groups.add(Group.objects.get(name=ADVISOR_GROUP))
    return user


def test_the_advisor_reads_a_years_statistics(journey, advisor):
    dataset.build()
    journey.log_in("raadgiver", PASSWORD)
    journey.page.get_by_role("button", name="Borgerrådgiver").first.click()
    journey.page.get_by_role("link", name="Statistik", exact=True).click()
    journey.page.wait_for_load_state()
    journey.step("statistik-aabnet")
    page = journey.page
    page.fill("#id_start", "2025-01-01")
    page.fill("#id_end", "2025-12-31")
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_load_state()
    journey.step("statistik-2025")
    for table_id in ("inquiries_by_type", "forwarded_results"):
        page.locator(f"#table-{table_id}").scroll_into_view_if_needed()
        journey.step(f"tabel-{table_id}")
    complaints = page.locator("#table-inquiries_by_type tbody tr", has_text="Klage")
    assert complaints.locator("td").all_inner_texts() == ["4", "<3"]
    assert page.locator("#table-inquiries_by_type figure svg[role=img]").count() == 1
    assert axe_violations(page) == []

    page.fill("#id_start", "2025-12-31")
    page.fill("#id_end", "2025-01-01")
    page.get_by_role("button", name="Vis", exact=True).click()
    page.wait_for_load_state()
    journey.step("statistik-omvendt-periode")
    assert "slutter (2025-01-01) før den begynder" in page.locator("[role=alert]").inner_text()
    assert axe_violations(page) == []


def test_a_published_report_reads_well_and_passes_axe(journey, site):
    from borgerraadgiver_plugin.reports.demo import BODY
    from borgerraadgiver_plugin.reports.models import AnnualReportPage

    dataset.build()
    page = AnnualReportPage(title="Borgerrådgiverens beretning 2025", slug="beretning-2025",
                            body=BODY)
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    journey.goto("/beretning-2025/")
    journey.step("beretning")
    assert journey.page.locator("figure.br-report-table").count() == 8
    journey.page.locator("figure.br-report-table").first.scroll_into_view_if_needed()
    journey.step("beretning-tabel")
    assert axe_violations(journey.page) == []
