"""The advisor's access-request screen (indsigt): search for a person, tick the records that are
theirs, download one ZIP. Searching and exporting are in :mod:`...subject_access`."""

import tempfile

from django import forms
from django.http import FileResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import subject_access
from ...refusal import PermissionRequiredMixin
from ..models import Case
from ..subject_access import PERMISSION

URL_NAME = "borgerraadgiver_cases_access_request"
AUDIT_OBJECT = "access-request"


class AccessRequestSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail or phone"),
                        max_length=subject_access.QUERY_MAX_LENGTH)

    def clean_q(self):
        query = subject_access.normalise(self.cleaned_data["q"])
        if len(query) < 2:
            raise forms.ValidationError(_("Write at least two characters."))
        return query


class AccessRequestView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "borgerraadgiver_cases/admin/access_request.html"
    page_title = _("Access request")
    header_icon = "user"
    permission, denied_model, denied_object = PERMISSION, Case, AUDIT_OBJECT

    def get_context_data(self, **kwargs):
        return super().get_context_data(url=reverse(URL_NAME), **kwargs)

    def get(self, request, *args, **kwargs):
        if "q" not in request.GET:
            return self.render_to_response(self.get_context_data(form=AccessRequestSearchForm()))
        return self.show_results(AccessRequestSearchForm(request.GET))

    def post(self, request, *args, **kwargs):
        form = AccessRequestSearchForm(request.POST)
        if not form.is_valid():
            return self.show_results(form)
        found = subject_access.search(request.user, form.cleaned_data["q"])
        records = subject_access.chosen(found, request.POST.getlist("records"))
        if not records:
            return self.show_results(form, found, chosen=set(),
                                     error=_("Choose at least one record to download."))
        # The ZIP waits on disk, not in memory, until it is sent (see ...streaming).
        output = tempfile.TemporaryFile()
        subject_access.write_zip(request.user, records, output, query=found.query)
        output.seek(0)
        response = FileResponse(output, as_attachment=True, content_type="application/zip",
                                filename=subject_access.filename())
        response["Cache-Control"] = "private, no-store"
        return response

    def show_results(self, form, found=None, chosen=None, error=""):
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if found is None:
            found = subject_access.search(self.request.user, form.cleaned_data["q"])
            subject_access.log_search(self.request.user, found, Case)
        if chosen is None:  # one person found: all theirs; several: the advisor chooses
            chosen = {record.key for record in found.records} \
                if len(found.candidates) == 1 else set()
        return self.render_to_response(self.get_context_data(
            form=form, found=found, chosen=chosen, error=error),
            status=400 if error else 200)


class AccessRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
