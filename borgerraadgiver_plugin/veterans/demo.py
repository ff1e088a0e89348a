from ..demo import ensure_page
from .models import VeteranContactPage


def build(context):
    ensure_page(
        context.home, VeteranContactPage, "veteraner", title="Veteraner og pårørende",
        intro="<p>Veterankoordinatoren er din indgang til kommunen, hvis du er veteran eller "
              "pårørende.</p>",
    )
