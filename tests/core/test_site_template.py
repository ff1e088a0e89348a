import pytest

from borgerraadgiver_plugin.demo import ensure_page
from borgerraadgiver_plugin.reports.models import AnnualReportPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_page(home):
    return ensure_page(home, AnnualReportPage, "beretning", title="Beretning",
                       intro="<p>Indledning</p>")


def test_plugin_pages_render_inside_the_sites_own_base_template(client, report_page):
    html = client.get("/beretning/").content.decode()
    assert "Stevns Kommune" in html  # the example site's header
    assert '<main id="main"' in html and "Indledning" in html


def test_the_base_template_is_a_setting(client, report_page, settings, tmp_path):
    (tmp_path / "kommune_base.html").write_text(
        "<html><body><div id='kommune'>{% block content %}{% endblock %}</div></body></html>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    settings.BORGERRAADGIVER_BASE_TEMPLATE = "kommune_base.html"
    html = client.get("/beretning/").content.decode()
    assert "<div id='kommune'>" in html and "Indledning" in html
    assert "Stevns Kommune" not in html
