import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from ...demo import DEMO_PASSWORD, DemoContext
from ...provisioning import plugin_modules, run_setup


class Command(BaseCommand):
    help = gettext_lazy(
        "Build the demo: pages with fixed slugs, a user for each group, vocabularies and about "
        "two years of cases. Safe to run again: what is there is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2025,
                            help=gettext_lazy("Seed for the random demo data (default 2025)."))

    def handle(self, *args, seed, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(_("There is no default site. Run migrate first."))
        context = DemoContext(home=site.root_page.specific, today=timezone.localdate(),
                              rng=random.Random(seed))  # noqa: S311 - demo data
        try:
            with transaction.atomic():
                run_setup()
                for module in plugin_modules("demo"):
                    module.build(context)
        except LookupError as error:
            raise CommandError(str(error)) from error
        for line in context.log:
            self.stdout.write(_("Created %(what)s") % {"what": line})
        if not context.log:
            self.stdout.write(_("The demo was already in place; nothing changed."))
        self.stdout.write(self.style.SUCCESS(_(
            "Demo ready. Log in at http://127.0.0.1:8000/admin/ as admin / %(password)s "
            "(or raadgiver, veteran, medarbejder with the same password)."
        ) % {"password": DEMO_PASSWORD}))
