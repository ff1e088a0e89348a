"""The import screen (advisor only): upload a log, see every problem or a preview, confirm.
The rules are in :mod:`..importing`; the upload waits in private storage between the steps
(:class:`..import_files.PendingImport`)."""

from django import forms
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ...refusal import PermissionRequiredMixin
from ...storage import private_storage
from .. import importing
from ..import_files import EXTENSIONS, PendingImport
from ..models import Case

URL_NAME = "borgerraadgiver_cases_import"
PERMISSION = "borgerraadgiver_cases.add_case"
MAX_UPLOAD = 20 * 1024 * 1024
PREVIEW_ROWS = 20


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The log (.xlsx or .csv)"), allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
    mapping = forms.FileField(
        label=gettext_lazy("Mapping file (.toml, optional)"), required=False,
        allow_empty_file=True, help_text=gettext_lazy(
            "Which column holds which case field, and the municipality's own codes. Without "
            "one the columns are Sagsnummer, Modtaget, Kanal, Type, Område, Temaer, "
            "Resultat, Afsluttet and Resumé."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than %(mb)s MB; split it.") % {
                "mb": MAX_UPLOAD // (1024 * 1024)})
        return upload

    def clean_mapping(self):
        upload = self.cleaned_data.get("mapping")
        if not upload:
            return None
        try:
            text = upload.read(1024 * 1024).decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The mapping file is not UTF-8 text.")) from None
        try:
            importing.Mapping.load(text)
        except importing.MappingError as error:
            raise forms.ValidationError(str(error)) from None
        return text


class ImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "borgerraadgiver_cases/admin/import.html"
    page_title = gettext_lazy("Import a case log")
    header_icon = "upload"
    permission, denied_model, denied_object = PERMISSION, Case, "import"

    @property
    def pending(self):
        return PendingImport(private_storage())

    def get_breadcrumbs_items(self):
        return [{"url": reverse("borgerraadgiver_cases_case:list"), "label": _("Cases")},
                {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(url=reverse(URL_NAME), **kwargs)

    def get(self, request, *args, **kwargs):
        self.pending.purge(timezone.now())
        return self.render_to_response(self.get_context_data(form=ImportUploadForm()))

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request.POST["token"])
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        data = upload.read()
        mapping_text = form.cleaned_data["mapping"]
        plan = importing.read(upload.name, data, importing.Mapping.load(mapping_text))
        if not plan.ok:
            return self.render_to_response(self.get_context_data(
                form=ImportUploadForm(), plan=plan, file_name=upload.name), status=400)
        token = self.pending.save(upload.name, data, mapping_text)
        return self.render_to_response(self.get_context_data(
            plan=plan, preview=plan.rows[:PREVIEW_ROWS], token=token, file_name=upload.name))

    def confirm(self, token):
        pending = self.pending.load(token)
        if pending is None:
            messages.error(self.request, _("This import has been done already or has "
                                           "expired. Upload the file again."))
            return self.render_to_response(self.get_context_data(form=ImportUploadForm()),
                                           status=400)
        name, data, mapping_text = pending
        # Read again: the vocabularies or earlier imports may have changed since the preview.
        plan = importing.read(name, data, importing.Mapping.load(mapping_text))
        if not plan.ok:
            self.pending.discard(token)
            return self.render_to_response(self.get_context_data(
                form=ImportUploadForm(), plan=plan, file_name=name), status=400)
        created = importing.commit(plan, self.request.user, name, via="admin")
        self.pending.discard(token)
        messages.success(self.request, _("%(count)s cases were imported from %(name)s.") % {
            "count": len(created), "name": name})
        return self.render_to_response(self.get_context_data(
            imported=created[:PREVIEW_ROWS], imported_count=len(created), file_name=name,
            inspect_url_name="borgerraadgiver_cases_case:inspect"))
