from django.db import migrations


def forwards(apps, schema_editor):
    from ppsp.cycles.seed import seed_processes

    seed_processes(apps)


class Migration(migrations.Migration):
    dependencies = [("cycles", "0002_initial"), ("documents", "0002_seed_methods")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
