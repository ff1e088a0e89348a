from .sequence import ReferenceCounter
from .site_settings import BorgerraadgiverSettings
from .taxonomy import Area, ReferralBody, Theme

__all__ = ["Area", "BorgerraadgiverSettings", "ReferenceCounter", "ReferralBody", "Theme"]
