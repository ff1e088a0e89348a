"""Recommendation follow-up: kind, the day implemented with its evidence, the state against the
due date, the council's response, and the earlier recommendations a later report follows up."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.choices import RecommendationStatus as S
from borgerraadgiver_plugin.learning.models import FollowUp, Recommendation
from borgerraadgiver_plugin.reports.models import AnnualReportPage
from tests.cases.rendered_form import form_data
from tests.factories import AreaFactory, RecommendationFactory

D = datetime.date
TODAY = D(2026, 12, 1)


@pytest.mark.parametrize("status, implemented, due, expected", [
    (S.IMPLEMENTED, D(2026, 3, 1), D(2026, 3, 31), FollowUp.ON_TIME),
    (S.IMPLEMENTED, D(2026, 4, 1), D(2026, 3, 31), FollowUp.LATE),
    (S.IMPLEMENTED, D(2026, 4, 1), None, FollowUp.ON_TIME),
    (S.DECLINED, None, D(2026, 3, 31), FollowUp.NOT_FOLLOWED),
    (S.ACCEPTED, None, D(2026, 3, 31), FollowUp.OVERDUE),
    (S.IN_PROGRESS, None, D(2027, 1, 31), FollowUp.OPEN),
    (S.PROPOSED, None, None, FollowUp.OPEN),
])
def test_where_a_recommendation_stands(status, implemented, due, expected):
    recommendation = Recommendation(status=status, implemented_on=implemented, due_on=due,
                                    issued_on=D(2026, 1, 1))
    assert recommendation.follow_up(TODAY) == expected


def test_implemented_needs_its_day_and_not_before_it_was_issued(db):
    recommendation = RecommendationFactory(issued_on=D(2026, 2, 1), status=S.IMPLEMENTED)
    with pytest.raises(ValidationError) as missing:
        recommendation.full_clean()
    assert "implemented_on" in missing.value.message_dict
    recommendation.implemented_on = D(2026, 1, 15)
    with pytest.raises(ValidationError):
        recommendation.full_clean()
    recommendation.implemented_on = D(2026, 3, 1)
    recommendation.full_clean()


def test_the_advisor_records_the_implementation_in_the_rendered_form(advisor_client, db):
    recommendation = RecommendationFactory(issued_on=D(2026, 2, 1), due_on=D(2026, 4, 1),
                                           area=AreaFactory(name="Social"))
    url = f"/admin/borgerraadgiver/learning/recommendations/edit/{recommendation.pk}/"
    data = form_data(advisor_client, url)
    data.update(status=[S.IMPLEMENTED], implemented_on=["2026-03-20"],
                evidence=["Ny skabelon til partshøring."], kind=["COMPLAINT_HANDLING"],
                council_response=["Udvalget tager orienteringen til efterretning."])
    response = advisor_client.post(url, data)
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.follow_up(TODAY) == FollowUp.ON_TIME
    listing = advisor_client.get("/admin/borgerraadgiver/learning/recommendations/")
    assert "Gennemført til tiden" in listing.content.decode()


def test_a_later_report_follows_up_the_earlier_recommendations_by_area(client, home, db):
    social, tech = AreaFactory(name="Social", sort_order=1), AreaFactory(name="Teknik",
                                                                         sort_order=2)
    first = AnnualReportPage(title="Beretning 2024", slug="beretning-2024",
                             period_start=D(2024, 1, 1), period_end=D(2024, 12, 31))
    home.add_child(instance=first)
    issued = RecommendationFactory(text="Svar inden for ti dage.", area=social,
                                   issued_on=D(2024, 11, 1), due_on=D(2025, 1, 31),
                                   status=S.IMPLEMENTED, implemented_on=D(2025, 3, 1))
    RecommendationFactory(text="Brug skabelonen.", area=tech, issued_on=D(2024, 6, 1),
                          status=S.DECLINED, decline_reason="Andre planer")
    RecommendationFactory(text="Årets egen.", area=tech, issued_on=D(2025, 6, 1))
    first.recommendations.add(issued)
    first.save_revision().publish()
    second = AnnualReportPage(title="Beretning 2025", slug="beretning-2025",
                              period_start=D(2025, 1, 1), period_end=D(2025, 12, 31),
                              body=[("follow_up", None)])
    home.add_child(instance=second)
    second.save_revision().publish()
    html = client.get(second.url).content.decode()
    follow_up = html.split('class="br-report-follow-up"', 1)[1].split("</div>", 1)[0]
    assert follow_up.index("Social") < follow_up.index("Teknik")
    assert "Gennemført for sent" in follow_up and "Ikke fulgt" in follow_up
    assert f'<a href="{first.url}">Beretning 2024</a>' in follow_up
    assert "Årets egen." not in follow_up  # issued in the report's own period
