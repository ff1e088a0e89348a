"""The statistics screen is the advisor's."""

from ..provisioning import ADVISOR_GROUP

GROUP_PERMISSIONS = {ADVISOR_GROUP: ["borgerraadgiver_reports.view_statistics"]}
