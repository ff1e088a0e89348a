"""The kinds of e-mail in the outbox, and who may see each.

The core owns the outbox but sends nothing itself. Each part that queues e-mail declares its
kinds in an ``outbox_kinds`` module with ``KINDS``, a list of :class:`MessageKind`; the core
collects them from the installed parts, the way ``borgerraadgiver_setup`` collects ``provision``
modules. So the outbox screen names every kind in the advisor's language, and a municipality
that installs only some parts sees only their e-mails.
"""

from dataclasses import dataclass

from django.db.models import Q

from .provisioning import plugin_modules


@dataclass(frozen=True)
class MessageKind:
    code: str
    #: What the outbox screen calls these e-mails.
    label: str
    #: A permission (``"app_label.codename"``) a user needs, besides seeing the outbox, to see
    #: these e-mails; ``None`` for e-mails anyone who sees the outbox may see.
    permission: str | None = None


def registered():
    """``{code: MessageKind}`` of the installed parts."""
    return {kind.code: kind for module in plugin_modules("outbox_kinds") for kind in module.KINDS}


def label(code):
    """The name of a kind, or the code itself for a kind no installed part declares."""
    kind = registered().get(code)
    return kind.label if kind else code


def visible_to(user):
    """A filter (``Q``) for the messages ``user`` may see: of the kinds whose permission they
    hold, and of kinds that need none (a kind no installed part declares needs none)."""
    hidden = [kind.code for kind in registered().values()
              if kind.permission and not user.has_perm(kind.permission)]
    return ~Q(kind__in=hidden)
