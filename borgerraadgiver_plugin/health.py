"""The outbox's part of the health-check URL (a django-health-check check), and the view that
answers 503 when a part is unhealthy.

Unhealthy when an e-mail has failed for good, or has waited longer than
``BORGERRAADGIVER_OUTBOX_WARN_MINUTES`` (the mail server or the task worker has stopped): the
same signs the dashboard panels show the advisor. The message gives counts only, never a
recipient or a reference.
"""

import dataclasses

from asgiref.sync import sync_to_async
from django.utils.translation import ngettext
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from . import outbox
from .models import OutboxMessage, OutboxStatus


def outbox_problems():
    """What is wrong with the outbox, as sentences (empty when nothing is)."""
    problems = []
    if failed := OutboxMessage.objects.filter(status=OutboxStatus.FAILED).count():
        problems.append(ngettext("%(count)s e-mail failed.", "%(count)s e-mails failed.",
                                 failed) % {"count": failed})
    if waiting := outbox.delayed().count():
        problems.append(ngettext("%(count)s e-mail has waited too long to be sent.",
                                 "%(count)s e-mails have waited too long to be sent.",
                                 waiting) % {"count": waiting})
    return problems


@dataclasses.dataclass
class Outbox(HealthCheck):
    async def run(self):
        # In the request's own thread (thread-sensitive), on its own database connection.
        if problems := await sync_to_async(outbox_problems)():
            raise ServiceUnavailable(" ".join(problems))


#: Service Unavailable: what a load balancer reads as "take this server out of rotation"
#: (django-health-check answers 500, which reads as a crash).
UNHEALTHY_STATUS = 503


class HealthView(HealthCheckView):
    """django-health-check's view, answering 503 instead of 500 when a check fails. A site
    sets its own ``checks``; the body (JSON, text or HTML) is django-health-check's."""

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if any(result.error for result in self.results):
            response.status_code = UNHEALTHY_STATUS
        return response
