"""The learning note's editor form: refuses to publish a note that holds personal data."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError

from .personal_data import citizen_names, scan

#: Buttons of the page editor that publish now or start the way to publishing.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow",
                      "action-workflow-action")
_SEPARATORS = re.compile(r"[\s,;]+")


class CaseReferencesWidget(forms.TextInput):
    """Source cases typed as references ("BR-2026-0007, BR-2026-0012") rather than a long list.

    Unknown references are passed on as they are, so the field reports them as invalid.
    """

    def format_value(self, value):
        from ..cases.models import Case

        if not value:
            return ""
        values = [str(getattr(item, "pk", item)) for item in value]
        references = dict(Case.objects.filter(pk__in=[v for v in values if v.isdecimal()])
                          .values_list("pk", "reference"))
        # Unknown references typed by the user come back as they were typed.
        return ", ".join(references.get(int(v), v) if v.isdecimal() else v for v in values)

    def value_from_datadict(self, data, files, name):
        from ..cases.models import Case

        references = [part.upper() for part in _SEPARATORS.split(data.get(name, "")) if part]
        known = dict(Case.objects.filter(reference__in=references)
                     .values_list("reference", "pk"))
        return [str(known.get(reference, reference)) for reference in references]


class BlockErrors(StreamBlockValidationError):
    """Errors on the note's blocks. Wagtail's own line for the editor's error summary is a fixed
    English sentence; this one says where to look, in the user's language."""

    def __init__(self, block_errors):
        super().__init__(block_errors=block_errors)
        self.message = _("see the blocks marked below")


class LearningNotePageForm(WagtailAdminPageForm):
    """Publishing (or sending for approval) is refused while the note holds personal data;
    saving a draft, by the button or by Wagtail's autosave, is refused while it holds a CPR
    number. A draft with other personal data is saved with a warning (``views.warn_on_draft``).
    """

    def is_publishing(self):
        return any(self.data.get(action) for action in PUBLISHING_ACTIONS)

    def personal_data_problems(self):
        data = self.cleaned_data
        if "source_cases" in self.fields:
            cases = data.get("source_cases") or []
        else:
            cases = self.instance.source_cases.all() if self.instance.pk else []
        fields = {name: data.get(name, "") for name in ("title", "summary", "seo_title",
                                                         "search_description")}
        return scan(fields, data.get("body"), citizen_names(cases))

    def clean(self):
        cleaned_data = super().clean()
        publishing = self.is_publishing()
        problems = [problem for problem in self.personal_data_problems()
                    if publishing or problem.blocks_draft]
        if not problems:
            return cleaned_data
        block_errors = {}
        for problem in problems:
            if problem.block_index is not None:
                block_errors.setdefault(problem.block_index, []).append(problem.message)
            elif problem.field in self.fields:
                self.add_error(problem.field, problem.message)
        if block_errors:
            self.add_error("body", BlockErrors(block_errors={
                index: ValidationError(" ".join(messages))
                for index, messages in block_errors.items()
            }))
        refusal = (_("The note cannot be published: it contains personal data. %(problems)s")
                   if publishing else
                   _("The draft cannot be saved: it contains a CPR number, and CPR numbers "
                     "are never stored. %(problems)s"))
        raise ValidationError(
            refusal % {"problems": " ".join(str(problem.message) for problem in problems)},
            code="personal_data",
        )
