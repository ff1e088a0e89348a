from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...provisioning import run_setup


class Command(BaseCommand):
    help = gettext_lazy(
        "Create the groups Borgerrådgiver, Veterankoordinator and Medarbejder with exactly the "
        "permissions each needs, and seed the standard vocabularies. Safe to run again."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                report = run_setup()
        except LookupError as error:
            raise CommandError(str(error)) from error
        for name in report.created_groups:
            self.stdout.write(_("Created group %(name)s") % {"name": name})
        for name in report.changed_groups:
            self.stdout.write(_("Reset the permissions of group %(name)s") % {"name": name})
        for (singular, plural), count in report.seeded.items():
            if count:
                label = singular if count == 1 else plural
                self.stdout.write(
                    _("Seeded %(count)s %(label)s") % {"count": count, "label": label}
                )
        if not report.changed_anything:
            self.stdout.write(_("Nothing to do: groups and vocabularies are in place."))
        self.stdout.write(self.style.SUCCESS(_("borgerraadgiver_setup done.")))
