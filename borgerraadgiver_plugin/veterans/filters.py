"""List filters of the registry's index screens."""

import datetime

from django.contrib.admin import SimpleListFilter
from django.utils.translation import gettext_lazy as _

from . import consent as rules
from .models import ExternalPartner, VeteranContact

SOON_DAYS = 7


class ConsentStateFilter(SimpleListFilter):
    title = _("consent")
    parameter_name = "consent"

    def lookups(self, request, model_admin):
        return [("valid", _("Valid registration consent")),
                ("renewal", _("Due for renewal")),
                ("none", _("No valid registration consent"))]

    def queryset(self, request, queryset):
        valid = VeteranContact.objects.with_valid_registration()
        if self.value() == "valid":
            return queryset.filter(pk__in=valid.values("pk"))
        if self.value() == "renewal":
            return queryset.filter(pk__in=VeteranContact.objects.renewal_due().values("pk"))
        if self.value() == "none":
            return queryset.exclude(pk__in=valid.values("pk"))
        return queryset


class FollowUpFilter(SimpleListFilter):
    title = _("follow-up")
    parameter_name = "follow_up"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("week", _("Due within a week"))]

    def queryset(self, request, queryset):
        today = rules.today()
        if self.value() == "overdue":
            return queryset.filter(pk__in=VeteranContact.objects.follow_up_due(
                today - datetime.timedelta(days=1)).values("pk"))
        if self.value() == "week":
            return queryset.filter(pk__in=VeteranContact.objects.follow_up_due(
                today + datetime.timedelta(days=SOON_DAYS)).values("pk"))
        return queryset


class ActivityFollowUpFilter(FollowUpFilter):
    def queryset(self, request, queryset):
        today = rules.today()
        until = {"overdue": today - datetime.timedelta(days=1),
                 "week": today + datetime.timedelta(days=SOON_DAYS)}.get(self.value())
        if until is None:
            return queryset
        return queryset.filter(follow_up__isnull=False, follow_up__lte=until)


class PartnerFilter(SimpleListFilter):
    title = _("partner")
    parameter_name = "partner"

    def lookups(self, request, model_admin):
        return [(str(partner.pk), partner.name) for partner in ExternalPartner.objects.all()]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(referrals__partner_id=int(value)).distinct()
        return queryset
