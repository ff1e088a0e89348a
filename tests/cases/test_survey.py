"""The satisfaction survey: who is asked on closing (through the admin's rendered close form),
the anonymous answer through the citizen's page, and its bad inputs."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from borgerraadgiver_plugin.cases import survey, workflow
from borgerraadgiver_plugin.cases.models import Case, SurveyAnswer, SurveyInvitation
from borgerraadgiver_plugin.cases.survey import survey_counts
from borgerraadgiver_plugin.models import OutboxMessage
from tests.factories import CaseFactory, UserFactory

from .admin_helpers import action_url
from .rendered_form import fill_in, form_data, rendered_form

pytestmark = pytest.mark.django_db

SURVEY_FORM = "form.br-form"


def close_through_admin(client, case, send_survey=True):
    """The advisor closes ``case`` on the rendered close form, leaving the survey ticked as
    the form offers it, or unticking it."""
    url = action_url(case, "close")
    data = form_data(client, url)
    assert data.get("send_survey") == (["on"] if case.citizen_email else None) or \
        case.rejection_reason
    data["outcome"] = ["RESOLVED_DIALOGUE"]
    data["methods"] = ["GUIDED"]
    if not send_survey:
        data.pop("send_survey", None)
    else:
        data["send_survey"] = ["on"]  # ticked even where the form leaves it off
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Case.objects.get(pk=case.pk)


def survey_link():
    message = OutboxMessage.objects.get(kind="case.survey")
    return message.body.split("tilfredshed/")[1].split("/")[0]


@pytest.fixture
def open_case(form_page, area):
    return CaseFactory(open=True, area=area, acknowledged_at=timezone.now())


def test_closing_sends_one_anonymous_survey_link(advisor_client, open_case):
    close_through_admin(advisor_client, open_case)
    message = OutboxMessage.objects.get(kind="case.survey")
    assert message.recipient == open_case.citizen_email
    assert open_case.citizen_name not in message.body and open_case.account not in message.body
    assert SurveyInvitation.objects.filter(case=open_case).count() == 1


def test_the_advisor_can_switch_the_survey_off_for_a_case(advisor_client, open_case):
    close_through_admin(advisor_client, open_case, send_survey=False)
    assert not OutboxMessage.objects.filter(kind="case.survey").exists()


@pytest.mark.parametrize("case_kwargs", [
    {"citizen_email": ""},                                   # staff intake, no e-mail
    {"citizen_name": "", "citizen_email": "", "citizen_phone": ""},  # anonymous
    {"rejection_reason": "POLITICAL"},                       # rejected
])
def test_never_for_rejected_anonymous_or_cases_without_e_mail(advisor_client, area, form_page,
                                                              case_kwargs):
    case = CaseFactory(open=True, area=area, acknowledged_at=timezone.now(), **case_kwargs)
    close_through_admin(advisor_client, case)
    assert not OutboxMessage.objects.filter(kind="case.survey").exists()


def answer_survey(form_page, token, client=None, **answers):
    client = client or Client()
    answers = {"heard": "YES", "understood": "PARTLY", "would_return": "YES", **answers}
    return client, fill_in(client, f"{form_page.url}tilfredshed/{token}/", SURVEY_FORM,
                           answers)


def test_the_answer_keeps_only_year_type_and_area_and_the_link_works_once(
        advisor_client, open_case, form_page):
    closed = close_through_admin(advisor_client, open_case)
    token = survey_link()
    url = f"{form_page.url}tilfredshed/{token}/"
    second_tab = Client()
    _form, stale = rendered_form(second_tab.get(url).content.decode(), SURVEY_FORM)
    client, response = answer_survey(
        form_page, token, comment="Ring til mig på 20 30 40 50, hilsen Anne Hansen")
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Tak for dit svar" in thanks.content.decode()
    assert thanks.context["form"] is None

    answer = SurveyAnswer.objects.get()
    assert (answer.year, answer.inquiry_type, answer.area_id) == (
        timezone.localdate(closed.closed_at).year, closed.inquiry_type, closed.area_id)
    assert "20 30 40 50" not in answer.comment and "Anne Hansen" not in answer.comment
    assert answer.comment_masked and "[…]" in answer.comment
    field_names = {field.name for field in SurveyAnswer._meta.get_fields()}
    assert not field_names & {"case", "invitation", "created_at", "answered_at"}

    again = second_tab.post(url, {**stale, "heard": ["NO"], "understood": ["NO"],
                                  "would_return": ["NO"]})
    assert SurveyAnswer.objects.count() == 1
    assert again.status_code == 200 and "virker kun én gang" in again.content.decode()


def test_missing_answers_get_danish_messages_and_nothing_is_kept(advisor_client, open_case,
                                                                 form_page):
    close_through_admin(advisor_client, open_case)
    client = Client()
    url = f"{form_page.url}tilfredshed/{survey_link()}/"
    form, data = rendered_form(client.get(url).content.decode(), SURVEY_FORM)
    response = client.post(url, data)
    assert response.status_code == 200
    summary = BeautifulSoup(response.content, "html.parser").select_one("#br-error-summary")
    assert summary.get_text().count("Vælg et svar.") == 3
    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize("token", ["kort", "x" * 43, "y" * 200])
def test_a_tampered_or_unknown_link_is_a_404(form_page, token):
    assert Client().get(f"{form_page.url}tilfredshed/{token}/").status_code == 404


def test_a_tampered_real_link_is_a_404(advisor_client, open_case, form_page):
    close_through_admin(advisor_client, open_case)
    token = survey_link()
    tampered = token[:-2] + ("zz" if not token.endswith("zz") else "yy")
    assert Client().get(f"{form_page.url}tilfredshed/{tampered}/").status_code == 404


def test_reopening_the_case_closes_its_survey(advisor_client, open_case, form_page):
    close_through_admin(advisor_client, open_case)
    token = survey_link()
    workflow.reopen(Case.objects.get(pk=open_case.pk), UserFactory(), reason="Ny oplysning")
    response = Client().get(f"{form_page.url}tilfredshed/{token}/")
    assert response.status_code == 200 and "genåbnet" in response.content.decode()
    assert response.context["form"] is None
    assert not SurveyAnswer.objects.exists()


def test_anonymising_the_case_kills_the_survey_link(advisor_client, open_case, form_page):
    from borgerraadgiver_plugin.cases import anonymisation

    close_through_admin(advisor_client, open_case)
    token = survey_link()
    anonymisation.anonymise(Case.objects.get(pk=open_case.pk))
    assert Client().get(f"{form_page.url}tilfredshed/{token}/").status_code == 404


def test_two_answers_sent_at_once_keep_one(open_case, form_page):
    workflow.close(open_case, UserFactory(), outcome="RESOLVED_DIALOGUE", methods=["GUIDED"])
    invitation = survey.invite(Case.objects.get(pk=open_case.pk), lambda token: f"/t/{token}/")
    stale = SurveyInvitation.objects.get(pk=invitation.pk)
    survey.record_answer(invitation, heard="YES", understood="YES", would_return="YES")
    with pytest.raises(survey.SurveyClosed):
        survey.record_answer(stale, heard="NO", understood="NO", would_return="NO")
    assert SurveyAnswer.objects.count() == 1


def test_counts_are_per_answer_and_year():
    SurveyAnswer.objects.bulk_create([
        SurveyAnswer(year=2025, inquiry_type="COMPLAINT", heard="YES", understood="NO",
                     would_return="MAYBE"),
        SurveyAnswer(year=2025, inquiry_type="GUIDANCE", heard="YES", understood="YES",
                     would_return="YES"),
        SurveyAnswer(year=2024, inquiry_type="GUIDANCE", heard="NO", understood="YES",
                     would_return="NO"),
    ])
    counts = survey_counts([2025])
    assert counts["total"] == 2
    assert counts["heard"] == {"YES": 2, "PARTLY": 0, "NO": 0}
    assert counts["would_return"] == {"YES": 1, "MAYBE": 1, "NO": 0}


def test_the_advisor_reads_counts_and_masked_comments_on_the_statistics_screen(advisor_client):
    def answer(heard, comment="", masked=False):
        return SurveyAnswer(year=2025, inquiry_type="COMPLAINT", heard=heard, understood="YES",
                            would_return="YES", comment=comment, comment_masked=masked)

    SurveyAnswer.objects.bulk_create(
        [answer("YES", f"Godt svar nummer {n}") for n in range(12)]
        + [answer("PARTLY") for _n in range(6)]
        + [answer("NO", "Ring til […] igen", masked=True)])
    response = advisor_client.get(reverse("borgerraadgiver_reports_statistics"),
                                  {"start": "2025-01-01", "end": "2025-12-31"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    table = page.select_one("#table-survey")
    assert table is not None and "Tilfredshedsundersøgelse" in table.get_text()
    rows = {" ".join(row.th.get_text().split()): [td.get_text().strip() for td in
                                                  row.select("td")]
            for row in table.select("tbody tr")}
    # Ja, Delvist / måske, Nej, Besvarelser: the 1 is hidden, and the 6 with it, since
    # 19 − 12 − 6 would give it away.
    assert rows["Følte sig hørt"][0] == "12" and rows["Følte sig hørt"][3] == "19"
    assert rows["Følte sig hørt"][2].startswith("<") and rows["Følte sig hørt"][1] == "–"
    assert rows["Forstod svaret"] == ["19", "0", "0", "19"]
    assert rows["Følte sig hørt (forrige periode)"] == ["0", "0", "0", "0"]
    comments = page.select_one("#br-survey-comments-title").find_parent("section").get_text()
    assert "Ring til […] igen" in comments and "Godt svar nummer 3" in comments
