"""Only the Veterankoordinator group reaches the registry; every refused attempt is logged."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.provisioning import VETERAN_GROUP
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import VeteranActivityFactory

from . import helpers

pytestmark = pytest.mark.django_db


def registry_urls(contact):
    activity = VeteranActivityFactory(contact=contact, kind="CONTACT")
    referral = contact.referrals.create(partner=helpers.partner())
    return [
        helpers.url("veterancontact", "index"),
        helpers.url("veterancontact", "index") + "?export=csv",
        helpers.url("veterancontact", "index") + "?export=xlsx",
        helpers.url("veterancontact", "create"),
        helpers.url("veterancontact", "inspect", contact.pk),
        helpers.url("veterancontact", "edit", contact.pk),
        helpers.url("veterancontact", "delete", contact.pk),
        helpers.url("veteranactivity", "index"),
        helpers.url("veteranactivity", "create"),
        helpers.url("veteranactivity", "edit", activity.pk),
        helpers.url("veteranactivity", "delete", activity.pk),
        helpers.url("partnerreferral", "index"),
        helpers.url("partnerreferral", "create"),
        helpers.url("partnerreferral", "edit", referral.pk),
        helpers.url("externalpartner", "index"),
        helpers.url("needarea", "index"),
    ]


def test_advisor_only_user_gets_403_on_every_registry_url_and_is_logged(client, advisor,
                                                                         contact):
    client.force_login(advisor)
    urls = registry_urls(contact)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Jens" not in response.content
    assert helpers.logs(audit.DENIED, user=advisor).count() == len(urls)
    assert helpers.logs(audit.DENIED, user=advisor, object_id=str(contact.pk)).exists()


def test_advisor_cannot_post_changes_to_a_contact(client, advisor, contact):
    client.force_login(advisor)
    response = client.post(helpers.url("veterancontact", "delete", contact.pk))
    assert response.status_code == 403
    response = client.post(helpers.url("veterancontact", "edit", contact.pk),
                           helpers.contact_form(name="Hacked"))
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.name == "Jens Mikkelsen"
    assert VeteranContact.objects.filter(pk=contact.pk).exists()


def test_missing_and_existing_records_answer_alike_for_an_outsider(client, advisor, contact):
    client.force_login(advisor)
    missing = client.get(helpers.url("veterancontact", "inspect", contact.pk + 999))
    existing = client.get(helpers.url("veterancontact", "inspect", contact.pk))
    assert missing.status_code == existing.status_code == 403


def test_staff_member_cannot_reach_any_registry_url(client, staff_member, contact):
    client.force_login(staff_member)
    urls = registry_urls(contact)
    for url in urls:
        response = client.get(url)
        # No admin access at all: refused by the plugin's middleware, and logged.
        assert response.status_code == 403, url
        assert b"Jens" not in response.content
    denied = ModelLogEntry.objects.filter(action=audit.DENIED, user=staff_member)
    assert denied.count() == len(urls)
    assert denied.filter(object_id=str(contact.pk)).exists()


def test_anonymous_visitor_is_sent_to_login(client, contact):
    response = client.get(helpers.url("veterancontact", "inspect", contact.pk))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_advisor_also_in_coordinator_group_reaches_the_registry(client, advisor, contact):
    advisor.groups.add(Group.objects.get(name=VETERAN_GROUP))
    client.force_login(advisor)
    assert client.get(helpers.url("veterancontact", "inspect", contact.pk)).status_code == 200


def test_anonymise_url_is_refused_to_an_advisor_and_logged(client, advisor, contact):
    client.force_login(advisor)
    from django.urls import reverse

    response = client.post(reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk]))
    assert response.status_code == 403
    assert helpers.logs(audit.DENIED, user=advisor, object_id=str(contact.pk)).exists()
    contact.refresh_from_db()
    assert contact.anonymised_at is None


def _menu(response):
    """The admin sidebar as {item name: {child name: ...}}, from its JSON props."""
    import json
    import re

    html = response.content.decode()
    props = json.loads(re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html,
        re.S).group(1))

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type", "").endswith("MenuItem"):
                args = node["_args"]
                children = args[1] if node["_type"].endswith("SubMenuItem") else []
                name = args[0]["name"]
                return {name["_val"] if isinstance(name, dict) else name: merge(children)}
            return merge(node.values())
        if isinstance(node, list):
            return merge(node)
        return {}

    def merge(nodes):
        tree = {}
        for child in nodes:
            tree.update(walk(child))
        return tree

    return walk(props)


def test_coordinator_sees_veterans_inside_the_advisor_menu_and_nothing_of_the_cases(
        coordinator_client):
    menu = _menu(coordinator_client.get("/admin/"))
    assert "veterans" not in menu
    # The outbox too: the registry's notices that could not be sent are the coordinator's.
    assert list(menu["borgerraadgiver"]) == ["veterans", "udgaende-e-mails"]
    assert "veteran-contacts" in menu["borgerraadgiver"]["veterans"]
    assert not any("case" in name for name in menu["borgerraadgiver"])


def test_advisor_does_not_see_the_veterans_menu(client, advisor):
    client.force_login(advisor)
    menu = _menu(client.get("/admin/"))
    assert "veterans" not in menu
    assert "veterans" not in menu.get("borgerraadgiver", {})


def test_setting_puts_veterans_at_top_level(coordinator_client, settings):
    settings.BORGERRAADGIVER_VETERANS_TOP_LEVEL_MENU = True
    menu = _menu(coordinator_client.get("/admin/"))
    assert "veteran-contacts" in menu["veterans"]
    # The advisor menu keeps only the outbox for this user.
    assert list(menu["borgerraadgiver"]) == ["udgaende-e-mails"]


def test_dashboard_panel_only_for_users_with_the_registry(client, advisor, coordinator_client,
                                                         contact):
    contact.next_follow_up = helpers.today()
    contact.save()
    response = coordinator_client.get("/admin/")
    assert b'id="veteran-coordinator' in response.content
    assert b"Jens Mikkelsen" in response.content
    client.force_login(advisor)
    response = client.get("/admin/")
    assert b'id="veteran-coordinator' not in response.content
