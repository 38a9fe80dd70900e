"""Seed the default sector-figure → realisation mappings (idempotent; editable later)."""

from typing import Any

from django.db import migrations

from ppsp.exchange.defaults import DEFAULT_DERIVATIONS


def seed(apps: Any, schema_editor: Any) -> None:
    RealisationMapping = apps.get_model("exchange", "RealisationMapping")
    for priority, entry in enumerate(DEFAULT_DERIVATIONS):
        code, label, system, target, subsector, match, kind, numerator, denominator = entry
        RealisationMapping.objects.get_or_create(
            code=code,
            defaults={
                "label": label,
                "system": system,
                "target": target,
                "subsector": subsector,
                "match": "\n".join(match),
                "kind": kind,
                "numerator": numerator,
                "denominator": denominator,
                "priority": priority,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("exchange", "0003_realisation_mapping")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
