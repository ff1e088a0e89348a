"""Veteran vocabularies (domain.md §10.1, "Veteran enums"): stable codes, translated labels.

Need areas and partners are records a municipality edits (:class:`NeedArea`,
:class:`ExternalPartner`); their standard values are seeded by ``provision.seed()``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRole(models.TextChoices):
    VETERAN = "VETERAN", _("Veteran")
    RELATIVE = "RELATIVE", _("Relative")


class Relation(models.TextChoices):
    """How a relative is related to the veteran."""

    PARTNER = "PARTNER", _("Partner or spouse")
    CHILD = "CHILD", _("Child")
    PARENT = "PARENT", _("Parent")
    OTHER = "OTHER", _("Other relative")


class DeployingOrg(models.TextChoices):
    """Who sent the veteran out; stored as data, since the definition spans civilians too."""

    FORSVARET = "FORSVARET", _("Armed Forces")
    HJEMMEVAERNET = "HJEMMEVAERNET", _("Home Guard")
    POLITI = "POLITI", _("Police")
    BEREDSKAB = "BEREDSKAB", _("Emergency Management Agency")
    SUNDHED = "SUNDHED", _("Health services")
    UM = "UM", _("Foreign Ministry")
    NGO = "NGO", _("NGO")
    UNKNOWN = "UNKNOWN", _("Not stated")


class PreferredChannel(models.TextChoices):
    PHONE = "PHONE", _("Phone")
    SMS = "SMS", _("Text message")
    EMAIL = "EMAIL", _("E-mail")
    LETTER = "LETTER", _("Letter or Digital Post")
    IN_PERSON = "IN_PERSON", _("In person")


class ConsentScope(models.TextChoices):
    """What a veteran consent covers. Codes follow the core's ConsentType where they overlap."""

    REGISTRATION = "VETERAN_REGISTRY", _("Registration in the contact registry")
    MUNICIPAL_UNITS = "CONTACT_UNIT", _("Contact with named municipal units")
    PARTNERS = "CONTACT_PARTNER", _("Contact with named partners")
    NOMINATION = "NOMINATION", _("Grant nomination")


class ActivityKind(models.TextChoices):
    CONTACT = "CONTACT", _("Contact")
    COORDINATION_MEETING = "COORDINATION_MEETING", _("Coordination meeting")
    REFERRAL = "REFERRAL", _("Referral")
    NOMINATION = "NOMINATION", _("Grant nomination")
    EVENT = "EVENT", _("Event")


class PartnerOrg(models.TextChoices):
    VETERANCENTRET = "VETERANCENTRET", _("The Danish Veteran Centre")
    SOLDATERLEGATET = "SOLDATERLEGATET", _("Soldaterlegatet")
    FDV = "FDV", _("Fonden Danske Veteranhjem")
    KFUM_SM = "KFUM_SM", _("KFUM's Soldatermission")
    DANMARKS_VETERANER = "DANMARKS_VETERANER", _("Danmarks Veteraner / Veteranstøtten")
    GULE_SLOEJFE = "GULE_SLOEJFE", _("Familienetværket Den gule Sløjfe")
    LOCAL_ASSOC = "LOCAL_ASSOC", _("Local association or veteran café")
    OTHER = "OTHER", _("Other")


class ReferralKind(models.TextChoices):
    REFERRAL = "REFERRAL", _("Referral")
    NOMINATION = "NOMINATION", _("Grant nomination")


class ReferralStatus(models.TextChoices):
    SENT = "SENT", _("Sent, awaiting answer")
    ACCEPTED = "ACCEPTED", _("Accepted or granted")
    DECLINED = "DECLINED", _("Declined")
    CLOSED = "CLOSED", _("Closed without answer")


class ContactSource(models.TextChoices):
    MANUAL = "MANUAL", _("Registered by the coordinator")
    REQUEST_PAGE = "REQUEST_PAGE", _("Contact request on the website")
