"""The citizen's way in: the complaint and inquiry form page, and its receipt."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from ...models.site_settings import BorgerraadgiverSettings, split_addresses, validate_addresses
from ...public_form_page import PublicFormPage
from ...public_forms import find_by_token
from .. import intake, public_status, survey, triage, uploads
from ..forms import ComplaintForm, StatusLinkForm, SurveyForm
from .case import Case


class ComplaintFormPage(PublicFormPage):
    """Klage- og henvendelsesformular: where citizens reach the advisor.

    A :class:`~borgerraadgiver_plugin.public_form_page.PublicFormPage` whose form
    (:class:`~borgerraadgiver_plugin.cases.forms.ComplaintForm`) creates a :class:`Case`, its
    files and its e-mails (:func:`~borgerraadgiver_plugin.cases.intake.submit`). Override
    :meth:`get_form_class` to add or change questions.
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
        *PublicFormPage.content_panels,
        FieldPanel("remit_text"),
        FieldPanel("what_happens_next"),
        FieldPanel("thank_you_text"),
    ]
    settings_panels = [
        *PublicFormPage.settings_panels,
        MultiFieldPanel([FieldPanel("allow_attachments"), FieldPanel("allow_anonymous_guidance"),
                         FieldPanel("notification_emails")], heading=_("Form")),
    ]
    template = "borgerraadgiver_cases/complaint_form_page.html"
    receipt_template = "borgerraadgiver_cases/complaint_form_receipt.html"
    rate_limit_scope = "complaint-form"

    class Meta:
        verbose_name = _("complaint form page")

    @property
    def notification_addresses(self):
        return split_addresses(self.notification_emails)

    def get_form_class(self):
        return ComplaintForm

    def get_form_kwargs(self, request):
        settings = BorgerraadgiverSettings.for_request(request)
        return {"page": self, "limits": uploads.Limits.from_settings(settings)}

    def get_form_context(self, request, form=None):
        return {**super().get_form_context(request, form),
                "triage_guidance": triage.all_guidance(),
                "status_link_url": self.status_link_url(request)}

    def process_form_submission(self, request, form):
        settings = BorgerraadgiverSettings.for_request(request)
        return intake.submit(form, page=self, settings=settings, request=request)

    def get_resent_record(self, form):
        return intake.stored_before(form)

    def get_receipt_record(self, token):
        return find_by_token(Case.objects.only(*public_status.FIELDS), token)

    def get_receipt_context(self, request, record):
        """The receipt, which is also the case's private status page later on."""
        if record is None:  # the decoy receipt of a honeypot hit
            return {"case": None, "status": public_status.PublicStatus(public_status.RECEIVED)}
        return {
            "case": record,
            "status": public_status.public_status(record),
            "status_link_url": self.status_link_url(request),
            "guidance": triage.guidance_for_reason(record.suggested_rejection_reason),
            "age_limit_months": BorgerraadgiverSettings.for_request(
                request).complaint_age_limit_months,
        }

    # Asking for the receipt link again (send-link-igen/): the answer is the same whether or
    # not the reference and address matched a case.

    def status_link_url(self, request, sent=False):
        return self.get_url(request) + self.reverse_subpage(
            "status_link_sent" if sent else "status_link")

    @path("send-link-igen/", name="status_link")
    def status_link_view(self, request):
        if request.method != "POST":
            return self.render_status_link(request, StatusLinkForm())

        def send(form):
            full_url = self.get_full_url(request)
            return public_status.send_link_again(
                form.cleaned_data["reference"], form.cleaned_data["email"],
                lambda case: full_url + self.reverse_subpage(
                    "receipt", kwargs={"token": case.receipt_token}))

        return self.handle_post(
            request, StatusLinkForm(request.POST), f"{self.get_rate_limit_scope()}:status-link",
            render=lambda form, **kwargs: self.render_status_link(request, form),
            process=send, done=lambda result: redirect(self.status_link_url(request, sent=True)),
        )

    @path("send-link-igen/sendt/", name="status_link_sent")
    def status_link_sent_view(self, request):
        return self.render_status_link(request, None, sent=True)

    def render_status_link(self, request, form, sent=False):
        response = self.render(request, template="borgerraadgiver_cases/status_link_page.html",
                               context_overrides={"form": form, "sent": sent,
                                                  "form_action": self.status_link_url(request)})
        response["X-Robots-Tag"] = "noindex"
        return response

    # The satisfaction survey (tilfredshed/<token>/), linked from the e-mail sent on closing.

    @classmethod
    def survey_link(cls, token):
        """The survey's full address on the first live form page, or None without one."""
        page = cls.objects.live().first()
        base = page.get_full_url() if page is not None else None
        if not base:
            return None
        return base + page.reverse_subpage("survey", kwargs={"token": token})

    @path("tilfredshed/<str:token>/", name="survey")
    def survey_view(self, request, token):
        invitation = survey.find_invitation(token)
        if invitation is None:
            raise Http404
        if invitation.answered or invitation.voided:
            return self.render_survey(request, None, invitation)
        if request.method != "POST":
            return self.render_survey(request, SurveyForm(), invitation)

        def keep(form):
            try:
                return survey.record_answer(invitation, **{
                    name: form.cleaned_data[name]
                    for name in ("heard", "understood", "would_return", "comment")})
            except survey.SurveyClosed:
                return None

        return self.handle_post(
            request, SurveyForm(request.POST), f"{self.get_rate_limit_scope()}:survey",
            render=lambda form, **kwargs: self.render_survey(request, form, invitation),
            process=keep,
            done=lambda answer: redirect(request.path),
        )

    def render_survey(self, request, form, invitation):
        """The survey's form, or (``form`` None) what a used or voided link says."""
        response = self.render(request, template="borgerraadgiver_cases/survey_page.html",
                               context_overrides={"form": form, "invitation": invitation,
                                                  "form_action": request.path})
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        # Not "no-referrer": the browser would then send "Origin: null" with the answer, which
        # Django's CSRF check refuses. Same-origin keeps the link from other sites all the same.
        response["Referrer-Policy"] = "same-origin"
        return response
