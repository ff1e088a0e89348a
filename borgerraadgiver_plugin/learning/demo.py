"""Demo: the intranet index under /laering/ (logged-in users only) and eight learning notes.

Each note has a recommendation in its own stage of follow-up, so the index, the notes, the
area pages and the admin listing all show something.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import PageViewRestriction

from ..choices import RecommendationStatus as S
from ..demo import ensure_page
from ..models import Area, Theme
from . import reads
from .models import LearningNoteIndexPage, LearningNotePage, Recommendation
from .models import RecommendationSource as Source
from .models.recommendations import RecommendationStatusChange
from .provision import grant_index_permissions

FVL = "https://www.retsinformation.dk/eli/lta/2014/433"

#: (slug, title, theme codes, area name, summary, body, recommendation, follow-up)
NOTES = [
    ("sagsbehandlingstid-og-forsinkelsesbreve", "Sagsbehandlingstid: sig det, når sagen trækker ud",
     ["PROCESSING_TIME", "NO_REPLY"], "Center for Sundhed & Omsorg",
     "Borgere klager oftere over tavshed end over ventetid. Et kort brev om, hvad sagen venter "
     "på, og hvornår der kommer svar, forebygger mange klager.",
     [("text", "<p>Der er ingen generelle lovbestemte frister, men sager skal behandles inden "
               "for rimelig tid. Når en sag trækker ud, skal borgeren have besked.</p>"),
      ("case_example", {"heading": "Ansøgning om hjælpemiddel",
                        "situation": "En borger søgte om et hjælpemiddel og hørte intet i over "
                                     "tre måneder. Sagen ventede på en udtalelse fra "
                                     "egen læge, men det fik borgeren ikke at vide.",
                        "lesson": "Et kort brev om ventetiden havde gjort klagen unødvendig."}),
      ("checklist", {"heading": "Forsinkelsesbrevet",
                     "items": ["Hvad venter sagen på?", "Hvornår forventer vi at svare?",
                               "Hvem kan borgeren kontakte imens?"]})],
     "Send et forsinkelsesbrev, når en sag ikke kan afgøres inden for den frist, centret "
     "selv har meldt ud.", [S.ACCEPTED]),
    ("partshoering-foer-afgoerelse", "Partshøring før afgørelsen",
     ["HEARING"], "Jobcenter Stevns",
     "Når afgørelsen bygger på oplysninger, borgeren ikke kender, skal borgeren høres først. "
     "Det gælder også oplysninger fra andre myndigheder.",
     [("legal_reference", {"act": "Forvaltningsloven", "section": "§ 19",
                           "explanation": "En part skal have lejlighed til at udtale sig om "
                                          "oplysninger, der er til ugunst for parten og af "
                                          "væsentlig betydning for afgørelsen.",
                           "link": FVL}),
      ("do_dont", {"do": ["Send oplysningerne med en rimelig frist til at svare",
                          "Notér, hvornår og hvordan borgeren er hørt"],
                   "dont": ["Træf afgørelse, før fristen er udløbet",
                            "Nøjes med at henvise til 'oplysninger i sagen'"]})],
     "Indfør en fast skabelon til partshøring i jobcentrets sagssystem.", [S.ACCEPTED,
                                                                          S.IN_PROGRESS]),
    ("begrundelse-der-kan-forstaas", "En begrundelse, borgeren kan forstå",
     ["REASONS", "COMMUNICATION"], "Center for Børn & Læring",
     "En afgørelse skal begrundes med de regler, den bygger på, og de hovedhensyn, der har "
     "været afgørende. Skriv, så borgeren kan se, hvorfor resultatet blev, som det blev.",
     [("legal_reference", {"act": "Forvaltningsloven", "section": "§§ 22-24",
                           "explanation": "Skriftlige afgørelser skal ledsages af en "
                                          "begrundelse, medmindre borgeren får fuldt medhold.",
                           "link": FVL}),
      ("good_practice", {"heading": "Sådan gør Pladsanvisningen",
                         "text": "<p>Hver afgørelse indledes med resultatet i én sætning, "
                                 "derefter reglerne og til sidst de konkrete hensyn.</p>"})],
     "Brug en fast opbygning i afgørelser: resultat, regler, konkrete hensyn.",
     [S.ACCEPTED, S.IN_PROGRESS, S.IMPLEMENTED]),
    ("klagevejledning-i-alle-afgoerelser", "Klagevejledning i alle afgørelser",
     ["APPEAL_GUIDANCE"], "Jobcenter Stevns",
     "Afgørelser, der kan påklages, skal have en klagevejledning med klageinstans, frist og "
     "hvordan man klager. Mangler den, kan klagefristen ikke løbe.",
     [("legal_reference", {"act": "Forvaltningsloven", "section": "§ 25",
                           "explanation": "Afgørelser, der kan påklages til en anden "
                                          "myndighed, skal ledsages af klagevejledning.",
                           "link": FVL}),
      ("checklist", {"heading": "Klagevejledningen nævner",
                     "items": ["Klageinstansen", "Klagefristen", "At klagen sendes til "
                               "kommunen, som genvurderer sagen først"]})],
     "Gennemgå brevskabelonerne, så alle afgørelser har en opdateret klagevejledning.",
     [S.DECLINED]),
    ("god-tone-i-telefonen", "God tone i telefonen",
     ["CONDUCT", "COMMUNICATION"], "Politik & Organisation",
     "God forvaltningsskik kræver en høflig og hensynsfuld tone, også når samtalen er svær.",
     [("text", "<p>Flere klager handler om samtaler, hvor borgeren følte sig afvist. "
               "Ombudsmanden lægger vægt på, at myndigheden optræder høfligt og "
               "hensynsfuldt.</p>"),
      ("do_dont", {"do": ["Præsentér dig med navn og afdeling",
                          "Fortæl, hvad der sker nu, og hvornår"],
                   "dont": ["Afbryd borgeren", "Henvis videre uden at sige hvorhen"]})],
     "Tilbyd et kort kursus i den svære samtale til medarbejderne i Borgerservice.",
     [S.ACCEPTED, S.IN_PROGRESS, S.IMPLEMENTED]),
    ("vejledningspligten", "Vejledningspligten: hjælp borgeren videre",
     ["GUIDANCE_DUTY"], "Center for Sundhed & Omsorg",
     "Myndigheden skal i fornødent omfang vejlede borgere, der retter henvendelse om sager "
     "inden for dens område, og sende henvendelser videre, når de hører til andre steder.",
     [("legal_reference", {"act": "Forvaltningsloven", "section": "§ 7",
                           "explanation": "Myndigheden skal vejlede og bistå personer, der "
                                          "retter henvendelse om spørgsmål inden for dens "
                                          "sagsområde.", "link": FVL}),
      ("case_example", {"heading": "Den forkerte blanket",
                        "situation": "En pårørende brugte den forkerte blanket to gange og "
                                     "fik hver gang blot afslag.",
                        "lesson": "Et enkelt opkald med vejledning havde sparet to måneder."})],
     "Ring til borgeren, når en ansøgning er mangelfuld, før der gives afslag.",
     [S.PROPOSED]),
    ("notatpligt-ved-telefonsamtaler", "Notatpligt ved telefonsamtaler",
     ["RECORDING", "INVESTIGATION"], "Center for Børn & Læring",
     "Oplysninger, der har betydning for afgørelsen og som kommer mundtligt, skal noteres "
     "i sagen. Ellers kan ingen senere se, hvad afgørelsen bygger på.",
     [("legal_reference", {"act": "Offentlighedsloven", "section": "§ 13",
                           "explanation": "Notatpligt for mundtlige oplysninger af betydning "
                                          "for sagens afgørelse.",
                           "link": "https://www.retsinformation.dk/eli/lta/2020/145"}),
      ("good_practice", {"heading": "Notér samme dag",
                         "text": "<p>Skriv notatet samme dag: hvem, hvornår og hvad der "
                                 "blev sagt om sagens faktiske forhold.</p>"})],
     "Indfør et fast felt til telefonnotater i familieafdelingens sagssystem.",
     [S.ACCEPTED, S.DECLINED]),
    ("inddragelse-af-paaroerende", "Inddragelse af pårørende med fuldmagt",
     ["INVOLVEMENT", "COORDINATION"], "Center for Sundhed & Omsorg",
     "Når en borger har givet fuldmagt, skal den pårørende inddrages som partsrepræsentant. "
     "Det kræver, at fuldmagten er registreret og kendt af alle i sagen.",
     [("text", "<p>Fuldmagten skal være synlig for alle, der arbejder med sagen.</p>"),
      ("checklist", {"heading": "Når der er en fuldmagt",
                     "items": ["Registrér fuldmagten i sagen", "Send kopi af breve til "
                               "partsrepræsentanten", "Aftal, hvordan I holder kontakt"]})],
     "Registrér fuldmagter ét sted, så alle teams i centret kan se dem.",
     [S.ACCEPTED, S.IN_PROGRESS]),
]

DECLINE_REASON = ("Centret har i stedet valgt en fælles løsning på tværs af kommunen, som "
                  "indføres med det nye sagssystem.")


def build(context):
    index = ensure_page(
        context.home, LearningNoteIndexPage, "laering", title="Læringsnotater",
        intro="<p>Borgerrådgiverens læringsnotater til kommunens medarbejdere: hvad vi kan "
              "lære af klager og henvendelser, og hvad der er sket med anbefalingerne.</p>",
    )
    if not PageViewRestriction.objects.filter(page=index).exists():
        PageViewRestriction.objects.create(page=index,
                                           restriction_type=PageViewRestriction.LOGIN)
        context.log.append(_("login required on %(url)s") % {"url": index.url})
    grant_index_permissions()
    if LearningNotePage.objects.child_of(index).exists():
        return
    themes = {theme.code: theme for theme in Theme.objects.all()}
    areas = {area.name: area for area in Area.objects.all()}
    for number, note_data in enumerate(NOTES):
        note = _create_note(context, index, number, note_data, themes, areas)
        if number % 3 != 2 and context.users.get("medarbejder"):
            reads.mark_read(note, context.users["medarbejder"])
        if number % 2 == 0 and context.users.get("veteran"):
            reads.mark_read(note, context.users["veteran"])
    context.log.append(ngettext("%(count)s learning note with recommendations",
                                "%(count)s learning notes with recommendations",
                                len(NOTES)) % {"count": len(NOTES)})


def _create_note(context, index, number, note_data, themes, areas, **extra):
    slug, title, theme_codes, area_name, summary, body, text, steps = note_data
    date = context.today - datetime.timedelta(days=40 + number * 75)
    area = areas.get(area_name)
    recommendation = _recommendation(context, text, area, date, steps)
    note = LearningNotePage(slug=slug, title=title, date=date, summary=summary, body=body,
                            review_by=date + datetime.timedelta(days=730))
    note.themes = [themes[code] for code in theme_codes if code in themes]
    note.areas = [area] if area else []
    note.source_cases = _source_cases(theme_codes, area)
    note.recommendation_links.create(recommendation=recommendation)
    index.add_child(instance=note)
    note.save_revision(user=context.users.get("raadgiver")).publish()
    return note


def _source_cases(theme_codes, area):
    from ..cases.models import Case

    return list(Case.objects.filter(themes__code__in=theme_codes, area=area).distinct()[:2])


def _recommendation(context, text, area, date, steps):
    advisor = context.users.get("raadgiver")
    issued = date - datetime.timedelta(days=10)
    recommendation = Recommendation.objects.create(
        text=text, area=area, source=Source.CASE, issued_on=issued,
        addressee=f"Ledelsen, {area.name}" if area else "",
        due_on=issued + datetime.timedelta(days=42),
    )
    moment = timezone.make_aware(datetime.datetime.combine(issued, datetime.time(10)))
    history = [RecommendationStatusChange(recommendation=recommendation, status=S.PROPOSED,
                                          changed_at=moment, changed_by=advisor)]
    for step, status in enumerate(steps, start=1):
        if status == S.PROPOSED:
            continue
        recommendation.status = status
        if status == S.DECLINED:
            recommendation.decline_reason = DECLINE_REASON
        if status == S.IMPLEMENTED:
            recommendation.implemented_on = issued + datetime.timedelta(days=30 * step)
            recommendation.evidence = "Ny arbejdsgang er indført og gennemgået på et teammøde."
        history.append(RecommendationStatusChange(
            recommendation=recommendation, status=status, changed_by=advisor,
            changed_at=moment + datetime.timedelta(days=30 * step),
            comment=recommendation.decline_reason if status == S.DECLINED else ""))
    if recommendation.status != S.PROPOSED:
        recommendation.response = ("Centret tilslutter sig anbefalingen."
                                   if recommendation.status != S.DECLINED else DECLINE_REASON)
    recommendation.full_clean()
    recommendation.save()
    RecommendationStatusChange.objects.bulk_create(history)
    return recommendation
