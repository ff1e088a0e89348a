"""Groups and standard vocabularies of the core (domain.md §10.1).

Only what every Danish municipality shares: national bodies and themes. The municipality's own
region, areas and local partners are its data (the demo adds Stevns's: :mod:`.demo`).
"""

from django.db import transaction

from .choices import ReferralTarget
from .models import Area, ReferralBody, Theme
from .provisioning import ADVISOR_GROUP, DPO_GROUP, STAFF_GROUP, VETERAN_GROUP, names
from .seeding import ensure


def _crud(app_label, *models):
    return [f"{app_label}.{action}_{model}" for model in models
            for action in ("add", "change", "delete", "view")]


#: Seeing the outbox and sending a failed e-mail again; which e-mails each person sees depends
#: on their other permissions (:mod:`borgerraadgiver_plugin.message_kinds`).
OUTBOX_PERMISSIONS = ["borgerraadgiver.view_outboxmessage", "borgerraadgiver.retry_outboxmessage"]
#: Reading who used which record (:mod:`borgerraadgiver_plugin.views.access_log`).
ACCESS_LOG_PERMISSION = "borgerraadgiver.view_access_log"

GROUP_PERMISSIONS = {
    ADVISOR_GROUP: [
        "wagtailadmin.access_admin",
        *_crud("borgerraadgiver", "area", "theme", "referralbody"),
        "borgerraadgiver.change_borgerraadgiversettings",
        *OUTBOX_PERMISSIONS,
        ACCESS_LOG_PERMISSION,
    ],
    VETERAN_GROUP: ["wagtailadmin.access_admin"],
    # Staff read the intranet; they need a login, not the admin.
    STAFF_GROUP: [],
    DPO_GROUP: ["wagtailadmin.access_admin", ACCESS_LOG_PERMISSION],
}

THEMES = [
    ("PROCESSING_TIME", "Sagsbehandlingstid"),
    ("NO_REPLY", "Manglende svar/tilbagemelding"),
    ("HEARING", "Partshøring"),
    ("REASONS", "Begrundelse"),
    ("APPEAL_GUIDANCE", "Klagevejledning"),
    ("RECORDING", "Notatpligt"),
    ("ACCESS_DOCS", "Aktindsigt"),
    ("GUIDANCE_DUTY", "Vejledningspligt (manglende/mangelfuld vejledning)"),
    ("INVESTIGATION", "Sagsoplysning"),
    ("INVOLVEMENT", "Inddragelse og opfølgning"),
    ("CONDUCT", "Personalets optræden/adfærd"),
    ("COMMUNICATION", "Kommunikation og sprog"),
    ("SERVICE_ACCESS", "Borgerbetjening og tilgængelighed (herunder digital)"),
    ("PRACTICAL_TASKS", "Faktisk forvaltningsvirksomhed (praktisk opgaveløsning)"),
    ("DISCRIMINATION", "Diskrimination/ligebehandling"),
    ("COORDINATION", "Helhedssyn/koordinering på tværs"),
    ("DECISION_CONTENT", "Uenighed i afgørelsens indhold"),
    ("DATA_PROTECTION", "Databeskyttelse"),
    ("OTHER", "Andet"),
]

T = ReferralTarget
REFERRAL_BODIES = [
    (T.ANKESTYRELSEN, "Ankestyrelsen", "Klager over afgørelser på det sociale område og "
     "beskæftigelsesområdet. Klagen sendes til den myndighed, der traf afgørelsen.",
     "https://ast.dk", "33 41 12 00", "Normalt 4 uger fra du fik afgørelsen."),
    (T.TILSYNET, "Ankestyrelsen, Tilsynet med kommunerne", "Om kommunen har overholdt "
     "lovgivningen (lovlighed), når der ikke er et andet klageorgan.",
     "https://ast.dk/tilsynet", "33 41 12 00", ""),
    (T.OMBUDSMAND, "Folketingets Ombudsmand", "Klager over offentlige myndigheder, når andre "
     "klagemuligheder er brugt.", "https://www.ombudsmanden.dk", "33 13 25 12",
     "Senest 1 år efter den endelige afgørelse."),
    (T.COURTS, "Domstolene", "Retssager, herunder prøvelse af en afgørelse.",
     "https://www.domstol.dk", "", ""),
    (T.DATATILSYNET, "Datatilsynet", "Klager over behandling af personoplysninger.",
     "https://www.datatilsynet.dk", "33 19 32 00", ""),
    (T.NAEVNENES_HUS, "Nævnenes Hus", "Klager til en række nævn, fx om miljø og planer.",
     "https://naevneneshus.dk", "72 40 56 00", "Se klagevejledningen i afgørelsen."),
    (T.FAMILIERETSHUSET, "Familieretshuset", "Forældremyndighed, samvær, skilsmisse og "
     "børnebidrag.", "https://familieretshuset.dk", "72 56 70 00", ""),
    (T.UDK, "Udbetaling Danmark", "Pension, boligstøtte, børneydelser og barselsdagpenge.",
     "https://www.borger.dk/udbetaling-danmark", "70 12 80 63", ""),
    (T.SKAT, "Skattestyrelsen", "Skat og gæld til det offentlige.", "https://skat.dk",
     "72 22 18 18", ""),
    (T.COUNCIL, "Kommunalbestyrelsen og udvalgene", "Politiske beslutninger og serviceniveau.",
     "", "", ""),
    (T.EMPLOYER_HR, "Kommunens HR", "Medarbejderes egne ansættelsesforhold.", "", "", ""),
    (T.UNIT, "Det center, der har sagen", "Genvurdering af en afgørelse og svar på en klage, "
     "som centret ikke har behandlet endnu.", "", "", "Normalt 4 uger til genvurdering."),
    (T.LEGAL_AID, "Retshjælp", "Gratis juridisk rådgivning om privatretlige forhold.",
     "https://www.advokatvagterne.dk", "", ""),
    (T.VETERANCENTRET, "Veterancentret", "Rådgivning og støtte til veteraner og pårørende.",
     "https://www.veterancentret.dk", "72 81 97 00", ""),
]

EXTERNAL_AREA = "Anden myndighed (ikke kommunen)"


@transaction.atomic
def seed():
    themes = ensure(Theme, [{"code": code, "name": name} for code, name in THEMES], "code")
    bodies = ensure(ReferralBody, [
        {"code": code, "name": name, "handles": handles, "url": url, "phone": phone,
         "appeal_deadline": deadline}
        for code, name, handles, url, phone, deadline in REFERRAL_BODIES
    ], "name")
    areas = ensure(Area, [{"name": EXTERNAL_AREA, "is_external": True, "sort_order": 99}], "name")
    return {names(Theme): themes, names(ReferralBody): bodies, names(Area): areas}
