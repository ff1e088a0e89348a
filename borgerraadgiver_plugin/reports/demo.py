import datetime

from ..demo import ensure_page
from .models import AnnualReportPage, ReportKind

YEAR = 2025


def _section(heading, *paragraphs):
    return ("section", {"heading": heading,
                        "text": "".join(f"<p>{text}</p>" for text in paragraphs)})


def _table(table_id, chart=True):
    return ("statistics", {"table": table_id, "chart": chart})


BODY = [
    _section("Forord",
             "Borgerrådgiveren har i 2025 haft sit første hele år i Stevns Kommune. Det er "
             "blevet en indgang, som borgerne bruger, og som forvaltningen tager godt imod.",
             "Tak til borgerne for deres henvendelser og til medarbejderne for samarbejdet."),
    _section("Resumé",
             "Borgerrådgiveren modtog i 2025 flest henvendelser om vejledning og klager over "
             "manglende svar og lang sagsbehandlingstid. Beretningen giver tre anbefalinger."),
    _section("Om funktionen",
             "Borgerrådgiveren er uafhængig af forvaltningen og refererer til "
             "kommunalbestyrelsen efter § 65 e i kommunestyrelsesloven. Rådgiveren vejleder, "
             "behandler klager over sagsbehandling og kommunens adfærd over for borgerne og "
             "formidler erfaringer til organisationen. Politiske beslutninger og afgørelser, "
             "der kan påklages, ligger uden for ordningen."),
    _section("Statistik", "Tabellerne tæller årets henvendelser efter metoden nederst. Antal "
                          "under 3 vises som “<3”, så ingen kan genkendes."),
    _table("inquiries_by_type"),
    _table("inquiries_by_channel"),
    _table("complaints_by_theme"),
    _table("processing_time_by_type", chart=False),
    _table("forwarded_results", chart=False),
    _table("fo_outcome_groups"),
    _section("Temaer",
             "Manglende svar: flere borgere har ventet længe på svar på en henvendelse. "
             "Enhederne har efter borgerrådgiverens henvendelse svaret hurtigt.",
             "Partshøring: i enkelte sager er borgeren ikke blevet hørt, før der blev truffet "
             "afgørelse. Læringsnotatet om partshøring beskriver, hvad der skal til."),
    _section("Anbefalinger",
             "Svar på henvendelser inden for ti arbejdsdage, eller fortæl borgeren, hvornår "
             "svaret kommer.",
             "Brug skabelonen til partshøring i alle afgørelser om hjælp i hjemmet."),
    _table("recommendations_by_area", chart=False),
    _section("Opfølgning på tidligere anbefalinger",
             "Anbefalingerne fra de tidligere år, og hvor de står i dag:"),
    ("follow_up", None),
    _section("Synlighed",
             "Borgerrådgiveren har holdt åben rådgivning på biblioteket i Store Heddinge og "
             "fortalt om ordningen på personalemøder i alle centre."),
    _section("Veteranindsats",
             "Veterankoordinatoren har haft kontakt med veteraner og pårørende og koordineret "
             "med Veterancentret. Tallene er anonyme."),
    _table("veterans"),
    _section("Metode",
             "Tallene er talt af systemet, da beretningen blev udgivet, og ændrer sig ikke "
             "bagefter."),
]


def build(context):
    page = ensure_page(
        context.home, AnnualReportPage, "beretning-2025", title="Borgerrådgiverens beretning 2025",
        intro="<p>Beretningen til kommunalbestyrelsen for 2025.</p>", kind=ReportKind.ANNUAL,
        period_start=datetime.date(YEAR, 1, 1), period_end=datetime.date(YEAR, 12, 31),
        body=BODY,
    )
    if not page.frozen_figures_id:  # a report from an older demo, before reports had a body
        page.body = BODY
        page.period_start, page.period_end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
        page.save_revision().publish()
