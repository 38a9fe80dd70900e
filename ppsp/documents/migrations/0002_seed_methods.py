from django.db import migrations


def forwards(apps, schema_editor):
    from ppsp.documents.seed import seed_methods

    seed_methods(apps)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
