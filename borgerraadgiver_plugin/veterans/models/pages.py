from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from ... import public_forms
from ...pages import IntroPage
from ...spam import rate_limited

RECEIPT_SESSION_KEY = "borgerraadgiver_veteran_receipt"
RATE_SCOPE = "veteran-request"


class VeteranContactPage(IntroPage):
    """Kontakt veterankoordinatoren: a veteran or relative asks to be contacted.

    GET shows the form; a valid POST stores the contact, the registration consent and an
    outbox notice in one transaction, then redirects to the receipt (POST/redirect/GET).
    Override :meth:`process_request` to change what a request stores.
    """

    thank_you = RichTextField(_("receipt text"), blank=True)
    notification_email = models.EmailField(
        _("notify this address"), blank=True,
        help_text=_("Who is told of a new request (no content is sent). Empty: every user "
                    "in the Veterankoordinator group."))

    content_panels = [*IntroPage.content_panels, FieldPanel("thank_you"),
                      FieldPanel("notification_email")]
    template = "borgerraadgiver_veterans/veteran_contact_page.html"
    receipt_template = "borgerraadgiver_veterans/veteran_contact_receipt.html"

    class Meta:
        verbose_name = _("veteran contact page")

    def get_form(self, data=None):
        from ..forms import ContactRequestForm

        return ContactRequestForm(data)

    def process_request(self, form, request):
        from ...public_forms import submission_key
        from ..intake import register_request

        return register_request(form.cleaned_data, nonce=submission_key(form), page=self)

    def serve(self, request, *args, **kwargs):
        if request.GET.get("kvittering"):
            context = self.get_context(request)
            context["reference"] = request.session.get(RECEIPT_SESSION_KEY)
            return TemplateResponse(request, self.receipt_template, context)
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST)
            if rate_limited(request, RATE_SCOPE):
                form.is_valid()
                form.add_error(None, _("Too many requests from your connection. Please wait "
                                       "a while, or call us instead."))
                status = 429
            elif form.is_valid():
                if form.is_bot:  # a honeypot hit: looks like success, stores nothing
                    request.session[RECEIPT_SESSION_KEY] = None
                    return redirect(self.url + "?kvittering=1")
                try:
                    contact = public_forms.store(lambda: self.process_request(form, request))
                except public_forms.NotStored:
                    form.add_error(None, public_forms.NOT_STORED)
                    status = 503
                else:
                    request.session[RECEIPT_SESSION_KEY] = contact.reference
                    return redirect(self.url + "?kvittering=1")
            else:
                status = 400
        else:
            form = self.get_form()
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, self.get_template(request), context)
        return public_forms.refused(response, status, request, RATE_SCOPE)
