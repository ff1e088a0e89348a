"""Demo content of the core: users for each group, Stevns-like areas and region, the advisor's
settings. ``borgerraadgiver_setup`` seeds only what is national; what is Stevns's is here.

The demo context (see :class:`DemoContext`) is handed on to each part's own ``demo`` module.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import ReferralTarget
from .models import Area, BorgerraadgiverSettings, ReferralBody
from .provisioning import ADVISOR_GROUP, DPO_GROUP, STAFF_GROUP, VETERAN_GROUP
from .seeding import ensure

DEMO_PASSWORD = "demo-borgerraadgiver"  # noqa: S105 - printed for the demo on purpose

#: username -> (first name, last name, group or None for the superuser)
DEMO_USERS = {
    "admin": ("Admin", "Istrator", None),
    "raadgiver": ("Rikke", "Rådgiver", ADVISOR_GROUP),
    "veteran": ("Viggo", "Koordinator", VETERAN_GROUP),
    "medarbejder": ("Mette", "Medarbejder", STAFF_GROUP),
    "databeskyttelse": ("Dorte", "Databeskyttelse", DPO_GROUP),
}

# Stevns after the 2024 reorganisation, plus the centre that was merged away in 2024.
AREAS = [
    ("Center for Børn & Læring", "Børn, Unge og Læring", None, None, 1),
    ("Center for Sundhed & Omsorg", "Social og Sundhed", None, None, 2),
    ("Jobcenter Stevns", "Arbejdsmarked, Erhverv, Kultur og Turisme", None, None, 3),
    ("Plan, Miljø og Teknik", "Plan, Miljø og Teknik", None, None, 4),
    ("Politik & Organisation", "Økonomiudvalget", datetime.date(2024, 9, 1), None, 5),
    ("Center for Økonomi, HR & IT", "Økonomiudvalget", None, datetime.date(2024, 8, 31), 6),
]

#: The region Stevns lies in, where triage sends matters of hospitals and psychiatry.
REGION = {"code": ReferralTarget.REGION, "name": "Region Sjælland",
          "handles": "Sygehuse, psykiatri og patientbefordring.",
          "url": "https://www.regionsjaelland.dk", "phone": "70 15 50 00"}


@dataclass
class DemoContext:
    home: object
    today: datetime.date
    rng: random.Random
    users: dict = field(default_factory=dict)
    log: list = field(default_factory=list)


def ensure_page(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``, created and published if it is not there."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build(context):
    User = get_user_model()
    for username, (first, last, group_name) in DEMO_USERS.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first, last_name=last,
                        email=f"{username}@stevns.example", is_staff=group_name is None,
                        is_superuser=group_name is None)
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            context.log.append(_("user %(name)s") % {"name": username})
        context.users[username] = user

    created = ensure(Area, [
        {"name": name, "committee": committee, "valid_from": valid_from, "valid_to": valid_to,
         "sort_order": order}
        for name, committee, valid_from, valid_to, order in AREAS
    ], "name")
    if created:
        context.log.append(ngettext("%(count)s area", "%(count)s areas", created)
                           % {"count": created})
    if ensure(ReferralBody, [REGION], "name"):
        context.log.append(_("referral body %(name)s") % {"name": REGION["name"]})

    site = context.home.get_site()
    if not site.site_name:
        site.site_name = "Stevns Kommune"
        site.save(update_fields=["site_name"])
    settings = BorgerraadgiverSettings.for_site(site)
    if not settings.advisor_name:
        settings.advisor_name = "Birgitte Borgerrådgiver"
        settings.advisor_email = "borgerraadgiver@stevns.example"
        settings.advisor_phone = "56 57 57 57"
        settings.advisor_address = "Rådhuset, Køgevej 2, 4660 Store Heddinge"
        settings.office_hours = ("Telefontid mandag–torsdag kl. 10–14.\n"
                                 "Træffetid på Sundhedscentret i Hårlev første onsdag i måneden.")
        settings.notification_emails = "borgerraadgiver@stevns.example"
        settings.save()


def now_minus(days, rng):
    """A plausible office-hours moment ``days`` ago."""
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=rng.randint(8, 15), minute=rng.randint(0, 59), second=0,
                          microsecond=0)
