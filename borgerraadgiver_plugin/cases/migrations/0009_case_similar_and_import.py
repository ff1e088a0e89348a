"""Similar earlier cases and imported logs: the original reference of an imported case, and
the account as a Danish full-text vector.

On PostgreSQL the vector is kept by a trigger (PostgreSQL's own ``tsvector_update_trigger``,
so bulk inserts and ``UPDATE``s keep it too, and anonymisation empties it with the account),
GIN-indexed, and pg_trgm is installed for trigram similarity. On other databases the column
stays empty and nothing else happens.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TABLE = "borgerraadgiver_cases_case"
TRIGGER = "br_case_search_vector"
INDEX = "br_case_search_vector_gin"


def create_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF account ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION "
        f"tsvector_update_trigger(search_vector, 'pg_catalog.danish', account)")
    schema_editor.execute(
        f"UPDATE {TABLE} SET search_vector = to_tsvector('pg_catalog.danish', account)")  # nosec B608 - constant names
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {TABLE} USING gin (search_vector)")


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE}")


class Migration(migrations.Migration):

    dependencies = [
        ('borgerraadgiver_cases', '0008_status_link_and_survey'),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name='case',
            name='original_reference',
            field=models.CharField(blank=True, editable=False, max_length=60, verbose_name='original reference'),
        ),
        migrations.AddField(
            model_name='case',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddConstraint(
            model_name='case',
            constraint=models.UniqueConstraint(condition=models.Q(('original_reference', ''), _negated=True), fields=('original_reference',), name='borgerraadgiver_case_original_reference'),
        ),
        migrations.RunPython(create_search_vector, drop_search_vector, elidable=False),
    ]
