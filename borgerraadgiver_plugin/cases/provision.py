"""Only the advisor's group sees cases; nobody else gets a case permission."""

from ..provisioning import ADVISOR_GROUP

GROUP_PERMISSIONS = {
    ADVISOR_GROUP: [
        *(f"borgerraadgiver_cases.{action}_{model}"
          for model in ("case", "caseevent", "forwarding", "casedocument", "casehandlingmethod",
                        "caselink", "lettertemplate")
          for action in ("add", "change", "delete", "view")),
        "borgerraadgiver_cases.export_case",
        *(f"borgerraadgiver_cases.{action}_outreachsession"
          for action in ("add", "change", "delete", "view")),
        # Wagtail's locking, so two advisors never overwrite each other's edits.
        "borgerraadgiver_cases.lock_case",
        "borgerraadgiver_cases.unlock_case",
    ],
}
