"""Who may do what with learning notes and recommendations.

The advisor's group writes notes (page permissions on the learning index, given by ``seed()``
once the index exists) and keeps the recommendations and their follow-up. Staff read the
intranet with a login and need no admin permission. Managers do not answer recommendations in
the admin: the unit answers the advisor, who records the response and the status. That keeps the
advisor's records out of the administration's reach.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission

from ..provisioning import ADVISOR_GROUP
from .models import LearningNoteIndexPage

GROUP_PERMISSIONS = {
    ADVISOR_GROUP: [
        *(f"borgerraadgiver_learning.{action}_recommendation"
          for action in ("add", "change", "delete", "view")),
        "borgerraadgiver_learning.view_recommendationstatuschange",
        "borgerraadgiver_learning.view_noteread",
    ],
}

#: Page permissions of the advisor's group on every learning index.
INDEX_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant_index_permissions():
    """Let the advisor's group write and publish notes under every learning index."""
    group = Group.objects.filter(name=ADVISOR_GROUP).first()
    if group is None:
        return 0
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore",
                                            codename__in=INDEX_PAGE_PERMISSIONS)
    created = 0
    for index in LearningNoteIndexPage.objects.all():
        for permission in permissions:
            _permission, made = GroupPagePermission.objects.get_or_create(
                group=group, page=index, permission=permission)
            created += made
    return created


def seed():
    return {(_("page permission on a learning index"),
             _("page permissions on learning indexes")): grant_index_permissions()}
