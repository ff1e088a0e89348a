from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ... import dates
from ...choices import RetentionMode
from ...retention import RetentionRefused, run


class Command(BaseCommand):
    help = gettext_lazy(
        "Anonymise closed cases and inactive veteran contacts past the retention period (one "
        "transaction per record; safe to run again, and after restoring a backup). Run nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help=gettext_lazy("List what would be anonymised; change nothing."))
        parser.add_argument("--limit", type=int, default=None,
                            help=gettext_lazy("Anonymise at most this many records."))

    def handle(self, *args, dry_run=False, limit=None, **options):
        if limit is not None and limit < 1:
            raise CommandError(_("--limit must be at least 1."), returncode=2)
        try:
            outcome = run(dry_run=dry_run, limit=limit)
        except RetentionRefused as refusal:
            raise CommandError(str(refusal), returncode=2) from None
        if outcome.mode == RetentionMode.OFF:
            self.stdout.write(_("Retention is off in the citizen advisor settings: nothing is "
                                "anonymised."))
        for line in outcome.lines:
            self.stdout.write(line)
        if dry_run or outcome.mode == RetentionMode.OFF:
            self.stdout.write(_("%(count)s records would be anonymised (closed or inactive "
                                "before %(day)s).") % {"count": outcome.done,
                                                       "day": dates.show(outcome.cutoff)})
        else:
            self.stdout.write(_("%(count)s records anonymised.") % {"count": outcome.done})
