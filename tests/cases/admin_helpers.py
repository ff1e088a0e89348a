"""Shared helpers for the case-admin tests: URLs of the case viewset and a ready case."""

from django.urls import reverse

NAMESPACE = "borgerraadgiver_cases_case"


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def action_url(case, action):
    return url("action", case.pk, action)
