"""Demo veteran registry: about 30 contacts (veterans and relatives) with consents,
touchpoints, an activity log and referrals over two years, and the ``/veteraner/`` page."""

import datetime

from django.utils import timezone
from django.utils.translation import ngettext

from ..choices import Channel
from ..demo import ensure_page
from ..models import Area
from ..seeding import ensure
from .choices import (
    ActivityKind,
    ConsentScope,
    ContactRole,
    DeployingOrg,
    PartnerOrg,
    PreferredChannel,
    ReferralKind,
    ReferralStatus,
    Relation,
)
from .models import (
    ExternalPartner,
    MunicipalTouchpoint,
    NeedArea,
    PartnerReferral,
    VeteranActivity,
    VeteranConsent,
    VeteranContact,
    VeteranContactPage,
)

VETERANS = [
    ("Jens Mikkelsen", DeployingOrg.FORSVARET, "Afghanistan, Hold 7, 2009"),
    ("Lars Poulsen", DeployingOrg.FORSVARET, "Irak, 2004"),
    ("Michael Sørensen", DeployingOrg.FORSVARET, "Bosnien (UNPROFOR), 1994"),
    ("Henrik Kristensen", DeployingOrg.HJEMMEVAERNET, "Kosovo, 2001"),
    ("Thomas Rasmussen", DeployingOrg.FORSVARET, "Afghanistan, Hold 11, 2011"),
    ("Søren Jørgensen", DeployingOrg.FORSVARET, "Libanon, 2007"),
    ("Martin Petersen", DeployingOrg.POLITI, "Kosovo (EULEX), 2010"),
    ("Anders Madsen", DeployingOrg.FORSVARET, "Afghanistan, Hold 2, 2006"),
    ("Kim Andersen", DeployingOrg.FORSVARET, "Irak, 2006"),
    ("Mette Larsen", DeployingOrg.SUNDHED, "Afghanistan, feltlazaret, 2010"),
    ("Rasmus Olsen", DeployingOrg.FORSVARET, "Mali, 2019"),
    ("Peter Thomsen", DeployingOrg.BEREDSKAB, "Tyrkiet, jordskælv, 2023"),
    ("Christian Hansen", DeployingOrg.FORSVARET, "Estland (eFP), 2022"),
    ("Jesper Nielsen", DeployingOrg.FORSVARET, "Kroatien, 1995"),
    ("Camilla Berg", DeployingOrg.UM, "Afghanistan, civil rådgiver, 2012"),
    ("Niels Frandsen", DeployingOrg.FORSVARET, ""),
    ("Brian Jakobsen", DeployingOrg.FORSVARET, "Irak, 2016"),
    ("Allan Vestergaard", DeployingOrg.HJEMMEVAERNET, ""),
    ("Kenneth Holm", DeployingOrg.NGO, "Sydsudan, 2014"),
    ("Morten Lund", DeployingOrg.UNKNOWN, ""),
    ("Dennis Bech", DeployingOrg.FORSVARET, "Afghanistan, Hold 9, 2010"),
    ("Flemming Dahl", DeployingOrg.FORSVARET, "Cypern, 1988"),
]
#: (relative's name, index of the veteran, relation)
RELATIVES = [
    ("Louise Mikkelsen", 0, Relation.PARTNER),
    ("Emma Mikkelsen", 0, Relation.CHILD),
    ("Hanne Poulsen", 1, Relation.PARTNER),
    ("Birgit Rasmussen", 4, Relation.PARENT),
    ("Sanne Madsen", 7, Relation.PARTNER),
    ("Julie Olsen", 10, Relation.PARTNER),
    ("Karen Jakobsen", 16, Relation.PARENT),
    ("Signe Bech", 20, Relation.PARTNER),
]
NOTES = [
    "Ønsker hjælp til at finde vej til jobcentret.",
    "Vil gerne i kontakt med andre veteraner i lokalområdet.",
    "Har brug for overblik over kontakter i kommunen.",
    "Bolig er usikker; aftalt at koordinere med Center for Sundhed & Omsorg.",
    "Familien ønsker viden om tilbud til pårørende.",
    "",
]

#: Stevns's own veteran associations; the national partners come from ``borgerraadgiver_setup``.
LOCAL_PARTNERS = [
    {"code": PartnerOrg.LOCAL_ASSOC, "name": "Stevns Marineforening",
     "description": "Lokal marineforening."},
    {"code": PartnerOrg.LOCAL_ASSOC, "name": "Hjemmeværnskompagni Stevns",
     "description": "Lokalt hjemmeværn; deltager i Flagdag for Danmarks udsendte.",
     "website": "https://www.hjv.dk"},
]


def _phone(rng):
    return " ".join(str(rng.randint(20 if i == 0 else 10, 99)) for i in range(4))


def build(context):
    ensure_page(
        context.home, VeteranContactPage, "veteraner", title="Veteraner og pårørende",
        intro="<p>Veterankoordinatoren er din indgang til kommunen, hvis du er veteran eller "
              "pårørende. Koordinatoren har ingen myndighed og behandler ikke sager, men "
              "hjælper dig videre og koordinerer med kommunens centre og Veterancentret.</p>"
              "<p>Skriv dit navn og et telefonnummer eller en e-mailadresse, så kontakter "
              "vi dig.</p>",
    )
    if created := ensure(ExternalPartner, LOCAL_PARTNERS, "name"):
        context.log.append(ngettext("%(count)s local partner", "%(count)s local partners",
                                    created) % {"count": created})
    if VeteranContact.objects.exists():
        return
    rng, today = context.rng, context.today
    needs = list(NeedArea.objects.all())
    partners = {p.code: p for p in ExternalPartner.objects.all()}
    areas = list(Area.objects.filter(is_external=False, valid_to__isnull=True))
    veterans = []
    for index, (name, org, mission) in enumerate(VETERANS):
        veterans.append(_contact(context, index, name, ContactRole.VETERAN, org=org,
                                 mission=mission, needs=needs, areas=areas))
    for offset, (name, veteran_index, relation) in enumerate(RELATIVES):
        _contact(context, len(VETERANS) + offset, name, ContactRole.RELATIVE,
                 veteran=veterans[veteran_index], relation=relation, needs=needs, areas=[])
    contacts = list(VeteranContact.objects.all())
    for contact in contacts:
        _activities(contact, rng, today)
    referable = [c for c in contacts if c.consent_state in ("valid", "renewal_due")]
    for contact in rng.sample(referable, min(16, len(referable))):
        _referral(contact, rng, today, partners)
    _coordination(veterans, areas, today)
    context.log.append(ngettext("%(count)s veteran contact", "%(count)s veteran contacts",
                                len(contacts)) % {"count": len(contacts)})


def _contact(context, index, name, role, org=DeployingOrg.UNKNOWN, mission="", veteran=None,
             relation="", needs=(), areas=()):
    rng, today = context.rng, context.today
    registered = today - datetime.timedelta(days=rng.randint(5, 700))
    email = name.lower().replace(" ", ".").replace("ø", "oe").replace("å", "aa") + "@example.dk"
    contact = VeteranContact.objects.create(
        role=role, name=name, veteran=veteran, relation=relation, phone=_phone(rng),
        email=email if index % 3 else "", deploying_org=org, mission=mission,
        preferred_channel=rng.choice([PreferredChannel.PHONE, PreferredChannel.PHONE,
                                      PreferredChannel.EMAIL, PreferredChannel.SMS]),
        in_contact_with_veterancentret=index % 4 == 0, situation_note=rng.choice(NOTES),
        next_follow_up=today + datetime.timedelta(days=rng.randint(-5, 40)) if index % 2 else None,
        created_at=timezone.make_aware(datetime.datetime.combine(registered, datetime.time(10))),
    )
    contact.need_areas.set(rng.sample(needs, rng.randint(1, 3)))
    # Most have valid consent; a few are due for renewal, one withdrew, one never gave it.
    if index == 5:
        VeteranConsent.objects.create(contact=contact, given_on=registered, channel=Channel.PHONE,
                                      withdrawn_on=today - datetime.timedelta(days=2))
    elif index != 9:
        # Renewed every year since registration; every seventh is close to its renewal.
        given = registered + datetime.timedelta(days=365 * ((today - registered).days // 365))
        if index % 7 == 0:
            given = today - datetime.timedelta(days=350)
        VeteranConsent.objects.create(contact=contact, given_on=given, channel=Channel.PHONE)
        if index % 5 == 0:
            VeteranConsent.objects.create(
                contact=contact, scope=ConsentScope.MUNICIPAL_UNITS, given_on=registered,
                channel=Channel.IN_PERSON, parties="Jobcenter Stevns")
        if index % 6 == 0:
            VeteranConsent.objects.create(contact=contact, scope=ConsentScope.NOMINATION,
                                          given_on=registered, channel=Channel.IN_PERSON)
    if areas and index % 3 == 0:
        MunicipalTouchpoint.objects.create(contact=contact, area=rng.choice(areas),
                                           contact_person="Sagsbehandler, team 2",
                                           since=registered)
    return contact


def _activities(contact, rng, today):
    start = contact.created_at.date()
    days = max((today - start).days, 1)
    for _ in range(rng.randint(2, 6)):
        kind = rng.choice([ActivityKind.CONTACT, ActivityKind.CONTACT,
                           ActivityKind.COORDINATION_MEETING, ActivityKind.EVENT])
        date = start + datetime.timedelta(days=rng.randint(0, days))
        if kind == ActivityKind.EVENT:  # Flagdag for Danmarks udsendte, 5 September
            flag_days = [datetime.date(year, 9, 5) for year in range(start.year, today.year + 1)
                         if start <= datetime.date(year, 9, 5) <= today]
            if not flag_days:
                continue
            date = rng.choice(flag_days)
        VeteranActivity.objects.bulk_create([VeteranActivity(
            contact=contact, kind=kind, date=date,
            participants="Veterankoordinator" + (", Jobcenter Stevns"
                                                 if kind == ActivityKind.COORDINATION_MEETING
                                                 else ""),
            note="Flagdag 5. september" if kind == ActivityKind.EVENT else "",
        )])


def _referral(contact, rng, today, partners):
    nominate = contact.consents.filter(scope=ConsentScope.NOMINATION).exists()
    partner = partners.get("FDV") if nominate else partners.get(
        rng.choice(["VETERANCENTRET", "VETERANCENTRET", "DANMARKS_VETERANER", "GULE_SLOEJFE"]))
    if partner is None:
        return
    start = contact.created_at.date()
    sent = start + datetime.timedelta(days=rng.randint(0, max((today - start).days, 0)))
    PartnerReferral.objects.create(
        contact=contact, partner=partner,
        kind=ReferralKind.NOMINATION if nominate else ReferralKind.REFERRAL, sent_on=sent,
        status=ReferralStatus.SENT if (today - sent).days < 60 else rng.choice(
            [ReferralStatus.ACCEPTED, ReferralStatus.DECLINED]),
    )


#: (veteran's index, [(unit, contact person, weeks in contact, next step, days to it)],
#: weeks since the last coordination meeting or None for never, follow-up in days)
COORDINATION = [
    (0, [("Team Ressourceforløb", "Bente Kjær", 30, "", None),
         ("Boligsocialt team", "Ole Brandt", 20, "Afklare midlertidig bolig", 3),
         ("Psykiatri og misbrug", "Rikke Lind", 12, "", None)], 10, None),
    (1, [("Jobcenter, virksomhedsteam", "Pia Holm", 40, "Praktikplads aftales", 5),
         ("Ydelsesservice", "Hans Berg", 26, "", None)], 2, 9),
    (4, [("Familieafdelingen", "Susanne Bak", 8, "", None),
         ("Sundhed og omsorg", "Kim Lau", 6, "Samtale med sygeplejerske", -1)], None, None),
]


def _coordination(veterans, areas, today):
    """Veterans in contact with two or three units: one with no coordination meeting for ten
    weeks, one coordinated recently with a follow-up, one never coordinated, and next steps
    agreed with units coming due."""
    if len(areas) < 3:
        return
    week = datetime.timedelta(weeks=1)
    for index, units, weeks_since, follow_up in COORDINATION:
        contact = veterans[index]
        if contact.consent_state not in ("valid", "renewal_due"):
            continue
        contact.touchpoints.all().delete()
        contact.activities.filter(kind=ActivityKind.COORDINATION_MEETING).delete()
        touchpoints = [MunicipalTouchpoint.objects.create(
            contact=contact, area=areas[offset % len(areas)], unit=unit, contact_person=person,
            since=today - weeks * week, next_step=step,
            next_step_on=today + datetime.timedelta(days=days) if step else None)
            for offset, (unit, person, weeks, step, days) in enumerate(units)]
        if weeks_since is None:
            continue
        meeting = VeteranActivity.objects.create(
            contact=contact, kind=ActivityKind.COORDINATION_MEETING,
            date=today - weeks_since * week,
            participants=", ".join(touchpoint.label for touchpoint in touchpoints[:2]),
            note="Fælles plan aftalt; hver enhed kender sin del.",
            follow_up=today + datetime.timedelta(days=follow_up) if follow_up else None)
        meeting.touchpoints.set(touchpoints[:2])
