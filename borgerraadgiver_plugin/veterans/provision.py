"""The Veterankoordinator group's permissions and the veteran vocabularies (domain.md §7, §10).

The partners seeded are the national ones; local associations are the municipality's own (the
demo adds Stevns's: :mod:`.demo`).
"""

from django.db import transaction

from ..provision import OUTBOX_PERMISSIONS
from ..provisioning import VETERAN_GROUP, names
from ..seeding import ensure
from .choices import PartnerOrg
from .models import ExternalPartner, NeedArea

APP = "borgerraadgiver_veterans"


def _crud(*models, actions=("add", "change", "delete", "view")):
    return [f"{APP}.{action}_{model}" for model in models for action in actions]


GROUP_PERMISSIONS = {
    VETERAN_GROUP: [
        *_crud("veterancontact", "veteranconsent", "municipaltouchpoint", "veteranactivity",
               "partnerreferral", "externalpartner"),
        *_crud("needarea", actions=("change", "view")),
        # The registry's notices to the coordinator, in an install with or without cases.
        *OUTBOX_PERMISSIONS,
    ],
}

NEED_AREAS = [
    ("EMPLOYMENT", "Beskæftigelse"),
    ("HOUSING", "Bolig"),
    ("HEALTH", "Sundhed/psykiatri"),
    ("ADDICTION", "Misbrug"),
    ("ECONOMY", "Økonomi"),
    ("FAMILY", "Familie og pårørende"),
    ("NETWORK", "Netværk og fritid"),
    ("OTHER", "Andet"),
]

P = PartnerOrg
PARTNERS = [
    (P.VETERANCENTRET, "Veterancentret", "Statens center for veteraner og pårørende: rådgivning, "
     "opsøgende rådgivere, brobyggere og psykologhjælp. Døgnåben telefon.", "72 81 97 00",
     "https://www.veterancentret.dk", None),
    (P.SOLDATERLEGATET, "Soldaterlegatet", "Privat fond for veteraner skadet under udsendelse "
     "og deres pårørende; offentlige muligheder skal være prøvet først.", "",
     "https://soldaterlegatet.dk", None),
    (P.FDV, "Fonden Danske Veteranhjem", "Veteranhjem og legater (fritid, ferieophold). Kun "
     "fagpersoner kan indstille; svar inden for 6-8 uger.", "", "https://veteranhjem.dk", 8),
    (P.KFUM_SM, "KFUM's Soldatermission", "Soldaterhjem og veteranboliger, familieboliger "
     "(Veteranbo).", "", "https://kfums-soldatermission.dk", None),
    (P.DANMARKS_VETERANER, "Danmarks Veteraner / Veteranstøtten", "Kammeratstøtte, herunder en "
     "telefonlinje bemandet af veteraner.", "", "https://danmarksveteraner.dk", None),
    (P.GULE_SLOEJFE, "Familienetværket Den gule Sløjfe", "Netværk for familier til udsendte og "
     "veteraner.", "", "", None),
    (P.OTHER, "Vetho", "Hjælp og vejledning til veteraner.", "", "", None),
    (P.OTHER, "Veteranalliancen", "Samarbejde mellem veteranorganisationer; viden om "
     "veterankoordinatorer.", "", "https://veteranalliancen.wordpress.com", None),
]


@transaction.atomic
def seed():
    areas = ensure(NeedArea, [{"code": code, "name": name, "sort_order": order}
                              for order, (code, name) in enumerate(NEED_AREAS)], "code")
    partners = ensure(ExternalPartner, [
        {"code": code, "name": name, "description": description, "phone": phone,
         "website": website, "answer_weeks": weeks}
        for code, name, description, phone, website, weeks in PARTNERS
    ], "name")
    return {names(NeedArea): areas, names(ExternalPartner): partners}
