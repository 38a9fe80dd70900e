from django.db import migrations


def cite(apps, schema_editor):
    from ppsp.cycles.seed import update_ua_sources

    update_ua_sources(apps)  # idempotent: only rows still holding the old seeded string


class Migration(migrations.Migration):
    dependencies = [
        ("cycles", "0005_i16b_dated_ua_targets"),
    ]

    operations = [migrations.RunPython(cite, migrations.RunPython.noop)]
