"""Proses 1–5 with their steps (domain-ppsp.md §3.2–3.3), the trigger policy and the
Universal Access rule, as data; used by the data migration and, idempotently, by tests."""

from __future__ import annotations

from typing import Any

SOURCE = "domain-ppsp.md §3.2–3.3; sanitasi.or.id/?page_id=252"
# number, name, description, required outputs, SSK part, due month, gate, steps (name, ref)
PROCESSES: tuple[tuple[int, str, str, str, str, int, str, tuple[tuple[str, str], ...]], ...] = (
    (
        1,
        "Internalisasi dan penyamaan persepsi",
        "Memastikan komitmen Pokja untuk menyusun dan melanjutkan strategi sanitasi di dalam SSK.",
        "SK Pokja yang diperbarui\nRencana kerja Pokja\n"
        "Notulen rapat, daftar hadir dan kesepakatan",
        "Bab 1",
        3,
        "proses1",
        (
            ("Pemutakhiran SK Pokja", ""),
            ("Penyusunan rencana kerja Pokja", ""),
            ("Rapat internalisasi dan penyamaan persepsi (mengapa dan bagaimana pemutakhiran)", ""),
        ),
    ),
    (
        2,
        "Pemetaan kondisi dan kemajuan pembangunan sanitasi",
        "Memutakhirkan profil sanitasi dan menilai kemajuan terhadap SSK sebelumnya.",
        "Profil sanitasi dan kemajuan (Bab 2)\nPeta area berisiko\nLaporan EHRA (Lampiran 1.3)",
        "Bab 2",
        6,
        "",
        (
            ("Studi EHRA dan laporannya", "Lampiran 1.3"),
            ("Instrumen Profil Sanitasi: IRS dan area berisiko", "PT-01-1"),
            ("Kajian sanitasi sekolah", "PT 06-6"),
            ("Kajian partisipasi masyarakat", "PT 06-5"),
            ("Diagram Sistem Sanitasi (DSS) air limbah dan persampahan", ""),
            ("Shit Flow Diagram (SFD)", ""),
            ("Kemajuan pembangunan sanitasi terhadap SSK sebelumnya", ""),
        ),
    ),
    (
        3,
        "Skenario pembangunan sanitasi",
        "Memilih skenario paling optimal dari sisi kebutuhan pendanaan, ketersediaan anggaran "
        "dan sasaran.",
        "Visi dan misi sanitasi\nTahapan pengembangan sistem dan zona\nTujuan dan sasaran\n"
        "Skenario terpilih dan kemampuan pendanaan",
        "Bab 3",
        8,
        "",
        (
            ("Visi dan misi sanitasi", "Bab 3.1"),
            ("Zona dan sistem per kel/desa (Instrumen Profil → Input Planning Tool)", "Bab 3.2"),
            ("Biaya per zona/sistem (Instrumen Perencanaan)", "PT-01-2"),
            ("Perkiraan kemampuan pendanaan daerah", "PT-03"),
            ("Tujuan dan sasaran (Akses Universal RPJMN, SPM Permen PU 01/PRT/M/2014)", ""),
            (
                "Perbandingan kebutuhan dan kemampuan (Gap 1/Gap 2), pilih skenario, Daftar Tunggu",
                "Tabel 5.1",
            ),
        ),
    ),
    (
        4,
        "Konsolidasi penganggaran dan pemasaran sanitasi",
        "Menyusun strategi, KKL serta program, kegiatan dan indikasi pendanaan; internalisasi, "
        "eksternalisasi dan pemasaran.",
        "Strategi (Bab 4)\nKerangka Kerja Logis\nProgram, kegiatan dan indikasi pendanaan "
        "(Lampiran 4)",
        "Bab 4, Bab 5, Lampiran 4",
        10,
        "",
        (
            ("Analisis SWOT dan rumusan strategi", "PT-02"),
            ("Sinkronisasi strategi dengan Roadmap Sanitasi Provinsi", ""),
            ("Kerangka Kerja Logis", ""),
            ("Program, kegiatan dan indikasi pendanaan (SIDLACOM)", "Lampiran 4"),
            ("Internalisasi ke APBD", ""),
            ("Eksternalisasi ke Pokja Provinsi dan Satker K/L", ""),
            ("Pemasaran sanitasi ke CSR dan masyarakat", ""),
        ),
    ),
    (
        5,
        "Finalisasi",
        "Konsultasi publik lalu pengesahan SSK oleh Kepala Daerah.",
        "Berita acara konsultasi publik\nSSK final yang disahkan Kepala Daerah",
        "SSK final",
        12,
        "finalisasi",
        (
            ("Konsultasi publik", ""),
            ("Perbaikan dokumen berdasarkan masukan", ""),
            ("Pengesahan oleh Kepala Daerah", ""),
        ),
    ),
)
METHODS_WITH_PROCESSES = ("SSK-2015", "SSK-2016", "SSK-2017", "SSK-2018")

# Sources (issue 16 check against /work/shared/domain, tags as there: [C] read in the cited
# section, [R] not in our sources — kept as editable data, shown as such on the triggers page):
# - RPJMN 2015–2019 Universal Access 100-0-100, 100 % akses sanitasi by end 2019:
#   [C] domain-ppsp.md §3.1 and §7.2 (sanitasi.or.id).
# - Baseline akses sanitasi 2014 61,06 %: [C] domain-ppsp.md §15 (zejournal).
# - RPJMN 2020–2024 target 90 % layak including 15 % aman (0 % BABS) by 2024:
#   [C] ehra-risk.md §10.2 (Antara 2021).
# - Baseline 77,39 % in 2019 and the regulation number Perpres 18/2020: not in our
#   sources [R]. (Closest confirmed: end-2020 ≈ 80 % layak, ehra-risk.md §10.2.)
# - RPJMN 2025–2029: no target in our sources, so none is seeded; the PMU adds it in the
#   admin (the trigger then reads it; until then it says the current target is missing).
SOURCE_UA_2019 = (
    "RPJMN 2015–2019 Akses Universal 100-0-100 [C] domain-ppsp.md §3.1, §7.2; "
    "nilai awal 61,06 % (2014) [C] domain-ppsp.md §15"
)
SOURCE_UA_2024 = (
    "RPJMN 2020–2024: 90 % layak termasuk 15 % aman [C] ehra-risk.md §10.2; "
    "nilai awal 77,39 % (2019) [R]; Perpres 18/2020 [R]"
)
# the strings seeded before the check, replaced by migration 0006 where nobody edited them
OLD_SOURCES = {
    "RPJMN 2015–2019 (100-0-100); domain-ppsp.md §3.1, §15": SOURCE_UA_2019,
    "RPJMN 2020–2024 (Perpres 18/2020): 90 % layak, termasuk 15 % aman": SOURCE_UA_2024,
}

INDICATOR_RULES = (
    (
        "akses-sanitasi-layak",
        "Akses sanitasi layak (%)",
        100.0,
        2019,
        61.06,
        2014,
        True,
        SOURCE_UA_2019,
    ),
)


def seed_processes(apps: Any) -> None:
    """Create missing templates, the trigger policy and indicator rules (keeps edits)."""
    method_model = apps.get_model("documents", "MethodVersion")
    process_model = apps.get_model("cycles", "ProcessTemplate")
    step_model = apps.get_model("cycles", "StepTemplate")
    for method in method_model.objects.filter(code__in=METHODS_WITH_PROCESSES):
        for number, name, text, outputs, part, month, gate, steps in PROCESSES:
            process, created = process_model.objects.get_or_create(
                method_version=method,
                number=number,
                defaults={
                    "name": name,
                    "description": text,
                    "required_outputs": outputs,
                    "ssk_part": part,
                    "due_month": month,
                    "gate": gate,
                    "source": SOURCE,
                },
            )
            if created:
                step_model.objects.bulk_create(
                    step_model(process=process, order=i, name=step, reference=ref)
                    for i, (step, ref) in enumerate(steps, 1)
                )
    policy_model = apps.get_model("cycles", "TriggerPolicy")
    if not policy_model.objects.exists():
        policy_model.objects.create(
            max_age_years=5, completeness_threshold=0.8, source="domain-ppsp.md §3.1"
        )
    rule_model = apps.get_model("cycles", "IndicatorRule")
    for key, label, target, year, base, base_year, higher, source in INDICATOR_RULES:
        if not rule_model.objects.filter(key=key).exists():
            rule_model.objects.create(
                key=key,
                label=label,
                target=target,
                target_year=year,
                baseline=base,
                baseline_year=base_year,
                higher_is_better=higher,
                source=source,
            )
    if any(f.name == "period_start" for f in rule_model._meta.get_fields()):
        seed_ua_targets(apps)


# National Universal Access targets by RPJMN period: (key, label, period, target, target
# year, baseline, baseline year, source). Kab/kota RPJMD targets are added per kab/kota.
UA_TARGETS = (
    (
        "akses-sanitasi-layak",
        "Akses sanitasi layak (%)",
        (2015, 2019),
        100.0,
        2019,
        61.06,
        2014,
        SOURCE_UA_2019,
    ),
    (
        "akses-sanitasi-layak",
        "Akses sanitasi layak (%)",
        (2020, 2024),
        90.0,
        2024,
        77.39,  # [R]: not in our sources, editable in the admin
        2019,
        SOURCE_UA_2024,
    ),
)


def update_ua_sources(apps: Any) -> int:
    """Replace the pre-check source strings by the cited ones (only rows nobody edited)."""
    rule_model = apps.get_model("cycles", "IndicatorRule")
    return sum(
        rule_model.objects.filter(source=old).update(source=new) for old, new in OLD_SOURCES.items()
    )


def seed_ua_targets(apps: Any) -> None:
    """Create the missing dated national UA targets (keeps edited rows; idempotent)."""
    rule_model = apps.get_model("cycles", "IndicatorRule")
    for key, label, (start, end), target, year, base, base_year, source in UA_TARGETS:
        rule_model.objects.get_or_create(
            key=key,
            region=None,
            period_start=start,
            defaults={
                "label": label,
                "period_end": end,
                "target": target,
                "target_year": year,
                "baseline": base,
                "baseline_year": base_year,
                "higher_is_better": True,
                "source": source,
            },
        )
