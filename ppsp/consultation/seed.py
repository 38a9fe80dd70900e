"""The self-assessment checklist before pengesahan, as data (data migration + tests)."""

from __future__ import annotations

from typing import Any

# code, label, rule, order
QA_ITEMS: tuple[tuple[str, str, str, int], ...] = (
    ("konsultasi-ditutup", "Masa konsultasi publik sudah berakhir dan ditutup", "closed", 10),
    ("antrean-moderasi-kosong", "Semua komentar sudah dimoderasi", "queue_empty", 20),
    (
        "tanggapan-lengkap",
        "Setiap komentar yang diterima sudah diberi tanggapan Pokja",
        "all_answered",
        30,
    ),
    ("tabel-wajib-terisi", "Semua tabel wajib SSK terisi", "tables_filled", 40),
    ("pertemuan-publik", "Minimal satu pertemuan konsultasi publik tercatat", "meeting_held", 50),
    (
        "kesepakatan-pokja",
        "Dokumen final sudah dibahas dan disepakati dalam rapat Pokja",
        "manual",
        60,
    ),
    (
        "lampiran-tanggapan",
        "Matriks tanggapan sudah dimasukkan ke lampiran dokumen final",
        "manual",
        70,
    ),
)


def seed_qa_items(apps: Any, schema_editor: Any = None) -> None:
    QaItem = apps.get_model("consultation", "QaItem")
    for code, label, rule, order in QA_ITEMS:
        QaItem.objects.update_or_create(
            code=code, defaults={"label": label, "rule": rule, "order": order}
        )
