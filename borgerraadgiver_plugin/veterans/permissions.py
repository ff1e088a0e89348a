"""Who may do what in the registry: model permissions plus checks on each record."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry
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
    """Log a refused attempt on the registry: on the record when there is one, else on the
    model (an index, create or export URL)."""
    instance = None
    if instance_pk is not None:
        try:
            instance = model._default_manager.filter(pk=instance_pk).first()
        except (ValueError, TypeError):
            instance = None
    data = {"path": request.path[:200], "method": request.method}
    if instance is not None:
        return audit.record(request.user, instance, audit.DENIED, **data)
    user = request.user if request.user.is_authenticated else None
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model), label=str(model._meta.verbose_name),
        action=audit.DENIED, timestamp=timezone.now(), data=data, user=user,
        object_id=str(instance_pk or "*")[:255],
    )
