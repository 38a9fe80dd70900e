"""Seed the default field mappings of the SIPSN, STBM and SIPD adapters (editable later)."""

from typing import Any

from django.db import migrations

from ppsp.exchange.defaults import DEFAULT_MAPPINGS


def seed(apps: Any, schema_editor: Any) -> None:
    FieldMapping = apps.get_model("exchange", "FieldMapping")
    for system, target, header, aliases, required in DEFAULT_MAPPINGS:
        FieldMapping.objects.get_or_create(
            system=system,
            target=target,
            defaults={"header": header, "aliases": "\n".join(aliases), "required": required},
        )


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
