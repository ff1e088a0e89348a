"""Listing columns for the plugin's admin screens: booleans as "Ja"/"Nej".

Wagtail shows a bare ``True``/``False`` for a boolean field, and both Wagtail's
``BooleanColumn`` and wagtail-modeladmin's icons carry the English words as their text for
screen readers.
"""

from django.template.defaultfilters import yesno
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column


def yes_no(value):
    return capfirst(yesno(value))


class YesNoColumn(Column):
    """A boolean field of ``model`` in a Wagtail listing (``list_display``)."""

    def __init__(self, name, model, **kwargs):
        label = capfirst(model._meta.get_field(name).verbose_name)
        super().__init__(name, label=label, sort_key=name, **kwargs)

    def get_value(self, instance):
        return yes_no(super().get_value(instance))


def yes_no_display(model, name):
    """A boolean field of ``model`` for a wagtail-modeladmin ``list_display``: set it as a
    staticmethod on the ModelAdmin and name that attribute in ``list_display``."""

    def display(instance):
        return yes_no(getattr(instance, name))

    display.short_description = model._meta.get_field(name).verbose_name
    display.admin_order_field = name
    return display
