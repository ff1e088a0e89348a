"""The citizen's way in: the complaint and inquiry form page, and its receipt."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from ...models.site_settings import split_addresses, validate_addresses
from ...pages import IntroPage
from .case import Case

FORM_TEMPLATE = "borgerraadgiver_cases/complaint_form_page.html"
RECEIPT_TEMPLATE = "borgerraadgiver_cases/complaint_form_receipt.html"
RATE_SCOPE = "complaint-form"


class ComplaintFormPage(RoutablePageMixin, IntroPage):
    """Klage- og henvendelsesformular: where citizens reach the advisor.

    A plain Django form (:class:`~borgerraadgiver_plugin.cases.forms.ComplaintForm`) that
    creates a :class:`Case`; GET shows it, POST stores the case and redirects to a receipt at
    ``kvittering/<token>/``. Override :meth:`get_form_class` to add or change questions.
    """

    remit_text = RichTextField(
        _("what the citizen advisor can and cannot do"), blank=True,
        help_text=_("Shown before the form: the remit and its limits."),
    )
    what_happens_next = RichTextField(
        _("what happens next"), blank=True,
        help_text=_("Shown before the form and on the receipt."),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True,
                                   help_text=_("Shown on the receipt."))
    allow_attachments = models.BooleanField(_("allow attachments"), default=True)
    allow_anonymous_guidance = models.BooleanField(
        _("allow anonymous guidance"), default=True,
        help_text=_("Citizens may ask for guidance without a name. Complaints always need one."),
    )
    notification_emails = models.TextField(
        _("notification addresses"), blank=True, validators=[validate_addresses],
        help_text=_("Who is told of new inquiries from this page; separate addresses with "
                    "commas. Empty: the addresses in the citizen advisor settings."),
    )

    content_panels = [
        *IntroPage.content_panels,
        FieldPanel("remit_text"),
        FieldPanel("what_happens_next"),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = [
        *IntroPage.settings_panels,
        MultiFieldPanel([FieldPanel("allow_attachments"), FieldPanel("allow_anonymous_guidance"),
                         FieldPanel("notification_emails")], heading=_("Form")),
    ]
    template = FORM_TEMPLATE

    class Meta:
        verbose_name = _("complaint form page")

    @property
    def notification_addresses(self):
        return split_addresses(self.notification_emails)

    def get_form_class(self):
        from ..forms import ComplaintForm

        return ComplaintForm

    def form_context(self, request, form=None):
        """What the form's templates need; also used by the block and the template tag."""
        from ...models import BorgerraadgiverSettings
        from .. import triage, uploads

        settings = BorgerraadgiverSettings.for_request(request)
        limits = uploads.Limits.from_settings(settings)
        if form is None:
            form = self.get_form_class()(page=self, limits=limits)
        return {
            "form": form,
            "form_page": self,
            "form_action": self.get_url(request),
            "triage_guidance": triage.all_guidance(),
            "advisor_settings": settings,
        }

    @path("")
    def form_view(self, request):
        from ... import conf, public_forms
        from ...models import BorgerraadgiverSettings
        from ...spam import rate_limited
        from .. import intake, uploads

        if request.method != "POST":
            return self.render(request, context_overrides=self.form_context(request))
        settings = BorgerraadgiverSettings.for_request(request)
        form = self.get_form_class()(request.POST, request.FILES, page=self,
                                     limits=uploads.Limits.from_settings(settings))
        limited = rate_limited(request, RATE_SCOPE,
                               limit=conf.get("BORGERRAADGIVER_FORM_RATE_LIMIT"))
        status = 200
        if limited:
            form.is_valid()
            form.add_error(None, _(
                "You have sent the form many times in a short while. Please wait an hour and "
                "send it again, or call the citizen advisor."))
            status = 429
        elif form.is_valid():
            if form.is_bot:  # a honeypot hit: looks like success, stores nothing
                return self.render(request, template=RECEIPT_TEMPLATE,
                                   context_overrides={"case": None})
            try:
                submission = public_forms.store(
                    lambda: intake.submit(form, page=self, settings=settings))
            except public_forms.NotStored:
                form.add_error(None, public_forms.NOT_STORED)
                status = 503
            else:
                return redirect(self.receipt_url(request, submission.case, posted=True))
        response = self.render(request, context_overrides={
            **self.form_context(request, form), "not_stored": status == 503})
        return public_forms.refused(response, status, request, RATE_SCOPE)

    def receipt_url(self, request, case, posted=False):
        """The case's receipt. ``posted``: ``request`` is the form's POST, served at this
        page's own address, so that address is ``request.path`` and need not be looked up."""
        if posted and request.path.endswith("/") and not getattr(request, "is_preview", False):
            base = request.path
        else:
            base = self.get_url(request)
        return base + self.reverse_subpage("receipt", kwargs={"token": case.receipt_token})

    @path("kvittering/<str:token>/", name="receipt")
    def receipt_view(self, request, token):
        from ...models import BorgerraadgiverSettings
        from .. import triage

        case = Case.objects.filter(receipt_token=token).only(
            "reference", "received_at", "acknowledgement_due", "suggested_rejection_reason",
            "age_limit_exceeded", "citizen_email",
        ).first()
        if case is None:
            raise Http404
        response = self.render(request, template=RECEIPT_TEMPLATE, context_overrides={
            "case": case,
            "guidance": triage.guidance_for_reason(case.suggested_rejection_reason),
            "age_limit_months": BorgerraadgiverSettings.for_request(
                request).complaint_age_limit_months,
        })
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response
