"""Fixed vocabularies (domain.md §10.1): stable English codes, translated labels.

Vocabularies a municipality edits (areas, themes, referral bodies) are snippets instead.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InquiryType(models.TextChoices):
    """Henvendelsestype."""

    WAYFINDING = "WAYFINDING", _("Wayfinding / referral to the right place")
    GUIDANCE = "GUIDANCE", _("Guidance and advice")
    COMPLAINT = "COMPLAINT", _("Complaint")
    SUGGESTION = "SUGGESTION", _("Improvement suggestion")
    INTERNAL_ADVICE = "INTERNAL_ADVICE", _("Internal advice to staff")


class CaseOrigin(models.TextChoices):
    """Sagens oprindelse: a citizen, or the advisor's own initiative (egen drift)."""

    CITIZEN = "CITIZEN", _("Citizen inquiry")
    OWN_SPECIFIC = "OWN_SPECIFIC", _("Specific own-initiative study")
    OWN_GENERAL = "OWN_GENERAL", _("General own-initiative study")
    INSPECTION = "INSPECTION", _("Inspection")
    COUNCIL_ORDERED = "COUNCIL_ORDERED", _("Study by agreement with the council")


class Channel(models.TextChoices):
    """Modtagelsesform."""

    PHONE = "PHONE", _("Phone")
    EMAIL = "EMAIL", _("E-mail")
    DIGITAL_POST = "DIGITAL_POST", _("Digital Post (secure)")
    LETTER = "LETTER", _("Letter")
    IN_PERSON = "IN_PERSON", _("In person")
    OUTREACH = "OUTREACH", _("Office hours or outreach")
    WEBFORM = "WEBFORM", _("Web form")


class RequesterRole(models.TextChoices):
    """Henvender: who contacted the advisor."""

    CITIZEN = "CITIZEN", _("Citizen")
    REPRESENTATIVE = "REPRESENTATIVE", _("Authorised representative")
    RELATIVE = "RELATIVE", _("Relative")
    COMPANION = "COMPANION", _("Companion")
    BUSINESS = "BUSINESS", _("Business")
    ASSOCIATION = "ASSOCIATION", _("Association")
    ANONYMOUS = "ANONYMOUS", _("Anonymous")
    STAFF = "STAFF", _("Staff member")


class CaseStatus(models.TextChoices):
    """Where a case is in its lifecycle (feature-anchors.md §8.1)."""

    NEW = "NEW", _("New")
    OPEN = "OPEN", _("In progress")
    AWAITING_CITIZEN = "AWAITING_CITIZEN", _("Awaiting the citizen")
    AWAITING_UNIT = "AWAITING_UNIT", _("Awaiting the administration")
    CLOSED = "CLOSED", _("Closed")
    MERGED = "MERGED", _("Merged into another case")

    @classmethod
    def ended(cls):
        """The statuses of a case nobody works on any more: closed, or merged into another."""
        return (cls.CLOSED, cls.MERGED)


class HandlingMethod(models.TextChoices):
    """Løsningsmetode."""

    REJECTED = "REJECTED", _("Rejected by the advisor")
    CC_INFORMED = "CC_INFORMED", _("Advisor copied on the complaint")
    GUIDED = "GUIDED", _("Guided or referred")
    STRENGTHENED_CONTACT = "STRENGTHENED_CONTACT", _("Strengthened citizen contact")
    FORWARDED = "FORWARDED", _("Forwarded to the unit for an answer")
    MEDIATION = "MEDIATION", _("Mediation / dialogue meeting")
    COMPANION = "COMPANION", _("Companion or observer at a meeting")
    INVESTIGATION = "INVESTIGATION", _("Investigation (statement and files)")
    REASSESSMENT_REQUEST = "REASSESSMENT_REQUEST", _("Reassessment requested from the unit")


class Outcome(models.TextChoices):
    """Resultat."""

    RESOLVED_DIALOGUE = "RESOLVED_DIALOGUE", _("Resolved through dialogue")
    UPHELD = "UPHELD", _("Upheld")
    PARTLY_UPHELD = "PARTLY_UPHELD", _("Partly upheld")
    NOT_UPHELD = "NOT_UPHELD", _("Not upheld")
    CORRECTED = "CORRECTED", _("Administration corrected or apologised")
    CRITICISM = "CRITICISM", _("Criticism")
    NO_CRITICISM = "NO_CRITICISM", _("No criticism")
    REQUEST = "REQUEST", _("Request to act")
    RECOMMENDATION = "RECOMMENDATION", _("Recommendation")
    REFERRED = "REFERRED", _("Referred elsewhere")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn by the citizen")
    CLOSED_INACTIVE = "CLOSED_INACTIVE", _("Closed: no response or missing information")
    REJECTED = "REJECTED", _("Rejected (see reason)")


class UpheldValue(models.TextChoices):
    """Medhold: the unit's own answer to a forwarded complaint."""

    UPHELD = "UPHELD", _("Upheld")
    PARTLY_UPHELD = "PARTLY_UPHELD", _("Partly upheld")
    NOT_UPHELD = "NOT_UPHELD", _("Not upheld")


class CriticismLevel(models.TextChoices):
    """Kritikniveau, in the Ombudsman's grades."""

    BEKLAGELIGT = "BEKLAGELIGT", _("Regrettable")
    KRITISABELT = "KRITISABELT", _("Open to criticism")
    MEGET_KRITISABELT = "MEGET_KRITISABELT", _("Highly open to criticism")
    SAERDELES_KRITISABELT = "SAERDELES_KRITISABELT", _("Extremely open to criticism")


class RejectionReason(models.TextChoices):
    """Afvisningsgrund: why a matter is outside the advisor's remit."""

    DECISION_CONTENT = "DECISION_CONTENT", _("Cannot make or change decisions")
    POLITICAL = "POLITICAL", _("Political decision / service level")
    PERSONNEL = "PERSONNEL", _("Personnel and employment matters")
    PENDING_ELSEWHERE = "PENDING_ELSEWHERE", _(
        "Before an appeal body, the supervisory authority, the Ombudsman or a court"
    )
    OUTSIDE_MUNICIPALITY = "OUTSIDE_MUNICIPALITY", _("Outside the municipality's activity")
    STALE = "STALE", _("Time-barred (closed more than 12 months ago)")
    INSUFFICIENT_INFO = "INSUFFICIENT_INFO", _("Missing necessary information")
    PRIVATE_LAW = "PRIVATE_LAW", _("Private-law dispute")


class ReferralTarget(models.TextChoices):
    """Henvisning: the standard bodies a citizen can be sent to."""

    ANKESTYRELSEN = "ANKESTYRELSEN", _("National Social Appeals Board")
    TILSYNET = "TILSYNET", _("Municipal supervision")
    OMBUDSMAND = "OMBUDSMAND", _("Parliamentary Ombudsman")
    COURTS = "COURTS", _("Courts")
    DATATILSYNET = "DATATILSYNET", _("Data Protection Agency")
    NAEVNENES_HUS = "NAEVNENES_HUS", _("Appeals Boards' House")
    FAMILIERETSHUSET = "FAMILIERETSHUSET", _("Agency of Family Law")
    UDK = "UDK", _("Payment Denmark")
    SKAT = "SKAT", _("Tax Agency")
    REGION = "REGION", _("The region")
    COUNCIL = "COUNCIL", _("Council or committee")
    EMPLOYER_HR = "EMPLOYER_HR", _("Municipal HR")
    UNIT = "UNIT", _("Relevant municipal unit")
    LEGAL_AID = "LEGAL_AID", _("Legal aid")
    VETERANCENTRET = "VETERANCENTRET", _("Danish Veteran Centre")
    OTHER = "OTHER", _("Other")


class ConsentType(models.TextChoices):
    """Samtykke."""

    CONTACT_UNIT = "CONTACT_UNIT", _("May contact caseworker")
    SHARE_DATA = "SHARE_DATA", _("May share data with unit")
    POWER_OF_ATTORNEY = "POWER_OF_ATTORNEY", _("Power of attorney (written, or oral and noted)")
    VETERAN_REGISTRY = "VETERAN_REGISTRY", _("Consent to veteran contact registry")
    NOMINATION = "NOMINATION", _("Consent to grant nomination")


class RecommendationStatus(models.TextChoices):
    """Anbefaling – opfølgning."""

    PROPOSED = "PROPOSED", _("Proposed")
    ACCEPTED = "ACCEPTED", _("Accepted")
    IN_PROGRESS = "IN_PROGRESS", _("In progress")
    IMPLEMENTED = "IMPLEMENTED", _("Implemented")
    DECLINED = "DECLINED", _("Declined with reasons")


#: Default referral bodies for each rejection reason (domain.md §10.1, RejectionReason table).
DEFAULT_REFERRALS = {
    RejectionReason.DECISION_CONTENT: [ReferralTarget.UNIT, ReferralTarget.ANKESTYRELSEN],
    RejectionReason.POLITICAL: [ReferralTarget.COUNCIL],
    RejectionReason.PERSONNEL: [ReferralTarget.EMPLOYER_HR],
    RejectionReason.PENDING_ELSEWHERE: [
        ReferralTarget.ANKESTYRELSEN,
        ReferralTarget.TILSYNET,
        ReferralTarget.OMBUDSMAND,
        ReferralTarget.COURTS,
    ],
    RejectionReason.OUTSIDE_MUNICIPALITY: [
        ReferralTarget.UDK,
        ReferralTarget.SKAT,
        ReferralTarget.FAMILIERETSHUSET,
        ReferralTarget.REGION,
    ],
    RejectionReason.STALE: [],
    RejectionReason.INSUFFICIENT_INFO: [],
    RejectionReason.PRIVATE_LAW: [ReferralTarget.LEGAL_AID],
}


class RetentionMode(models.TextChoices):
    """What retention does with a record past its time; the municipal archive decides."""

    OFF = "OFF", _("Off: nothing is anonymised")
    ANONYMISE = "ANONYMISE", _("Anonymise")
    ARCHIVE = "ARCHIVE", _("Export for the archive, then anonymise")
