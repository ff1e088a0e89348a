"""The letter and case-file screens of a case: steps of their own beside :mod:`.actions`."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import admin_forms, case_file, letters, workflow
from .actions import Action, CaseActionView

LETTER = Action(gettext_lazy("Write a letter"), admin_forms.LetterForm, None,
                gettext_lazy("The letter is stored on the case and queued to be sent."))
CASE_FILE = Action(gettext_lazy("Case file (PDF)"), admin_forms.CaseFileForm, None,
                   gettext_lazy("The case file is produced."))


class LetterView(CaseActionView):
    """``<case>/letter/``: choose a template, edit the text, preview it, send it."""

    template_name = "borgerraadgiver_cases/admin/letter_form.html"

    def get_action(self, kwargs):
        return LETTER

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Who cannot be written to, and why; with nobody to write to, nothing can be sent.
        recipients = ([letters.PARTY, letters.REPRESENTATIVE] if self.case.has_representative
                      else [letters.PARTY])
        notices = []
        for recipient in recipients:
            try:
                letters.ensure_addressable(self.case, recipient)
            except workflow.WorkflowRefused as refusal:
                notices.append(str(refusal))
        context["notices"] = notices
        context["refusal"] = len(notices) == len(recipients)
        context["case"] = self.case
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        recipient = data.get("recipient") or letters.PARTY
        poa_reason = data.get("poa_reason", "")
        if "use_template" in self.request.POST:
            if data["template"] is None:
                form.add_error("template", _("Choose a letter template first."))
                return self.form_invalid(form)
            subject, body = letters.draft(self.case, self.request.user, data["template"],
                                          recipient)
            fresh = self.get_form_class()(case=self.case, initial={
                "template": data["template"], "subject": subject, "body": body,
                "recipient": recipient, "poa_reason": poa_reason})
            return self.render_to_response(self.get_context_data(form=fresh))
        try:
            if "preview" in self.request.POST:
                letter = letters.preview(self.case, self.request.user, subject=data["subject"],
                                         body=data["body"], recipient=recipient,
                                         poa_reason=poa_reason)
                return self.render_to_response(self.get_context_data(form=form,
                                                                     preview=letter))
            letters.send_letter(self.case, self.request.user, subject=data["subject"],
                                body=data["body"], template=data["template"],
                                recipient=recipient, poa_reason=poa_reason)
        except workflow.WorkflowRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, str(self.action.message))
        return redirect(self.inspect_url)


class CaseFileView(CaseActionView):
    """``<case>/case-file/``: choose what goes in; POST answers with the PDF."""

    template_name = "borgerraadgiver_cases/admin/case_file_form.html"

    def get_action(self, kwargs):
        return CASE_FILE

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            pdf = case_file.produce(
                self.case, self.request.user, include_internal=data["include_internal"],
                leave_out=data["leave_out"], reason=data["reason"],
                journal_number=data["journal_number"])
        except workflow.WorkflowRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"sagsakt-{self.case.reference}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
