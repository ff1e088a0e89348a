"""Demo cases: about two years of realistic inquiries for a municipality of 23,000."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import ngettext

from ..choices import (
    CaseStatus,
    Channel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RejectionReason,
    RequesterRole,
    UpheldValue,
)
from ..demo import ensure_page, now_minus
from ..models import Area, BorgerraadgiverSettings, Theme
from ..outbox import deliver_due
from . import letters
from .documents import DocumentWriter
from .models import (
    Case,
    CaseEvent,
    CaseHandlingMethod,
    ComplaintFormPage,
    Forwarding,
    LetterTemplate,
    Representative,
    SurveyAnswer,
)
from .models.timeline import EventKind
from .outreach import demo as outreach_demo
from .representation import RepresentativeRelation
from .uploads import CheckedFile

FIRST_NAMES = ["Anne", "Bo", "Camilla", "Dorte", "Erik", "Frida", "Gitte", "Hans", "Ida", "Jens",
               "Karen", "Lars", "Mona", "Niels", "Ole", "Pia", "Rasmus", "Susanne", "Torben"]
LAST_NAMES = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen",
              "Sørensen", "Rasmussen", "Petersen", "Madsen", "Kristensen", "Olsen"]

ACCOUNTS = {
    InquiryType.COMPLAINT: [
        "Jeg har ventet over tre måneder på svar på min ansøgning og har ikke hørt noget.",
        "Sagsbehandleren var meget afvisende i telefonen og ville ikke forklare afgørelsen.",
        "Jeg fik en afgørelse uden begrundelse og ved ikke, hvordan jeg klager.",
        "Min mors hjemmehjælp er udeblevet flere gange uden besked.",
        "Jeg blev ikke hørt, før kommunen traf afgørelse i min sag.",
    ],
    InquiryType.GUIDANCE: [
        "Jeg forstår ikke brevet fra kommunen og vil gerne have det forklaret.",
        "Hvordan søger jeg om aktindsigt i min sag?",
        "Kan jeg få hjælp til at skrive en klage til Ankestyrelsen?",
    ],
    InquiryType.WAYFINDING: [
        "Hvem i kommunen skal jeg kontakte om min datters skolebus?",
        "Jeg ved ikke, hvor jeg skal henvende mig om min boligstøtte.",
    ],
    InquiryType.SUGGESTION: ["Det ville hjælpe, hvis breve fra kommunen brugte et enklere sprog."],
    InquiryType.INTERNAL_ADVICE: ["En leder spørger, hvordan partshøring skal dokumenteres."],
}

TYPE_WEIGHTS = [(InquiryType.COMPLAINT, 35), (InquiryType.GUIDANCE, 33),
                (InquiryType.WAYFINDING, 25), (InquiryType.SUGGESTION, 4),
                (InquiryType.INTERNAL_ADVICE, 3)]
CHANNEL_WEIGHTS = [(Channel.PHONE, 35), (Channel.EMAIL, 22), (Channel.WEBFORM, 25),
                   (Channel.IN_PERSON, 8), (Channel.OUTREACH, 6), (Channel.DIGITAL_POST, 3),
                   (Channel.LETTER, 1)]
COMPLAINT_THEMES = ["PROCESSING_TIME", "NO_REPLY", "HEARING", "REASONS", "APPEAL_GUIDANCE",
                    "CONDUCT", "COMMUNICATION", "GUIDANCE_DUTY", "PRACTICAL_TASKS", "INVOLVEMENT"]
CASES_PER_MONTH = 15
MONTHS = 24


def _at(day, hour=10):
    """``day`` at ``hour`` o'clock, Copenhagen time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


FORM_PAGE_TEXTS = {
    "intro": (
        "<p>Borgerrådgiveren hjælper dig, hvis du er utilfreds med kommunen eller har brug for "
        "vejledning om din sag. Borgerrådgiveren er uafhængig af kommunens forvaltning og har "
        "tavshedspligt. Det er gratis at henvende sig.</p>"
        "<p>Du kan også ringe på 56 57 57 57 mandag–torsdag kl. 10–14 eller møde op i "
        "træffetiden.</p>"
    ),
    "remit_text": (
        "<p>Borgerrådgiveren kan:</p><ul>"
        "<li>vejlede dig om, hvor og hvordan du klager, og hjælpe dig med at komme videre med "
        "din sag,</li>"
        "<li>behandle klager over kommunens sagsbehandling, fx lang ventetid, manglende svar, "
        "manglende vejledning eller partshøring,</li>"
        "<li>behandle klager over medarbejderes optræden og kommunens praktiske opgaver,</li>"
        "<li>formidle dialog mellem dig og kommunen.</li></ul>"
        "<p>Borgerrådgiveren kan ikke:</p><ul>"
        "<li>træffe eller ændre afgørelser – klager over indholdet af en afgørelse skal sendes "
        "efter klagevejledningen i afgørelsen,</li>"
        "<li>behandle sager, der er indbragt for Ankestyrelsen, et andet klagenævn, Tilsynet, "
        "Folketingets Ombudsmand eller en domstol,</li>"
        "<li>behandle klager over politiske beslutninger, fx serviceniveauet,</li>"
        "<li>behandle kommunens egne medarbejderes ansættelsesforhold,</li>"
        "<li>behandle sager hos andre myndigheder, fx Udbetaling Danmark, Skattestyrelsen, "
        "Familieretshuset eller regionen.</li></ul>"
        "<p>Som hovedregel behandler borgerrådgiveren ikke forhold, der ligger mere end 12 "
        "måneder tilbage.</p>"
    ),
    "what_happens_next": (
        # Shown before the form and on the receipt: the reference number is announced by the
        # form itself, next to its send button, since the receipt already shows it.
        "<ol><li>Borgerrådgiveren læser din henvendelse og kontakter dig inden for 10 "
        "arbejdsdage.</li>"
        "<li>Har du ikke talt med den afdeling, der har din sag, sender borgerrådgiveren som "
        "regel din klage dertil først, hvis du giver lov. Afdelingen svarer dig direkte med "
        "kopi til borgerrådgiveren.</li>"
        "<li>Ligger sagen uden for det, borgerrådgiveren kan behandle, får du at vide, hvor du "
        "kan henvende dig.</li></ol>"
    ),
    "thank_you_text": (
        "<p>Tak fordi du skrev til borgerrådgiveren. Vi behandler dine oplysninger fortroligt "
        "og efter databeskyttelsesreglerne.</p>"
    ),
}


SIGNATURE = "\n\nMed venlig hilsen\n{raadgiver}\nBorgerrådgiveren"
LETTER_TEMPLATES = [
    ("Kvittering", "Kvittering for din henvendelse – {sagsnummer}",
     "Kære {navn}\n\nTak for din henvendelse, som borgerrådgiveren modtog den {modtaget}. Din "
     "sag har nummeret {sagsnummer}; oplys det gerne, hvis du kontakter os.\n\nVi gennemgår "
     "din henvendelse og vender tilbage hurtigst muligt. Borgerrådgiveren har tavshedspligt og "
     "kontakter kun forvaltningen, hvis du har givet samtykke til det." + SIGNATURE),
    ("Orientering om videresendelse", "Din klage er sendt videre – {sagsnummer}",
     "Kære {navn}\n\nMed dit samtykke har borgerrådgiveren sendt din klage til {enhed}, så "
     "enheden selv kan se på sagen. Enheden er bedt om at svare dig senest den {svarfrist}."
     "\n\nHører du ikke fra enheden, eller er du ikke tilfreds med svaret, er du velkommen til "
     "at kontakte borgerrådgiveren igen med sagsnummer {sagsnummer}." + SIGNATURE),
    ("Afslutning", "Afslutning af din sag – {sagsnummer}",
     "Kære {navn}\n\nBorgerrådgiveren har nu afsluttet behandlingen af din henvendelse af "
     "{modtaget}.\n\n[Skriv her, hvad borgerrådgiveren har gjort, og hvad resultatet blev.]"
     "\n\nDu er altid velkommen til at kontakte borgerrådgiveren igen." + SIGNATURE),
]


def build(context):
    page = ensure_page(
        context.home, ComplaintFormPage, "borgerraadgiveren", title="Borgerrådgiveren",
        **FORM_PAGE_TEXTS,
    )
    missing = {name: text for name, text in FORM_PAGE_TEXTS.items() if not getattr(page, name)}
    if missing:  # a page from an older demo: give it the full texts
        for name, text in missing.items():
            setattr(page, name, text)
        page.save_revision().publish()
    for name, subject, body in LETTER_TEMPLATES:
        LetterTemplate.objects.get_or_create(name=name, defaults={"subject": subject,
                                                                  "body": body})
    if not Case.objects.exists():
        _build_cases(context)
    outreach_demo.build(context)


def _build_cases(context):
    rng = context.rng
    advisor = context.users.get("raadgiver")
    themes = {theme.code: theme for theme in Theme.objects.all()}
    areas = list(Area.objects.filter(is_external=False))
    calendar = BorgerraadgiverSettings.current().calendar
    count = 0
    moments = [rng.randint(1, MONTHS * 30) for _n in range(CASES_PER_MONTH * MONTHS)]
    for days_ago in sorted(moments, reverse=True):
        received = now_minus(days_ago, rng)
        _create_case(rng, received, advisor, themes, areas, calendar, context.today)
        count += 1
    _work_in_progress(rng, advisor, calendar, context.today, areas)
    _representatives(rng, advisor, context.today)
    _letter_sent(advisor)
    count += _past_retention(rng, advisor, themes, areas, calendar, context.today)
    context.log.append(ngettext("%(count)s demo case", "%(count)s demo cases", count)
                       % {"count": count})
    answers = _survey_answers(rng, context.today.year - 1)
    context.log.append(ngettext("%(count)s survey answer", "%(count)s survey answers", answers)
                       % {"count": answers})


#: How the demo's citizens answer the survey: mostly content, as in real municipal reports.
SURVEY_WEIGHTS = [("YES", 70), ("PARTLY", 20), ("NO", 10)]
RETURN_WEIGHTS = [("YES", 75), ("MAYBE", 17), ("NO", 8)]
SURVEY_COMMENTS = ["Tak for god hjælp.", "Det tog lang tid, men jeg fik svar.",
                   "Rart at blive lyttet til.", "Jeg forstod ikke helt svaret fra forvaltningen."]


def _survey_answers(rng, year):
    """Answers from about a third of the cases closed in ``year`` that could be asked."""
    cases = (Case.objects.filter(status=CaseStatus.CLOSED, closed_at__year=year,
                                 rejection_reason="").exclude(citizen_email="")
             .values_list("inquiry_type", "area_id"))
    answers = [
        SurveyAnswer(year=year, inquiry_type=inquiry_type, area_id=area_id,
                     heard=_pick(rng, SURVEY_WEIGHTS), understood=_pick(rng, SURVEY_WEIGHTS),
                     would_return=_pick(rng, RETURN_WEIGHTS),
                     comment=rng.choice(SURVEY_COMMENTS) if rng.random() < 0.3 else "")
        for inquiry_type, area_id in cases if rng.random() < 0.35
    ]
    SurveyAnswer.objects.bulk_create(answers)
    return len(answers)


def _create_case(rng, received, advisor, themes, areas, calendar, today):
    inquiry_type = _pick(rng, TYPE_WEIGHTS)
    day = received.date()
    valid_areas = [area for area in areas if area.is_valid_on(day)]
    anonymous = inquiry_type != InquiryType.COMPLAINT and rng.random() < 0.1
    name = "" if anonymous else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    case = Case.objects.create(
        received_at=received,
        channel=_pick(rng, CHANNEL_WEIGHTS),
        requester_role=RequesterRole.ANONYMOUS if anonymous else rng.choices(
            [RequesterRole.CITIZEN, RequesterRole.RELATIVE, RequesterRole.REPRESENTATIVE],
            weights=[85, 10, 5])[0],
        inquiry_type=inquiry_type,
        citizen_name=name,
        citizen_email="" if anonymous else f"{name.split()[0].lower()}{rng.randint(1, 999)}"
                                           "@example.invalid",
        area=rng.choice(valid_areas),
        account=rng.choice(ACCOUNTS[inquiry_type]),
        matter_date=day - datetime.timedelta(days=rng.randint(5, 120)),
        unit_contacted=rng.random() < 0.6,
        consent_contact_unit=not anonymous and rng.random() < 0.8,
        consent_given_at=received,
        consent_wording="Jeg giver borgerrådgiveren lov til at kontakte min sagsbehandler.",
        assigned_to=advisor,
        triaged_at=received + datetime.timedelta(days=1),
        acknowledgement_due=calendar.add(day, 10),
        acknowledged_at=received + datetime.timedelta(days=rng.randint(1, 4)),
        status=CaseStatus.OPEN,
    )
    if inquiry_type == InquiryType.COMPLAINT:
        case.themes.set([themes[code] for code in rng.sample(COMPLAINT_THEMES, rng.randint(1, 2))
                         if code in themes])
    CaseEvent.objects.create(case=case, kind=EventKind.NOTE, occurred_at=received, author=advisor,
                             text="Henvendelsen er modtaget og registreret.")
    if case.channel == Channel.PHONE:
        CaseEvent.objects.create(
            case=case, kind=EventKind.CALL, occurred_at=received, author=advisor,
            text="Telefonsamtale med borgeren om baggrunden for henvendelsen.")
    CaseEvent.objects.create(
        case=case, kind=EventKind.LETTER_OUT, internal=False, author=advisor,
        occurred_at=case.acknowledged_at,
        text="Kvittering sendt til borgeren med forventet svartid.")
    age = (today - day).days
    if inquiry_type == InquiryType.COMPLAINT and case.consent_contact_unit and rng.random() < 0.6:
        _forward(rng, case, received, advisor, calendar, today)
    if age > 30 or rng.random() < 0.3:
        _close(rng, case, received, advisor)


def _forward(rng, case, received, advisor, calendar, today):
    sent = received.date() + datetime.timedelta(days=rng.randint(1, 5))
    if sent > today:
        return
    due = calendar.add(sent, 10)
    answered = sent + datetime.timedelta(days=rng.randint(3, 25))
    answered = answered if answered <= today else None
    Forwarding.objects.create(
        case=case, unit=case.area, contact_person="Teamleder", sent_on=sent, due_on=due,
        answered_on=answered,
        upheld=rng.choice(UpheldValue.values) if answered else "",
    )
    CaseHandlingMethod.objects.create(case=case, method=HandlingMethod.FORWARDED, used_on=sent)
    if answered:
        CaseEvent.objects.create(
            case=case, kind=EventKind.ANSWER_RECEIVED, author=advisor,
            occurred_at=_at(answered),
            text="Enheden har svaret borgeren med kopi til borgerrådgiveren.")
    CaseEvent.objects.create(case=case, kind=EventKind.FORWARDED, author=advisor,
                             occurred_at=_at(sent),
                             text=f"Klagen er sendt til {case.area} med svarfrist {due:%d-%m-%Y}.")
    case.status = CaseStatus.AWAITING_UNIT
    case.save(update_fields=["status"])


def _close(rng, case, received, advisor):
    if case.inquiry_type == InquiryType.COMPLAINT:
        if not case.handling_methods.exists():
            method = rng.choice([HandlingMethod.STRENGTHENED_CONTACT, HandlingMethod.MEDIATION,
                                 HandlingMethod.INVESTIGATION, HandlingMethod.REJECTED])
            CaseHandlingMethod.objects.create(case=case, method=method, used_on=received.date())
        outcome = rng.choice([Outcome.RESOLVED_DIALOGUE, Outcome.UPHELD, Outcome.PARTLY_UPHELD,
                              Outcome.NOT_UPHELD, Outcome.CRITICISM, Outcome.CORRECTED])
        if case.handling_methods.filter(method=HandlingMethod.REJECTED).exists():
            outcome = Outcome.REJECTED
            case.rejection_reason = rng.choice([RejectionReason.DECISION_CONTENT,
                                                RejectionReason.POLITICAL,
                                                RejectionReason.PENDING_ELSEWHERE])
    else:
        CaseHandlingMethod.objects.create(case=case, method=HandlingMethod.GUIDED,
                                          used_on=received.date())
        outcome = rng.choice([Outcome.RESOLVED_DIALOGUE, Outcome.REFERRED])
    case.outcome = outcome
    case.status = CaseStatus.CLOSED
    case.closed_at = received + datetime.timedelta(days=rng.randint(2, 40))
    case.save()
    CaseEvent.objects.create(case=case, kind=EventKind.STATUS_CHANGE, author=advisor,
                             occurred_at=case.closed_at, text="Sagen er afsluttet.")


#: Days ago the cases past the retention period (five years by default) were received.
PAST_RETENTION = [7 * 365, 6 * 365 + 200, 6 * 365, 5 * 365 + 100]


def _past_retention(rng, advisor, themes, areas, calendar, today):
    """A few cases closed more than five years ago, the last under a legal hold, so that
    ``borgerraadgiver_retention --dry-run`` has something to show (retention stays off)."""
    for days_ago in PAST_RETENTION:
        received = now_minus(days_ago, rng)
        old_areas = [area for area in areas if area.is_valid_on(received.date())]
        _create_case(rng, received, advisor, themes, old_areas or areas, calendar, today)
    held = Case.objects.order_by("-id").first()
    held.legal_hold, held.legal_hold_by = True, advisor
    held.legal_hold_reason = "Borgeren har anlagt retssag mod kommunen; sagen skal bevares."
    held.legal_hold_at = timezone.now()
    held.save(update_fields=["legal_hold", "legal_hold_by", "legal_hold_reason",
                             "legal_hold_at"])
    return len(PAST_RETENTION)


def _work_in_progress(rng, advisor, calendar, today, areas):
    """Make the open cases look like a working week: fresh untriaged inquiries, deadlines due
    this week, some overdue, a case paused for the citizen, an investigation, and a duplicate
    merged into the case it repeats."""
    from . import deadlines, workflow

    newest = list(Case.objects.order_by("-received_at")[:20])
    for case in newest:  # the last few weeks are still being worked on
        if case.status == CaseStatus.CLOSED:
            CaseEvent.objects.filter(case=case, kind=EventKind.STATUS_CHANGE).delete()
            Case.objects.filter(pk=case.pk).update(status=CaseStatus.OPEN, closed_at=None,
                                                   outcome="")
    open_cases = list(Case.objects.filter(pk__in=[c.pk for c in newest]).order_by(
        "-received_at"))
    for case in open_cases[:4]:  # the newest: not yet triaged or acknowledged
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.NEW, triaged_at=None,
                                               acknowledged_at=None)
        CaseEvent.objects.filter(case=case, kind=EventKind.LETTER_OUT).delete()
    monday = today - datetime.timedelta(days=today.weekday())
    for offset, case in enumerate(open_cases[4:8]):  # forwarding answers due this week
        if case.area_id is None:
            continue
        sent = min(timezone.localdate(case.received_at) + datetime.timedelta(days=1), today)
        due = monday + datetime.timedelta(days=min(offset + 1, 4))
        if due < today:
            due = today
        Forwarding.objects.create(case=case, unit=case.area, contact_person="Afdelingsleder",
                                  sent_on=sent, due_on=due)
        CaseEvent.objects.create(case=case, kind=EventKind.FORWARDED, author=advisor,
                                 occurred_at=_at(sent),
                                 text=f"Klagen er sendt til {case.area} med svarfrist "
                                      f"{due:%d-%m-%Y}.")
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.AWAITING_UNIT)
    for case in open_cases[8:11]:  # overdue: the unit has not answered
        if case.area_id is None:
            continue
        sent = today - datetime.timedelta(days=25)
        Forwarding.objects.create(case=case, unit=case.area, contact_person="Teamleder",
                                  sent_on=sent, due_on=calendar.add(sent, 10))
        CaseEvent.objects.create(case=case, kind=EventKind.REMINDER, author=advisor,
                                 text="Rykker sendt til enheden.")
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.AWAITING_UNIT)
    if len(open_cases) > 12:
        paused = open_cases[11]
        paused.refresh_from_db()
        if paused.status not in CaseStatus.ended():
            workflow.pause(paused, advisor, reason="Venter på kopi af afgørelsen fra borgeren.")
        investigated = open_cases[12]
        investigated.refresh_from_db()
        if investigated.status != CaseStatus.CLOSED:
            if not investigated.consent_contact_unit:
                workflow.record_consent(investigated, advisor, "Mundtligt samtykke i telefonen.")
            workflow.request_statement(
                investigated, advisor, asked_on=today - datetime.timedelta(days=10),
                questions="Hvordan er borgeren partshørt før afgørelsen?")
    if len(open_cases) > 14:
        duplicate, survivor = open_cases[13], open_cases[14]
        duplicate.refresh_from_db()
        survivor.refresh_from_db()
        Case.objects.filter(pk=duplicate.pk).update(citizen_email=survivor.citizen_email,
                                                    citizen_name=survivor.citizen_name)
        duplicate.refresh_from_db()
        workflow.merge(duplicate, survivor, advisor)
    for case in Case.objects.open():
        deadlines.refresh_next_deadline(case)


#: A written power of attorney as the demo stores it (a one-page PDF's bytes).
DEMO_POA = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids"
            b"[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _representatives(rng, advisor, today):
    """Every case from a representative gets one; two open cases show the power of attorney
    at a glance: one valid until the end of the year, one that expired yesterday. Both have a
    postal address, so a letter can be written to each (the second is refused without a
    reason)."""
    cases = Case.objects.filter(requester_role=RequesterRole.REPRESENTATIVE,
                                representative__isnull=True)
    for case in cases:
        received = timezone.localdate(case.received_at)
        Representative.objects.create(
            case=case, name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            relation=rng.choice([RepresentativeRelation.RELATIVE, RepresentativeRelation.LAWYER,
                                 RepresentativeRelation.ORGANISATION]),
            poa_received_on=received, poa_oral=True,
            poa_oral_note="Parten bekræftede fuldmagten i telefonen.")
    open_cases = list(Case.objects.open().filter(citizen_name__gt="").order_by("-received_at")
                      [15:17])
    if len(open_cases) < 2:
        return
    valid, expired = open_cases
    checked = CheckedFile(ContentFile(DEMO_POA, name="fuldmagt.pdf"), "fuldmagt.pdf",
                          "application/pdf", len(DEMO_POA), hashlib.sha256(DEMO_POA).hexdigest())
    with DocumentWriter() as documents:
        document = documents.add(checked, case=valid, uploaded_by=advisor)
    for case, values in (
        (valid, {"name": "Advokat Lise Holm", "relation": RepresentativeRelation.LAWYER,
                 "email": "lise.holm@advokat.example.invalid", "poa_document": document,
                 "address": "Advokathuset\nTorvet 3\n4600 Køge",
                 "poa_received_on": today - datetime.timedelta(days=20),
                 "poa_valid_until": datetime.date(today.year, 12, 31)}),
        (expired, {"name": "Ældre Sagen, rådgiver", "relation":
                   RepresentativeRelation.ORGANISATION, "phone": "33 96 86 86",
                   "address": "Ældre Sagen\nNørregade 49\n1165 København K",
                   "poa_oral": True, "poa_oral_note": "Fuldmagt givet mundtligt i telefonen "
                   "for tre måneder.",
                   "poa_received_on": today - datetime.timedelta(days=92),
                   "poa_valid_until": today - datetime.timedelta(days=1)}),
    ):
        Case.objects.filter(pk=case.pk).update(requester_role=RequesterRole.REPRESENTATIVE,
                                               consent_contact_unit=True)
        Representative.objects.update_or_create(case=case, defaults=values)


def _letter_sent(advisor):
    """A forwarded case whose citizen got the forwarding notice, delivered by the file backend
    (what it would have sent lies in private storage), with its receipt on the timeline."""
    case = (Case.objects.filter(status=CaseStatus.AWAITING_UNIT).exclude(citizen_name="")
            .order_by("-received_at").first())
    if case is None:
        return
    if not case.citizen_address:
        Case.objects.filter(pk=case.pk).update(citizen_address="Nørregade 12\n4660 Store Heddinge")
        case.refresh_from_db()
    template = LetterTemplate.objects.get(name="Orientering om videresendelse")
    subject, body = letters.draft(case, advisor, template)
    letters.send_letter(case, advisor, subject=subject, body=body, template=template)
    deliver_due()
