from wagtail.snippets.models import register_snippet

from .admin_menu import AreaViewSet, BorgerraadgiverMenu, ReferralBodyViewSet, ThemeViewSet

register_snippet(AreaViewSet)
register_snippet(ThemeViewSet)
register_snippet(ReferralBodyViewSet)
register_snippet(BorgerraadgiverMenu)
