from django.db import migrations


def forwards(apps, schema_editor):
    from ppsp.scenarios.seed import seed_unit_costs

    seed_unit_costs(apps)


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
