"""The one contract of every public form page: form, spam defence, storing, receipt.

A citizen's form is a routable page. GET ``""`` shows the form; POST validates it without side
effects and, when it is valid and human, stores it in one transaction
(:func:`~borgerraadgiver_plugin.public_forms.store`), then redirects (POST/redirect/GET) to
``kvittering/<token>/``, a receipt behind an unguessable token that never sets a session
cookie. The honeypot, the signed render-time token
(:class:`~borgerraadgiver_plugin.spam.SpamProtectedForm`), the rate limit and the answers to a
refusal (429, 503) live here, so each new public form is a subclass, not a second build.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import conf, public_forms
from .pages import IntroPage
from .spam import over_limit, rate_limited

RATE_LIMITED = _("You have sent the form many times in a short while. Please wait a while and "
                 "send it again, or call us instead.")


class PublicFormPage(RoutablePageMixin, IntroPage):
    """An abstract page with a public form and a receipt.

    Override points, in the order a submission meets them:

    ``get_form_class()``
        The form: a :class:`~borgerraadgiver_plugin.spam.SpamProtectedForm` subclass.
        Required.
    ``get_form_kwargs(request)``
        Extra keyword arguments for the form (the page, the site's limits). Default: none.
    ``get_form_context(request, form=None)``
        What the form's templates need (``form``, ``form_page``, ``form_action``); extend it to
        add more. Also used where the form is embedded in another page.
    ``process_form_submission(request, form)``
        Store a valid, human form and return the stored record, which has a unique, unguessable
        ``receipt_token``. Runs inside one transaction with a bounded lock wait. Store the
        form's :func:`~borgerraadgiver_plugin.public_forms.submission_key` in a unique column:
        a second submit of the same rendered form with the same content then fails on it and
        is answered by ``get_resent_record``. It may raise
        :class:`~borgerraadgiver_plugin.public_forms.Rejected` when what was sent cannot be
        stored after all (a slot taken a moment before): the form is shown again with that
        message (409) and nothing is kept. Required.
    ``get_resent_record(form)``
        The record the same submission was stored as before (by its ``submission_key``), or
        None. Called only when storing failed on a unique key, after the rollback; a double
        click or a retry then lands on the first receipt. May raise ``Rejected`` when the key
        that refused is somebody else's. Default: None (the error is raised).
    ``get_receipt_record(token)``
        The record a receipt token belongs to, or None (the receipt answers 404). Required;
        look it up with :func:`~borgerraadgiver_plugin.public_forms.find_by_token`, which
        compares the token in constant time. An address that has tried
        ``BORGERRAADGIVER_RECEIPT_MISS_LIMIT`` unknown tokens in a window gets 429 for every
        receipt link until the window ends.
    ``get_receipt_context(request, record)``
        What the receipt template needs besides ``page``. ``record`` is None on the decoy
        receipt a honeypot hit gets. Default: ``{"record": record}``.
    ``template`` / ``receipt_template``
        The form page's and the receipt's templates; both extend the site's base template.
    ``rate_limit_scope``
        The rate-limit counter of this kind of page (default: the model's label); the limit
        itself is the same for every public form (``BORGERRAADGIVER_FORM_RATE_LIMIT`` POSTs per
        ``BORGERRAADGIVER_RATE_WINDOW`` seconds and address).

    An invalid form is shown again with status 200, what was written kept; a rejected one
    with 409; a rate-limited
    POST with 429 and a storage fault with 503, both with ``Retry-After``.
    """

    receipt_template = None
    rate_limit_scope = None

    class Meta:
        abstract = True

    def get_form_class(self):
        raise NotImplementedError

    def get_form_kwargs(self, request):
        return {}

    def get_form(self, request, data=None, files=None):
        return self.get_form_class()(data, files, **self.get_form_kwargs(request))

    def get_form_context(self, request, form=None):
        return {
            "form": form if form is not None else self.get_form(request),
            "form_page": self,
            "form_action": self.get_url(request),
        }

    def process_form_submission(self, request, form):
        raise NotImplementedError

    def get_resent_record(self, form):
        return None

    def get_receipt_record(self, token):
        raise NotImplementedError

    def get_receipt_context(self, request, record):
        return {"record": record}

    def get_rate_limit_scope(self):
        return self.rate_limit_scope or self._meta.label_lower

    @path("")
    def form_view(self, request):
        if request.method != "POST":
            return self.render_form(request)

        def done(record):  # None: a honeypot hit, which looks like success
            if record is None:
                return self.render_receipt(request, None)
            return redirect(self.receipt_url(request, record, posted=True))

        return self.handle_post(
            request, self.get_form(request, request.POST, request.FILES),
            self.get_rate_limit_scope(),
            render=lambda form, **kwargs: self.render_form(request, form, **kwargs),
            process=lambda form: self.process_form_submission(request, form), done=done,
            resent=self.get_resent_record,
        )

    def handle_post(self, request, form, scope, *, render, process, done, resent=None):
        """A POST of any of this page's public forms (the main form or a smaller one on a
        subpage): rate limit, validation, honeypot, then ``process(form)`` in one transaction
        (:func:`~borgerraadgiver_plugin.public_forms.store`) and ``done(result)``; a honeypot
        hit gets ``done(None)`` and stores nothing. When a unique key refuses ``process``,
        ``resent(form)`` may name the record the same submission was stored as before.
        ``render(form, not_stored=False)`` shows the form again."""
        if rate_limited(request, scope):
            form.is_valid()  # the answers are shown again, checked
            form.add_error(None, RATE_LIMITED)
            return public_forms.refused(render(form), 429, request, scope)
        if not form.is_valid():
            return render(form)
        if form.is_bot:
            return done(None)
        try:
            result = public_forms.store(lambda: process(form),
                                        resent=resent and (lambda: resent(form)))
        except public_forms.Rejected as rejected:
            form.add_error(rejected.field, rejected.message)
            return public_forms.refused(render(form), 409)
        except public_forms.NotStored:
            form.add_error(None, public_forms.NOT_STORED)
            return public_forms.refused(render(form, not_stored=True), 503)
        return done(result)

    @path("kvittering/<str:token>/", name="receipt")
    def receipt_view(self, request, token):
        scope = f"{self.get_rate_limit_scope()}:receipt-miss"
        limit = conf.get("BORGERRAADGIVER_RECEIPT_MISS_LIMIT")
        if over_limit(request, scope, limit):
            response = self.render(request, template="borgerraadgiver/receipt_refused.html")
            return public_forms.refused(response, 429, request, scope)
        record = self.get_receipt_record(token)
        if record is None:
            rate_limited(request, scope, limit=limit)  # counts the miss
            raise Http404
        return self.render_receipt(request, record)

    def render_form(self, request, form=None, not_stored=False):
        context = {**self.get_form_context(request, form), "not_stored": not_stored}
        return self.render(request, context_overrides=context)

    def render_receipt(self, request, record):
        """The receipt, never cached, indexed or leaking its address to another site."""
        response = self.render(request, template=self.receipt_template,
                               context_overrides=self.get_receipt_context(request, record))
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response

    def receipt_url(self, request, record, posted=False):
        """``record``'s receipt. ``posted``: ``request`` is the form's POST, served at this
        page's own address, so that address is ``request.path`` and need not be looked up."""
        if posted and request.path.endswith("/") and not getattr(request, "is_preview", False):
            base = request.path
        else:
            base = self.get_url(request)
        return base + self.reverse_subpage("receipt", kwargs={"token": record.receipt_token})
