"""Træffetider og udekontor: where and when the advisor meets citizens, and their bookings.

A session is public information (place, time, kind, a short note). A booking holds the
minimum to meet a person: a name and a phone number or an e-mail address, never what the
matter is. Its name and contact are emptied by retention a fixed time after the session
(``cases.outreach.retention``); the row stays, so a past session keeps its counts.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ... import dates
from ...public_forms import new_receipt_token


class SessionKind(models.TextChoices):
    DROP_IN = "DROP_IN", _("Drop-in")
    BOOKING = "BOOKING", _("By appointment")
    PHONE = "PHONE", _("Phone hours")


class OutreachSessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Sessions that have not ended yet, cancelled ones included (they say so)."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def held_between(self, start_at, end_at):
        """Sessions that took place (not cancelled) and began in ``[start_at, end_at)``."""
        return self.filter(cancelled=False, starts_at__gte=start_at, starts_at__lt=end_at)


class OutreachSession(models.Model):
    """One træffetid: a place and a time the advisor can be met, by drop-in, by
    appointment (bookable slots) or on the phone."""

    wagtail_reference_index_ignore = True

    place_name = models.CharField(_("place"), max_length=120,
                                  help_text=_("For example “Store Heddinge Bibliotek”."))
    address = models.CharField(_("address"), max_length=200, blank=True,
                               help_text=_("Street and town. Empty for phone hours."))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices,
                            default=SessionKind.DROP_IN)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length in minutes"), default=20,
        help_text=_("By appointment: the length of one booking."))
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), null=True, blank=True,
        help_text=_("By appointment: the most bookings taken. Empty: one per slot."))
    public_note = models.CharField(
        _("public note"), max_length=300, blank=True,
        help_text=_("Shown to citizens, e.g. “Meet us by the entrance”. No personal data."))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancellation_note = models.CharField(
        _("cancellation note"), max_length=300, blank=True,
        help_text=_("Shown to citizens when the session is cancelled."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutreachSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("outreach session")
        verbose_name_plural = _("outreach sessions")

    def __str__(self):
        return f"{self.place_name}, {dates.show(self.starts_at)}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if self.kind == SessionKind.BOOKING:
            if not self.slot_minutes:
                errors["slot_minutes"] = _("A session by appointment needs a slot length.")
            elif self.starts_at and self.ends_at and not errors and not self.slot_starts():
                errors["slot_minutes"] = _("The session is shorter than one slot.")
        if self.cancelled and not self.cancellation_note:
            errors["cancellation_note"] = _("Tell citizens that the session is cancelled, and "
                                            "where they can go instead.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_bookable_kind(self):
        return self.kind == SessionKind.BOOKING

    def slot_starts(self):
        """Every slot's start, from the session's start while a whole slot fits."""
        if not (self.slot_minutes and self.starts_at and self.ends_at):
            return []
        length = datetime.timedelta(minutes=self.slot_minutes)
        slots, start = [], self.starts_at
        while start + length <= self.ends_at:
            slots.append(start)
            start += length
        return slots

    @property
    def places(self):
        """How many bookings the session takes."""
        slots = len(self.slot_starts())
        return min(slots, self.capacity) if self.capacity else slots


class OutreachBookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class OutreachBooking(models.Model):
    """A citizen's appointment in one slot of a session by appointment."""

    wagtail_reference_index_ignore = True

    session = models.ForeignKey(OutreachSession, verbose_name=_("session"),
                                on_delete=models.PROTECT, related_name="bookings")
    slot_start = models.DateTimeField(_("time"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    case = models.ForeignKey("borgerraadgiver_cases.Case", verbose_name=_("case"), null=True,
                             blank=True, on_delete=models.SET_NULL,
                             related_name="outreach_bookings")
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The receipt and the cancellation link; both die (new tokens) with the anonymisation.
    receipt_token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                                     editable=False)
    cancel_token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                                    editable=False)
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                      editable=False)

    objects = OutreachBookingQuerySet.as_manager()

    class Meta:
        ordering = ["slot_start", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # The database's own guard: one live booking per slot, whatever races.
            models.UniqueConstraint(fields=["session", "slot_start"],
                                    condition=Q(cancelled_at__isnull=True),
                                    name="br_outreach_one_booking_per_slot"),
        ]

    def __str__(self):
        return _("Booking %(number)s") % {"number": self.pk}

    @property
    def slot_end(self):
        return self.slot_start + datetime.timedelta(minutes=self.session.slot_minutes)
