from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField

from borgerraadgiver_plugin.choices import CaseStatus, InquiryType
from borgerraadgiver_plugin.models import Area


class PlainCase(models.Model):
    """A case listing's columns in a stock Wagtail snippet.

    ``tests/benchmarks/bench_case_listing.py`` compares the plugin's case listing with the
    listing Wagtail gives this model out of the box, at the same number of rows.
    """

    reference = models.CharField(max_length=30, unique=True)
    received_at = models.DateTimeField(db_index=True)
    inquiry_type = models.CharField(max_length=20, choices=InquiryType.choices)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    status = models.CharField(max_length=20, choices=CaseStatus.choices, db_index=True)
    next_deadline = models.DateField(null=True, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "plain case (benchmark)"

    def __str__(self):
        return self.reference


class BaselineFormField(AbstractFormField):
    page = ParentalKey("BaselineFormPage", on_delete=models.CASCADE, related_name="form_fields")


class BaselineFormPage(AbstractEmailForm):
    """A plain Wagtail form-builder page, the baseline the complaint form is benchmarked
    against (tests/benchmarks/bench_form_submit.py)."""

    content_panels = [*AbstractEmailForm.content_panels, InlinePanel("form_fields"),
                      FieldPanel("to_address")]
