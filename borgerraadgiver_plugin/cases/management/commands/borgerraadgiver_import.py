"""Import an existing case log:

    manage.py borgerraadgiver_import FILE.xlsx|FILE.csv [--mapping FILE.toml] [--dry-run]
                                     [--user USERNAME]

Every row that cannot be imported is listed with its row number, column, value and reason;
then nothing is imported and the command ends with exit status 1. ``--dry-run`` only checks.
An import is one entry of the access log, naming ``--user`` (the person who runs it) if
given; a dry run, which changes nothing, is not logged.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from ... import importing


class Command(BaseCommand):
    help = "Import an existing case log (.xlsx or .csv), all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The log, .xlsx or .csv.")
        parser.add_argument("--mapping", help="A TOML file: the log's columns and codes.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Check every row and report; import nothing.")
        parser.add_argument("--user", help="The username of the person importing, for the "
                            "access log and the imported cases' timeline.")

    def handle(self, *args, file, mapping, dry_run, user=None, **options):
        with translation.override(settings.LANGUAGE_CODE):
            importer = self.importer(user)
            path = Path(file)
            try:
                data = path.read_bytes()
                mapping_text = Path(mapping).read_text(encoding="utf-8") if mapping else None
                plan = importing.read(path.name, data, importing.Mapping.load(mapping_text))
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(_("The file cannot be read: %(error)s") % {
                    "error": error}) from None
            except importing.MappingError as error:
                raise CommandError(str(error)) from None
            for problem in plan.problems:
                self.stderr.write(str(problem))
            if plan.problems:
                raise CommandError(_("%(count)s rows cannot be imported; nothing was imported.")
                                   % {"count": len({p.row for p in plan.problems})})
            if dry_run:
                self.stdout.write(_("%(count)s rows can be imported (dry run: nothing was "
                                    "imported).") % {"count": len(plan.rows)})
                return
            created = importing.commit(plan, importer, path.name, via="command")
            self.stdout.write(_("%(count)s cases were imported.") % {"count": len(created)})

    def importer(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(
            **{get_user_model().USERNAME_FIELD: username}).first()
        if user is None or not user.is_active:
            raise CommandError(_("No active user is called %(name)s.") % {"name": username})
        if not user.has_perm("borgerraadgiver_cases.add_case"):
            raise CommandError(_("%(name)s may not add cases, so cannot import them.") % {
                "name": username})
        return user
