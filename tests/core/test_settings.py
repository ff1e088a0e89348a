import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.models import BorgerraadgiverSettings

pytestmark = pytest.mark.django_db


def settings_for(site, **values):
    instance = BorgerraadgiverSettings.for_site(site)
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


@pytest.mark.parametrize(("field", "value"), [
    ("acknowledgement_days", 0),
    ("forwarding_answer_days", 251),
    ("suppression_threshold", 0),
    ("suppression_threshold", 1),
    ("reporting_year_start_month", 13),
    ("retention_years", 0),
    ("complaint_age_limit_months", 0),
])
def test_out_of_range_values_are_refused(site, field, value):
    with pytest.raises(ValidationError) as info:
        settings_for(site, **{field: value}).full_clean()
    assert field in info.value.message_dict


def test_negative_deadline_is_refused(site):
    with pytest.raises(ValidationError) as info:
        settings_for(site, acknowledgement_days=-3).full_clean()
    assert "acknowledgement_days" in info.value.message_dict


def test_reminder_must_come_before_the_deadline(site):
    with pytest.raises(ValidationError) as info:
        settings_for(site, forwarding_reminder_days=10, forwarding_answer_days=10).full_clean()
    assert "forwarding_reminder_days" in info.value.message_dict


def test_bad_notification_address_is_named(site):
    with pytest.raises(ValidationError) as info:
        settings_for(site, notification_emails="ok@example.invalid, not-an-address").full_clean()
    assert "not-an-address" in str(info.value.message_dict["notification_emails"])


def test_bad_closing_day_is_refused(site):
    with pytest.raises(ValidationError) as info:
        settings_for(site, closing_days="24-12\n30-02").full_clean()
    assert "closing_days" in info.value.message_dict


def test_defaults_are_valid_and_follow_the_domain(site):
    instance = BorgerraadgiverSettings.for_site(site)
    instance.full_clean()
    assert instance.acknowledgement_days == 10
    assert instance.forwarding_answer_days == 10
    assert instance.investigation_statement_days == 15
    assert instance.suppression_threshold == 3


def test_admin_form_shows_the_message_and_saves_nothing(admin_client, site):
    url = f"/admin/settings/borgerraadgiver/borgerraadgiversettings/{site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    data = {field: getattr(BorgerraadgiverSettings.for_site(site), field) or "" for field in (
        "advisor_name", "advisor_email", "advisor_phone", "advisor_address", "office_hours",
        "acknowledgement_days", "forwarding_answer_days", "forwarding_reminder_days",
        "investigation_statement_days", "citizen_hearing_days", "citizen_inactivity_days",
        "complaint_age_limit_months", "closing_days", "max_attachments", "max_attachment_mb",
        "max_total_attachment_mb", "retention_years", "veteran_consent_renewal_months",
        "suppression_threshold", "reporting_year_start_month", "notification_emails")}
    data["suppression_threshold"] = 0
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "suppression_threshold" in response.context["form"].errors
    assert BorgerraadgiverSettings.for_site(site).suppression_threshold == 3
