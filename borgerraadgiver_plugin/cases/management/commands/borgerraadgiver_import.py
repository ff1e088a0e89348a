"""Import an existing case log:

    manage.py borgerraadgiver_import FILE.xlsx|FILE.csv [--mapping FILE.toml] [--dry-run]

Every row that cannot be imported is listed with its row number, column, value and reason;
then nothing is imported and the command ends with exit status 1. ``--dry-run`` only checks.
"""

from pathlib import Path

from django.conf import settings
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

    def handle(self, *args, file, mapping, dry_run, **options):
        with translation.override(settings.LANGUAGE_CODE):
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
            created = importing.commit(plan, None, path.name)
            self.stdout.write(_("%(count)s cases were imported.") % {"count": len(created)})
