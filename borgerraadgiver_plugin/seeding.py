"""Idempotent seeding: create what is missing, never overwrite what a municipality edited."""


def ensure(model, rows, key):
    """Create each row of ``rows`` (dicts) whose ``key`` value is not there yet; count them."""
    existing = set(model.objects.values_list(key, flat=True))
    missing = [model(**row) for row in rows if row[key] not in existing]
    model.objects.bulk_create(missing)
    return len(missing)
