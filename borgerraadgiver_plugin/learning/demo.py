from ..demo import ensure_page
from .models import LearningNoteIndexPage


def build(context):
    ensure_page(
        context.home, LearningNoteIndexPage, "laering", title="Læringsnotater",
        intro="<p>Borgerrådgiverens læringsnotater til kommunens medarbejdere.</p>",
    )
