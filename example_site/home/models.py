from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import BodyBlock


class HomePage(Page):
    """The municipality's front page. Any page of the site can embed plugin blocks."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]


class ContentPage(Page):
    """An ordinary page of the municipality's site."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]


class BaselineFormField(AbstractFormField):
    page = ParentalKey("BaselineFormPage", on_delete=models.CASCADE, related_name="form_fields")


class BaselineFormPage(AbstractEmailForm):
    """A plain Wagtail form-builder page, the baseline the complaint form is benchmarked
    against (tests/benchmarks/bench_form_submit.py)."""

    content_panels = [*AbstractEmailForm.content_panels, InlinePanel("form_fields"),
                      FieldPanel("to_address")]
