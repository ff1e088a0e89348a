"""Listing columns for the plugin's admin screens."""

from django.template.defaultfilters import yesno
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field as "Ja"/"Nej". Wagtail shows a bare ``True``/``False`` for it, and its
    ``BooleanColumn`` icons carry the English words as their titles for screen readers."""

    def __init__(self, name, model, **kwargs):
        label = capfirst(model._meta.get_field(name).verbose_name)
        super().__init__(name, label=label, sort_key=name, **kwargs)

    def get_value(self, instance):
        return capfirst(yesno(super().get_value(instance)))
