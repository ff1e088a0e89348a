"""A letter to the citizen as a PDF (WeasyPrint, tagged like the annual report): the advisor's
letterhead, the recipient's address, the date and reference, the subject and the text."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import BorgerraadgiverSettings

TEMPLATE = "borgerraadgiver_cases/letters/letter_pdf.html"
STYLESHEET = "borgerraadgiver_cases/css/letter_pdf.css"


def write_pdf(html, stylesheet):
    """``html`` as a tagged PDF with the static ``stylesheet`` (the templates hold no inline
    style, which the Content-Security-Policy refuses where they are previewed)."""
    # WeasyPrint loads Pango when imported: only a PDF needs it.
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf(
        stylesheets=[weasyprint.CSS(filename=finders.find(stylesheet))], pdf_variant="pdf/ua-1")


def render(letter):
    html = render_to_string(TEMPLATE, {
        "letter": letter, "reference": letter.case.reference,
        "day": timezone.localdate(letter.created_at),
        "advisor": BorgerraadgiverSettings.current(),
    })
    return write_pdf(html, STYLESHEET)
