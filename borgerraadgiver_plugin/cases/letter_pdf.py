"""A letter to the citizen as a PDF (WeasyPrint, tagged like the annual report): the advisor's
letterhead, the recipient's address, the date and reference, the subject and the text."""

from django.template.loader import render_to_string
from django.utils import timezone

from ..models import BorgerraadgiverSettings

TEMPLATE = "borgerraadgiver_cases/letters/letter_pdf.html"


def render(letter):
    # WeasyPrint loads Pango when imported: only a PDF needs it.
    import weasyprint

    html = render_to_string(TEMPLATE, {
        "letter": letter, "reference": letter.case.reference,
        "day": timezone.localdate(letter.created_at),
        "advisor": BorgerraadgiverSettings.current(),
    })
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
