from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceCounter(models.Model):
    """The last reference number used per prefix and year (see :mod:`..references`)."""

    prefix = models.CharField(_("prefix"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "year"], name="borgerraadgiver_counter_unique"
            )
        ]
        verbose_name = _("reference counter")

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"
