"""Who a case can be assigned to: the members of the Borgerrådgiver group, shown by name."""

from django import forms
from django.contrib.auth import get_user_model

from ..provisioning import ADVISOR_GROUP


def advisors(also=None):
    """Active members of the advisor group by name; ``also`` (a user id) keeps a case's
    current assignee choosable after they left the group, so an unchanged form still saves."""
    users = get_user_model().objects.filter(groups__name=ADVISOR_GROUP, is_active=True)
    if also:
        users = users | get_user_model().objects.filter(pk=also)
    return users.distinct().order_by("first_name", "last_name", "username")


def advisor_name(user):
    """The full name, or the username of an account that has none."""
    return user.get_full_name() or user.get_username() if user else ""


class AdvisorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return advisor_name(obj)
