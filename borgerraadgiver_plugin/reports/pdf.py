"""The annual report as a PDF for the council's agenda: tagged (PDF/UA), in Danish, with the
table headers repeated on every page a table spans. Drawn by WeasyPrint from the same frozen
figures as the page, so the PDF and the page always agree."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from . import snapshot

TEMPLATE = "borgerraadgiver_reports/annual_report_pdf.html"
#: Read from disk by the static-files finders (a site may override it in its own static
#: folder); the HTML has no <style> of its own, as no template of the plugin has.
STYLESHEET = "borgerraadgiver_reports/css/annual_report_pdf.css"


def report_pdf(page, request):
    # WeasyPrint loads Pango when imported: only the PDF needs it, so only the PDF imports it.
    import weasyprint

    html = render_to_string(TEMPLATE, {"page": page, "figures": snapshot.figures(page)},
                            request=request)
    document = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/"))
    return document.write_pdf(stylesheets=[weasyprint.CSS(filename=finders.find(STYLESHEET))],
                              pdf_variant="pdf/ua-1")
