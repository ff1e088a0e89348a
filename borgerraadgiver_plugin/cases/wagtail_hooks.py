from wagtail.snippets.models import register_snippet

from .views import CaseViewSet

register_snippet(CaseViewSet)
