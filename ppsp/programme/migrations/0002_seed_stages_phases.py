"""Seed the six PPSP stages (domain-ppsp.md §2.1) and the phases PPSP 1 and PPSP 2 (§1)."""

from django.db import migrations

STAGES = [
    (1, "sosialisasi", "Sosialisasi, Advokasi dan Kampanye",
     "Kampanye, Edukasi, Advokasi dan Pendampingan"),
    (2, "kelembagaan", "Penguatan Kelembagaan", "Pengembangan Kelembagaan dan Peraturan"),
    (3, "bps-ssk", "Penyusunan BPS dan SSK", "Penyusunan Rencana Strategis"),
    (4, "mps", "Penyusunan MPS", "Penyiapan Memorandum Program"),
    (5, "implementasi", "Implementasi", "Pelaksanaan"),
    (6, "monev", "Monitoring dan Evaluasi", "Pemantauan, Pembimbingan, Evaluasi dan Pembinaan"),
]
PHASES = [("PPSP 1", 2010, 2014), ("PPSP 2", 2015, 2019)]


def seed(apps, schema_editor):
    Stage = apps.get_model("programme", "Stage")
    Phase = apps.get_model("programme", "Phase")
    for number, code, name, older in STAGES:
        Stage.objects.update_or_create(
            number=number, defaults={"code": code, "name": name, "older_name": older}
        )
    for name, start, end in PHASES:
        Phase.objects.update_or_create(name=name, defaults={"start_year": start, "end_year": end})


def unseed(apps, schema_editor):
    apps.get_model("programme", "Stage").objects.all().delete()
    apps.get_model("programme", "Phase").objects.filter(name__in=[p[0] for p in PHASES]).delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
