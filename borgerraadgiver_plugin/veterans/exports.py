"""The registry's contact export from plain values: the same cells as the admin's columns
(``VeteranContactAdmin.list_export``), without building a contact and looking up each column.

An empty cell shows the admin's empty-value display ("-"); a choice its label; the consent
its state, from the chunk's consents read in one query; the need areas their names, one query
per chunk too. Formula neutralising is :mod:`..streaming`'s.
"""

from ..streaming import FORMULA_FIRST, choice_labels, neutralise
from . import consent as rules
from .models import VeteranConsent, VeteranContact
from .models.contact import reference_for

#: Export column -> the contact field it shows (a label for a choice field).
FIELDS = {
    "reference_column": "pk", "role_label": "role", "relation_label": "relation",
    "name": "name", "phone": "phone", "email": "email", "channel_label": "preferred_channel",
    "org_label": "deploying_org", "mission": "mission",
    "in_contact_with_veterancentret": "in_contact_with_veterancentret",
    "next_follow_up": "next_follow_up", "active": "active",
}
#: Export columns read per chunk from another table.
PER_CHUNK = ("need_area_names", "consent_column")
CONSENT_FIELDS = ("contact_id", "scope", "given_on", "withdrawn_on", "renew_by")


class ContactRows:
    """Cells of the contact export for ``columns``; :meth:`supports` says whether every
    column is one this class knows (a site that adds its own falls back to the admin's)."""

    def __init__(self, columns, empty_for):
        self.columns = columns
        self.empties = [empty_for(column) for column in columns]
        fields = [FIELDS[column] for column in columns if column in FIELDS]
        self.fields = ["pk", *(field for field in fields if field != "pk")]
        labels = choice_labels(VeteranContact, self.fields)
        position = {field: index for index, field in enumerate(self.fields)}
        self.cells = [self._cell(column, position, labels) for column in columns]

    @staticmethod
    def supports(columns):
        return all(column in FIELDS or column in PER_CHUNK for column in columns)

    @staticmethod
    def _cell(column, position, labels):
        if column in PER_CHUNK:
            return column, None
        field = FIELDS[column]
        if field == "pk":
            return position["pk"], reference_for
        convert = labels.get(field)
        return position[field], (lambda code, get=convert.get: get(code, code)) if convert \
            else None

    def read_from(self, queryset):
        # The admin's prefetches would run per chunk on tuples; the chunk's own queries
        # replace them.
        return queryset.prefetch_related(None).values_list(*self.fields)

    def per_chunk(self, ids):
        areas, consents = {}, {}
        through = VeteranContact.need_areas.through
        if "need_area_names" in self.columns:
            for contact_id, name in (through.objects.filter(veterancontact_id__in=ids)
                                     .order_by("needarea__sort_order", "needarea__name")
                                     .values_list("veterancontact_id", "needarea__name")):
                areas.setdefault(contact_id, []).append(name)
        if "consent_column" in self.columns:
            for consent in VeteranConsent.objects.filter(contact_id__in=ids).only(
                    *CONSENT_FIELDS):
                consents.setdefault(consent.contact_id, []).append(consent)
        return {"need_area_names": {key: ", ".join(names) for key, names in areas.items()},
                "consent_column": consents}

    def rows(self, chunk):
        looked_up = self.per_chunk([row[0] for row in chunk])
        names, consents = looked_up["need_area_names"], looked_up["consent_column"]
        state_label, today = rules.State.LABELS, rules.today()
        rows = []
        for row in chunk:
            cells = []
            for (index, convert), empty in zip(self.cells, self.empties, strict=True):
                if index == "need_area_names":
                    value = names.get(row[0])
                elif index == "consent_column":
                    value = str(state_label[rules.registration_state(consents.get(row[0], []),
                                                                     on=today)])
                else:
                    value = row[index] if convert is None else convert(row[index])
                if not value:
                    value = empty  # the admin's "-", which is no formula
                elif isinstance(value, str) and value[0] in FORMULA_FIRST and value != empty:
                    value = neutralise(value)
                cells.append(value)
            rows.append(cells)
        return rows
