"""Who may do what in the registry: model permissions plus checks on each record."""

from wagtail_modeladmin.helpers import PermissionHelper

from .. import audit


def _contact_of(obj):
    return obj if hasattr(obj, "anonymised_at") else getattr(obj, "contact", None)


class RegistryPermissionHelper(PermissionHelper):
    """Listing needs the *view* permission itself (not just any permission on the model), and
    an anonymised contact, or a record of one, can be looked at but no longer changed."""

    def user_can_list(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("view"))

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_list(user)

    def user_can_edit_obj(self, user, obj):
        contact = _contact_of(obj)
        if contact is not None and contact.anonymised_at:
            return False
        return super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        # The log and referrals of an anonymised contact stay, so the statistics do not change.
        contact = getattr(obj, "contact", None)
        if contact is not None and contact.anonymised_at:
            return False
        return super().user_can_delete_obj(user, obj)


def record_denied(request, model, instance_pk=None):
    """Log a refused attempt on the registry (see :func:`audit.record_denied`)."""
    return audit.record_denied(request, model, instance_pk, listing_id="*")
