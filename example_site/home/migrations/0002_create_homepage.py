from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page with this site's HomePage, as `wagtail start` does."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Stevns Kommune", draft_title="Stevns Kommune", slug="home",
        content_type=home_type, path="00010001", depth=2, numchild=0, url_path="/home/",
        locale=Locale.objects.order_by("id").first(),
    )
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]
    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
