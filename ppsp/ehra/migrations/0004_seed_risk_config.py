"""Seed version 1 of the risk-method configuration with the documented defaults.

Idempotent (get_or_create): tests re-run data migrations after a flush. Values are
written out here so that the migration does not change when the code defaults do
(ehra-risk.md §2.3, §4.3, §6, §7.2, §7.3).
"""

from django.db import migrations

INDICATORS = (
    "air_minum_tidak_terlindungi",
    "air_lain_tidak_terlindungi",
    "kelangkaan_air",
    "tangki_septik_suspek_tidak_aman",
    "pencemaran_isi_tangki",
    "pencemaran_spal",
    "pengelolaan_sampah",
    "pengangkutan_sampah",
    "pengolahan_sampah",
    "genangan_air",
    "ctps_lima_waktu",
    "jamban_tidak_bersih",
    "jamban_kecoa_lalat",
    "penggelontor",
    "tidak_ada_sabun",
    "pencemaran_wadah_air",
    "perilaku_babs",
)
VERSION_1 = {
    "status": "disetujui",
    "note": "Nilai bawaan terdokumentasi (ehra-risk.md): bobot indikator sama, "
    "persepsi OPD rata-rata dibulatkan setengah ke atas, 4 kelas, K1/K2 di atas rata-rata.",
    "irs_weights": dict.fromkeys(INDICATORS, 1.0),
    "opd_aggregation": "mean_half_up",
    "impact_weights": [1.0, 1.0, 1.0],
    "source_weights": {k: [1.0, 1.0, 1.0] for k in ("air_limbah", "persampahan", "drainase")},
    "classes": 4,
    "class_labels": [
        ["Kurang berisiko", "#2b83ba"],
        ["Risiko sedang", "#1a9641"],
        ["Risiko tinggi", "#ffd700"],
        ["Risiko sangat tinggi", "#d7191c"],
    ],
    "density_rule": "rata-rata",
    "poverty_rule": "rata-rata",
    "approved_name": "bawaan sistem (migrasi)",
}


def seed(apps, schema_editor):
    from django.utils import timezone

    config_model = apps.get_model("ehra", "RiskMethodConfig")
    config_model.objects.get_or_create(
        version=1, defaults={**VERSION_1, "approved_at": timezone.now()}
    )


class Migration(migrations.Migration):
    dependencies = [("ehra", "0003_sampling_rt_and_config")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
