from django_tasks import task

from .outbox import deliver_due


@task()
def deliver_outbox():
    """Background delivery of the outbox (django-tasks; a database worker in production)."""
    sent, failed = deliver_due()
    return {"sent": sent, "failed": failed}
