import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands, load_command_class

from borgerraadgiver_plugin.cases.models import (
    Case,
    Letter,
    LetterTemplate,
    OutreachBooking,
    OutreachSession,
)
from borgerraadgiver_plugin.demo import DEMO_PASSWORD
from borgerraadgiver_plugin.models import Area, ReferralBody
from borgerraadgiver_plugin.veterans.models import ExternalPartner

pytestmark = pytest.mark.django_db

CONTRACT = ["/", "/borgerraadgiveren/", "/veteraner/", "/laering/", "/beretning-2025/"]


def run_demo(*args):
    out = io.StringIO()
    call_command("borgerraadgiver_demo", *args, stdout=out)
    return out.getvalue()


def assert_pages_serve(client):
    for url in CONTRACT:
        # The learning index may be an intranet page behind a login.
        assert client.get(url).status_code in (200, 302), url


def assert_cases_spread_over_two_years():
    cases = Case.objects.all()
    assert 250 <= cases.count() <= 600
    assert len({case.received_at.year for case in cases}) >= 2
    assert cases.values("inquiry_type").distinct().count() >= 4
    assert cases.values("area").distinct().count() >= 4
    assert cases.exclude(outcome="").values("outcome").distinct().count() >= 4
    assert Area.objects.filter(valid_to__isnull=False).exists()  # a reorganisation


def assert_users_in_groups():
    users = get_user_model().objects
    assert users.get(username="raadgiver").groups.filter(name="Borgerrådgiver").exists()
    assert users.get(username="veteran").groups.filter(name="Veterankoordinator").exists()
    assert users.get(username="medarbejder").groups.filter(name="Medarbejder").exists()
    assert users.get(username="databeskyttelse").groups.filter(name="Databeskyttelse").exists()


def assert_waiting_cases_have_deadlines():
    """Fresh inquiries wait for their acknowledgement: the listing and dashboard show when."""
    fresh = Case.objects.filter(status="NEW", acknowledged_at__isnull=True)
    assert fresh.exists()
    assert not fresh.filter(next_deadline__isnull=True).exists()
    assert not Case.objects.open().filter(next_deadline__isnull=True,
                                          acknowledged_at__isnull=True).exists()


def assert_a_letter_was_sent_and_delivered():
    """Three Danish letter templates, and a forwarded case whose citizen got the notice."""
    assert set(LetterTemplate.objects.values_list("name", flat=True)) == {
        "Kvittering", "Orientering om videresendelse", "Afslutning"}
    letter = Letter.objects.get()
    assert letter.delivered_at and letter.document and "Kære " in letter.body
    assert letter.case.events.filter(kind="DELIVERY").count() == 1
    assert letter.outbox_message.status == "SENT"


def assert_stevns_rows():
    """What setup leaves out as local, the demo adds for Stevns."""
    assert ReferralBody.objects.filter(name="Region Sjælland", code="REGION").exists()
    assert set(ExternalPartner.objects.filter(code="LOCAL_ASSOC").values_list(
        "name", flat=True)) == {"Stevns Marineforening", "Hjemmeværnskompagni Stevns"}
    assert Area.objects.filter(name="Jobcenter Stevns").exists()


def assert_office_hours(client):
    """Upcoming sessions at the library, the health centre and the town hall, some booked,
    one cancelled, on /traeffetider/ and the complaint page; past ones hold the outreach cases."""
    upcoming = OutreachSession.objects.upcoming()
    places = " ".join(upcoming.values_list("place_name", flat=True))
    assert all(word in places for word in ("Bibliotek", "Sundhedshuset", "Rådhus"))
    assert upcoming.filter(cancelled=True).count() == 1
    assert OutreachBooking.objects.active().filter(session__in=upcoming,
                                                   anonymised_at=None).exists()
    assert "Book en tid" in client.get("/traeffetider/").content.decode()
    assert "Mød borgerrådgiveren" in client.get("/borgerraadgiveren/").content.decode()
    assert not Case.objects.filter(channel="OUTREACH", outreach_session=None).exists()


def counts():
    return (Case.objects.count(), OutreachSession.objects.count(), Area.objects.count(),
            get_user_model().objects.count(), ReferralBody.objects.count(),
            ExternalPartner.objects.count())


def test_demo_builds_the_contract_once_and_again_changes_nothing(client):
    output = run_demo()
    assert_pages_serve(client)
    assert "admin" in output and DEMO_PASSWORD in output
    for line in ("Oprettede brugeren raadgiver", "områder", "henvisningsinstansen Region Sjælland",
                 "lokale samarbejdspartnere", "demosager", "veterankontakter",
                 "Oprettede krav om login på /laering/", "læringsnotater med anbefalinger",
                 "træffetider"):
        assert line in output  # the command speaks Danish, line by line
    assert client.login(username="admin", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200
    assert_cases_spread_over_two_years()
    assert_users_in_groups()
    assert_waiting_cases_have_deadlines()
    assert_stevns_rows()
    assert_a_letter_was_sent_and_delivered()
    assert_office_hours(client)

    before = counts()
    run_demo()
    assert counts() == before
    assert_retention_has_something_to_show()


def assert_retention_has_something_to_show():
    """Retention stays off in the demo; the dry run lists the old cases, one kept by a hold."""
    out = io.StringIO()
    call_command("borgerraadgiver_retention", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert len([line for line in lines if line.startswith("Ville anonymisere: sag ")]) == 3
    assert len([line for line in lines if line.startswith("Bevares på grund af retligt")]) == 1
    assert not Case.objects.filter(anonymised_at__isnull=False).exists()


@pytest.mark.parametrize("argv", [["--seed", "abc"], ["--seed"]])
def test_demo_refuses_malformed_arguments(argv, capsys):
    cmd = load_command_class(get_commands()["borgerraadgiver_demo"], "borgerraadgiver_demo")
    with pytest.raises(SystemExit) as info:
        cmd.run_from_argv(["manage.py", "borgerraadgiver_demo", *argv])
    assert info.value.code == 2
    assert "--seed" in capsys.readouterr().err
