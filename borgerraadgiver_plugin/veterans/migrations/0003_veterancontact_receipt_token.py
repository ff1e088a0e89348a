"""The veteran receipt moves from the session to a token route: every contact gets an
unguessable receipt token, existing rows a fresh one each."""

from django.db import migrations, models

import borgerraadgiver_plugin.public_forms


def fill_tokens(apps, schema_editor):
    contact_model = apps.get_model("borgerraadgiver_veterans", "VeteranContact")
    for contact in contact_model.objects.filter(receipt_token__isnull=True).only("pk").iterator():
        contact.receipt_token = borgerraadgiver_plugin.public_forms.new_receipt_token()
        contact.save(update_fields=["receipt_token"])


class Migration(migrations.Migration):

    dependencies = [
        ("borgerraadgiver_veterans", "0002_contact_registry"),
    ]

    operations = [
        migrations.AddField(
            model_name="veterancontact",
            name="receipt_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="veterancontact",
            name="receipt_token",
            field=models.CharField(default=borgerraadgiver_plugin.public_forms.new_receipt_token,
                                   editable=False, max_length=64, unique=True),
        ),
    ]
