import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command, get_commands, load_command_class

from borgerraadgiver_plugin.models import Area, ReferralBody, Theme
from borgerraadgiver_plugin.provisioning import (
    ADVISOR_GROUP,
    DPO_GROUP,
    STAFF_GROUP,
    VETERAN_GROUP,
)

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("borgerraadgiver_setup", *args, stdout=out)
    return out.getvalue()


def perms(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list(
        "content_type__app_label", "codename"))


def snapshot():
    return (
        {group.name: perms(group.name) for group in Group.objects.all()},
        list(Theme.objects.values_list("code", "name")),
        list(ReferralBody.objects.values_list("name", "url")),
    )


def test_setup_creates_the_four_groups_and_seeds_vocabularies():
    output = run()
    assert {ADVISOR_GROUP, VETERAN_GROUP, STAFF_GROUP, DPO_GROUP} <= set(
        Group.objects.values_list("name", flat=True))
    assert Theme.objects.filter(code="PROCESSING_TIME").exists()
    assert ReferralBody.objects.filter(name="Ankestyrelsen").exists()
    themes = Theme.objects.count()
    assert f"Indlæste {themes} temaer" in output
    assert "Indlæste 1 område\n" in output  # the one area outside the municipality


def seeded_texts():
    """Every word setup writes into the vocabularies of the core and the registry."""
    from borgerraadgiver_plugin.veterans.models import ExternalPartner, NeedArea

    rows = [*ReferralBody.objects.values_list("name", "handles", "url", "appeal_deadline"),
            *Theme.objects.values_list("name", "description"),
            *Area.objects.values_list("name", "committee"),
            *ExternalPartner.objects.values_list("name", "description", "website"),
            *NeedArea.objects.values_list("name")]
    return " ".join(value for row in rows for value in row).lower()


def test_setup_seeds_only_what_every_municipality_shares():
    run()
    assert ReferralBody.objects.filter(name="Folketingets Ombudsmand").exists()
    texts = seeded_texts()
    assert "veterancentret" in texts  # national partners are there
    for local in ("stevns", "sjælland", "sjaelland", "heddinge", "hårlev"):
        assert local not in texts, local
    assert list(Area.objects.values_list("is_external", flat=True)) == [True]


def test_running_setup_twice_changes_nothing():
    run()
    before = snapshot()
    output = run()
    assert snapshot() == before
    assert "Created" not in output and "Oprettede" not in output


def test_only_the_advisor_group_gets_case_permissions():
    run()
    assert ("borgerraadgiver_cases", "view_case") in perms(ADVISOR_GROUP)
    for other in (VETERAN_GROUP, STAFF_GROUP, DPO_GROUP):
        assert not {codename for app, codename in perms(other) if app == "borgerraadgiver_cases"}


def test_the_advisor_and_the_data_protection_officer_may_read_the_access_log():
    run()
    access_log = ("borgerraadgiver", "view_access_log")
    assert access_log in perms(ADVISOR_GROUP)
    assert perms(DPO_GROUP) == {access_log, ("wagtailadmin", "access_admin")}
    assert access_log not in perms(VETERAN_GROUP) | perms(STAFF_GROUP)


def test_staff_get_no_admin_access():
    run()
    assert ("wagtailadmin", "access_admin") not in perms(STAFF_GROUP)
    assert ("wagtailadmin", "access_admin") in perms(VETERAN_GROUP)


def test_setup_takes_away_permissions_someone_added_by_hand():
    run()
    stray = Permission.objects.get(codename="delete_user")
    Group.objects.get(name=STAFF_GROUP).permissions.add(stray)
    run()
    assert ("auth", "delete_user") not in perms(STAFF_GROUP)


def test_setup_keeps_a_renamed_theme():
    run()
    Theme.objects.filter(code="OTHER").update(name="Øvrige")
    run()
    assert Theme.objects.get(code="OTHER").name == "Øvrige"


#: The arguments a command cannot run without, given before the unknown ones.
REQUIRED_ARGUMENTS = {"borgerraadgiver_two_factor": ["rikke"],
                      "borgerraadgiver_import": ["log.csv"]}


@pytest.mark.parametrize("command", [
    name for name, app in get_commands().items() if app.startswith("borgerraadgiver_plugin")
])
@pytest.mark.parametrize("argv", [["--no-such-option"], ["unexpected-positional"]])
def test_every_command_refuses_unknown_arguments(command, argv, capsys):
    cmd = load_command_class(get_commands()[command], command)
    with pytest.raises(SystemExit) as info:
        cmd.run_from_argv(["manage.py", command, *REQUIRED_ARGUMENTS.get(command, []), *argv])
    assert info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
