"""The kinds of e-mail in the outbox, and who may see each.

The core owns the outbox but sends nothing itself. Each part that queues e-mail declares its
kinds in an ``outbox_kinds`` module with ``KINDS``, a list of :class:`MessageKind`; the core
collects them from the installed parts, the way ``borgerraadgiver_setup`` collects ``provision``
modules. So the outbox screen names every kind in the advisor's language, and a municipality
that installs only some parts sees only their e-mails.

A kind may bring its own ``deliver``: the outbox then hands its messages to that function
instead of the mail server (the cases' letters go to a Digital Post backend this way), with the
same claims, retries and "Send igen" as an e-mail.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.module_loading import import_string

from .provisioning import plugin_modules


@dataclass(frozen=True)
class MessageKind:
    code: str
    #: What the outbox screen calls these e-mails.
    label: str
    #: A permission (``"app_label.codename"``) a user needs, besides seeing the outbox, to see
    #: these e-mails; ``None`` for e-mails anyone who sees the outbox may see.
    permission: str | None = None
    #: Dotted path of ``fn(message)`` that delivers a message of this kind, raising on any
    #: failure (an error with a true ``permanent`` attribute fails it at once); ``None`` sends
    #: it as an e-mail. A path, not the function: it is imported only when a message is sent.
    deliver: str | None = None


def registered():
    """``{code: MessageKind}`` of the installed parts."""
    return {kind.code: kind for module in plugin_modules("outbox_kinds") for kind in module.KINDS}


def label(code):
    """The name of a kind, or the code itself for a kind no installed part declares."""
    kind = registered().get(code)
    return kind.label if kind else code


def deliverer(code):
    """The ``deliver`` function of a kind, or None for e-mail."""
    kind = registered().get(code)
    return import_string(kind.deliver) if kind and kind.deliver else None


def visible_to(user):
    """A filter (``Q``) for the messages ``user`` may see: of the kinds whose permission they
    hold, and of kinds that need none (a kind no installed part declares needs none)."""
    hidden = [kind.code for kind in registered().values()
              if kind.permission and not user.has_perm(kind.permission)]
    return ~Q(kind__in=hidden)
