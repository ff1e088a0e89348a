"""What a person's rights leave on a record: a restriction (begrænsning) and an erasure on
request, each with who, when and why. Cases and veteran contacts both carry these fields."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RestrictableQuerySet(models.QuerySet):
    def unrestricted(self):
        """Records that may be listed, exported or named in a statistics list."""
        return self.filter(restricted_at__isnull=True)


class DataSubjectRights(models.Model):
    """Abstract: the restriction and the erasure decision of one record (rules: ``erasure``).

    A restricted record is kept but hidden from listings, exports and lists of individual
    records until the restriction is lifted; counts in the statistics still include it. The
    erasure fields are the evidence kept after the record was anonymised on request.
    """

    restricted_at = models.DateTimeField(_("restricted"), null=True, blank=True, editable=False)
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("restricted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False)
    restriction_reason = models.TextField(_("reason for the restriction"), blank=True,
                                          editable=False)
    erased_at = models.DateTimeField(_("erased on request"), null=True, blank=True,
                                     editable=False)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("erased by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False)
    erasure_reason = models.TextField(_("reason for the erasure"), blank=True, editable=False)
    erasure_decided_by = models.CharField(_("erasure decided by"), max_length=200, blank=True,
                                          editable=False)

    #: Fields holding the person's name, so a reason that repeats it is refused.
    NAME_FIELDS = ()
    #: Emptied by anonymisation (the restriction's reason may describe the person).
    RIGHTS_TEXT_FIELDS = ("restriction_reason", "erasure_reason", "erasure_decided_by")

    class Meta:
        abstract = True

    @property
    def is_restricted(self):
        return self.restricted_at is not None

    def legal_hold_reason_text(self):
        """The reason of a legal hold that keeps this record, or "" when none does.
        A record type with legal holds overrides this."""
        return ""
