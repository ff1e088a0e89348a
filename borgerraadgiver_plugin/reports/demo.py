from ..demo import ensure_page
from .models import AnnualReportPage


def build(context):
    ensure_page(
        context.home, AnnualReportPage, "beretning-2025", title="Borgerrådgiverens beretning 2025",
        intro="<p>Beretningen til kommunalbestyrelsen for 2025.</p>",
    )
