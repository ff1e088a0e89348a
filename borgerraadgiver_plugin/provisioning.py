"""What ``borgerraadgiver_setup`` and ``borgerraadgiver_demo`` collect from each installed part.

Each part of the plugin may have a ``provision`` module with ``GROUP_PERMISSIONS`` (group name ->
permission names, ``"app_label.codename"``) and a ``seed()`` function, and a ``demo`` module with
``build(context)``. The core finds them the way Wagtail finds ``wagtail_hooks``, so a
municipality that installs only some parts gets only their groups, vocabularies and demo data.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.module_loading import module_has_submodule

#: The groups every installation has. Names are data, in the municipality's language.
ADVISOR_GROUP = "Borgerrådgiver"
VETERAN_GROUP = "Veterankoordinator"
STAFF_GROUP = "Medarbejder"
#: The data protection officer: reads the access log, not the records.
DPO_GROUP = "Databeskyttelse"
GROUP_NAMES = (ADVISOR_GROUP, VETERAN_GROUP, STAFF_GROUP, DPO_GROUP)


def plugin_modules(name):
    """``<part>.<name>`` for every installed part of the plugin, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if config.name.split(".")[0] == "borgerraadgiver_plugin" and module_has_submodule(
            config.module, name
        ):
            yield import_module(f"{config.name}.{name}")


def wanted_permissions():
    wanted = {name: set() for name in GROUP_NAMES}
    for module in plugin_modules("provision"):
        for group, names in getattr(module, "GROUP_PERMISSIONS", {}).items():
            wanted[group].update(names)
    return wanted


def resolve_permissions(names):
    found = {}
    for name in names:
        app_label, codename = name.split(".", 1)
        found[name] = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
    missing = sorted(name for name, permission in found.items() if permission is None)
    if missing:
        raise LookupError("Unknown permissions (are migrations applied?): " + ", ".join(missing))
    return set(found.values())


@dataclass
class SetupReport:
    created_groups: list = field(default_factory=list)
    changed_groups: list = field(default_factory=list)
    seeded: dict = field(default_factory=dict)

    @property
    def changed_anything(self):
        return bool(self.created_groups or self.changed_groups or any(self.seeded.values()))


def setup_groups(report):
    """Create the groups and give each exactly its permissions: extra ones are taken away."""
    for group_name, names in wanted_permissions().items():
        group, created = Group.objects.get_or_create(name=group_name)
        wanted = resolve_permissions(names)
        if created:
            report.created_groups.append(group_name)
        if set(group.permissions.all()) != wanted:
            group.permissions.set(wanted)
            if not created:
                report.changed_groups.append(group_name)


def names(model):
    """``(singular, plural)`` of what a model holds, as ``provision.seed()`` reports it."""
    return model._meta.verbose_name, model._meta.verbose_name_plural


def seed_vocabularies(report):
    """Each part's ``provision.seed()`` returns ``{(singular, plural): rows created}``."""
    for module in plugin_modules("provision"):
        if seed := getattr(module, "seed", None):
            for what, count in seed().items():
                report.seeded[what] = report.seeded.get(what, 0) + count


def run_setup():
    report = SetupReport()
    setup_groups(report)
    seed_vocabularies(report)
    return report
