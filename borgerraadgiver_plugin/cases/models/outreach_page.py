"""Træffetider: the public page of the sessions, their calendar files and the booking form."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from ...public_form_page import PublicFormPage
from ...public_forms import submission_key
from ..outreach import booking, calendar, sessions
from ..outreach.forms import BookingForm
from .outreach import OutreachBooking, OutreachSession

FEED_NAME = _("The citizen advisor's office hours")


class OutreachPage(PublicFormPage):
    """Træffetider og udekontor: the next sessions, and a booking form for those by
    appointment (``?session=<id>``).

    A :class:`~borgerraadgiver_plugin.public_form_page.PublicFormPage`: the booking form has
    the honeypot, the render-time token and the rate limit of every public form, and its
    receipt (``kvittering/<token>/``) carries the link to cancel (``afmeld/<token>/``). Also
    serves the calendar files ``kalender/`` (every upcoming session, ``traeffetider.ics``) and
    ``<id>/kalender/`` (one session): Wagtail's page URLs end in a slash and have no dots.
    """

    booking_text = RichTextField(
        _("text above the booking form"), blank=True,
        help_text=_("Shown above the booking form. Empty: a standard text on why only a name "
                    "and a phone number or e-mail address are asked for."))

    content_panels = [*PublicFormPage.content_panels, FieldPanel("booking_text")]
    template = "borgerraadgiver_cases/outreach_page.html"
    receipt_template = "borgerraadgiver_cases/outreach_receipt.html"
    rate_limit_scope = "outreach-booking"

    class Meta:
        verbose_name = _("office hours page")

    # -- the public-form contract ------------------------------------------------------------

    def chosen_session(self, request):
        """The session named by ``?session=``, or None."""
        value = request.GET.get("session", "")
        if not value.isdigit() or len(value) > 10:
            return None
        return OutreachSession.objects.filter(pk=int(value)).first()

    def get_form_class(self):
        return BookingForm

    def get_form_kwargs(self, request):
        return {"session": self.chosen_session(request)}

    def get_form_context(self, request, form=None):
        context = super().get_form_context(request, form)
        session = context["form"].session
        context["session"] = session
        context["upcoming"] = sessions.upcoming()
        if session is not None:
            context["form_action"] = f"{context['form_action']}?session={session.pk}"
            context["session_when"] = sessions.when(session)
            context["session_where"] = sessions.where(session)
            reason = sessions.why_not_bookable(session)
            context["not_bookable"] = sessions.NOT_BOOKABLE[reason] if reason else ""
        elif request.GET.get("session"):
            context["not_bookable"] = sessions.NOT_BOOKABLE["past"]
        return context

    def process_form_submission(self, request, form):
        data = form.cleaned_data
        return booking.book(form.session.pk, data["slot"], data["name"], data.get("phone", ""),
                            data.get("email", ""), key=submission_key(form))

    def get_receipt_record(self, token):
        return (OutreachBooking.objects.filter(receipt_token=token, anonymised_at__isnull=True)
                .select_related("session").first())

    def get_receipt_context(self, request, record):
        if record is None:  # the decoy receipt of a honeypot hit
            return {"booking": None}
        return {"booking": record, **self._booking_context(record),
                "cancel_url": self.get_url(request) + self.reverse_subpage(
                    "cancel", kwargs={"token": record.cancel_token})}

    def _booking_context(self, record):
        return {"session_when": sessions.when(record.session),
                "slot_time": sessions.slot_label(record.slot_start),
                "session_where": sessions.where(record.session)}

    # -- cancelling --------------------------------------------------------------------------

    @path("afmeld/<str:token>/", name="cancel")
    def cancel_view(self, request, token):
        """GET asks (a link checker must not cancel); POST cancels."""
        record = (OutreachBooking.objects.filter(cancel_token=token, anonymised_at__isnull=True)
                  .select_related("session").first())
        if record is None:
            raise Http404
        cancelled_now = False
        if request.method == "POST":
            cancelled_now = booking.cancel(record)
            if cancelled_now:
                return redirect(request.path + "?afmeldt=1")
        context = {**self.get_context(request), **self._booking_context(record),
                   "booking": record, "can_cancel": booking.can_be_cancelled(record),
                   "just_cancelled": request.GET.get("afmeldt") == "1" and record.cancelled_at}
        response = TemplateResponse(request, "borgerraadgiver_cases/outreach_cancel.html",
                                    context)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response

    # -- calendar files ----------------------------------------------------------------------

    def _ics(self, request, session_list, filename):
        domain = request.get_host().split(":")[0] or "localhost"
        base = self.get_full_url(request)
        body = calendar.calendar(session_list, domain, str(FEED_NAME),
                                 url_for=lambda s: f"{base}?session={s.pk}")
        response = HttpResponse(body, content_type=calendar.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("kalender/", name="feed")
    def feed_view(self, request):
        return self._ics(request, list(OutreachSession.objects.upcoming(timezone.now())),
                         "traeffetider.ics")

    @path("<int:session_id>/kalender/", name="session_ics")
    def session_ics_view(self, request, session_id):
        session = OutreachSession.objects.filter(pk=session_id).first()
        if session is None:
            raise Http404
        return self._ics(request, [session], f"traeffetid-{session.pk}.ics")
