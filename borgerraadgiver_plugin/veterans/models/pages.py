"""The public contact-request page of the veteran coordinator, and its receipt."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from ...public_form_page import PublicFormPage
from ...public_forms import find_by_token, submission_key
from ..forms import ContactRequestForm
from ..intake import register_request, requested_before
from .contact import VeteranContact


class VeteranContactPage(PublicFormPage):
    """Kontakt veterankoordinatoren: a veteran or relative asks to be contacted.

    A :class:`~borgerraadgiver_plugin.public_form_page.PublicFormPage` whose valid form stores
    the contact, the registration consent and an outbox notice in one transaction
    (:func:`~borgerraadgiver_plugin.veterans.intake.register_request`).
    """

    thank_you = RichTextField(_("receipt text"), blank=True)
    notification_email = models.EmailField(
        _("notify this address"), blank=True,
        help_text=_("Who is told of a new request (no content is sent). Empty: every user "
                    "in the Veterankoordinator group."))

    content_panels = [*PublicFormPage.content_panels, FieldPanel("thank_you"),
                      FieldPanel("notification_email")]
    template = "borgerraadgiver_veterans/veteran_contact_page.html"
    receipt_template = "borgerraadgiver_veterans/veteran_contact_receipt.html"
    rate_limit_scope = "veteran-request"

    class Meta:
        verbose_name = _("veteran contact page")

    def get_form_class(self):
        return ContactRequestForm

    def process_form_submission(self, request, form):
        return register_request(form.cleaned_data, nonce=submission_key(form), page=self)

    def get_resent_record(self, form):
        return requested_before(submission_key(form))

    def get_receipt_record(self, token):
        return find_by_token(VeteranContact.objects.only("pk", "receipt_token"), token)

    def get_receipt_context(self, request, record):
        return {"contact": record}
