from .contact import MunicipalTouchpoint, VeteranConsent, VeteranContact
from .coordination import PartnerReferral, VeteranActivity
from .pages import VeteranContactPage
from .vocabulary import ExternalPartner, NeedArea

__all__ = [
    "ExternalPartner",
    "MunicipalTouchpoint",
    "NeedArea",
    "PartnerReferral",
    "VeteranActivity",
    "VeteranConsent",
    "VeteranContact",
    "VeteranContactPage",
]
