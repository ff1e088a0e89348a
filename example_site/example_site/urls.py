from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .health import HealthView

urlpatterns = [
    # For the monitor (docs/operations.md): 200 when the database, the cache and the outbox are
    # healthy, else 503 with what is wrong (?format=json or text for scripts).
    path("health/", HealthView.as_view(), name="health"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# Citizens whose form body Django refuses (too large, unreadable) get a Danish page, not a bare 400.
handler400 = "borgerraadgiver_plugin.errors.bad_request"
