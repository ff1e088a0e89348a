"""The rule for a coordination meeting's units (koordineringsmøde), shared by the coordination
screen (:mod:`.coordination`) and the activity log form (:mod:`.forms`). It reads the records
it is given and imports no models, so the form can use it without a cycle through the pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .. import dates


def check_meeting_units(contact, touchpoints, day):
    """A coordination meeting names at least one of the contact's units, each still current
    on the day of the meeting. Raises :class:`ValidationError` on the ``touchpoints`` field."""
    if not touchpoints:
        raise ValidationError({"touchpoints": _(
            "Name at least one municipal unit that took part in the meeting.")})
    problems = []
    for touchpoint in touchpoints:
        if touchpoint.contact_id != contact.pk:
            problems.append(_("%(unit)s is not one of this contact's units.") % {
                "unit": touchpoint.label})
        elif not touchpoint.is_current(day):
            ended = touchpoint.until if touchpoint.until and touchpoint.until < day \
                else touchpoint.area.valid_to
            problems.append(_("%(unit)s is no longer valid: it ended on %(day)s.") % {
                "unit": touchpoint.label, "day": dates.show(ended)})
    if problems:
        raise ValidationError({"touchpoints": problems})
