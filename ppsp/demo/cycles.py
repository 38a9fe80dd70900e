"""Demo documents and update cycle for Kabupaten Tanjung Jabung Timur (15.07).

An approved SSK 2016–2020 and BPS 2015, RPJMD 2021–2026 with its own access target, one
recorded access value (SUSENAS) and an open pemutakhiran for fiscal year 2026 with Proses 1
in progress. Numbers and legal references are illustrative (marked "contoh"), not official.
Idempotent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from ppsp.accounts.models import Role, RoleAssignment
from ppsp.cycles.models import IndicatorRule, IndicatorValue, RpjmdPeriod, UpdateCycle
from ppsp.cycles.services import cycle_open, process_transition, rpjmd_period_create
from ppsp.cycles.workflow import ProcessAction
from ppsp.demo.data import DEMO_KABKOTA
from ppsp.documents.models import DocType, Document, MethodVersion, RequiredTable
from ppsp.documents.services import (
    document_create,
    document_version_set_legal_basis,
    document_version_transition,
    document_version_update,
)
from ppsp.documents.workflow import DocAction
from ppsp.regions.models import Region

FISCAL_YEAR = 2026


def _approved_document(
    region: Region, doc_type: str, method: str, start: int, end: int, legal: str, day: dt.date
) -> bool:
    if Document.objects.filter(region=region, doc_type=doc_type, period_start=start).exists():
        return False
    method_version = MethodVersion.objects.get(code=method)
    document = document_create(
        region=region,
        doc_type=doc_type,
        method_version=method_version,
        period_start=start,
        period_end=end,
        by=None,
    )
    version = document.versions.get()
    tables = RequiredTable.objects.filter(method_version=method_version).order_by("order")[:12]
    document_version_update(
        version=version, summary="Dokumen contoh (demo).", filled_tables=tables, by=None
    )
    document_version_set_legal_basis(
        version=version, kind="perbup", number=legal, date=day, by=None
    )
    for action in (DocAction.SUBMIT, DocAction.REVIEW, DocAction.APPROVE):
        document_version_transition(obj=version, action=action, by=None)
    return True


def load_cycles_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    assignment = (
        RoleAssignment.objects.active()
        .filter(role=Role.POKJA_KABKOTA, region=region)
        .select_related("user")
        .order_by("id")
        .first()
    )
    pokja = assignment.user if assignment else None
    with transaction.atomic():
        made = [
            _approved_document(
                region,
                DocType.SSK,
                "SSK-2016",
                2016,
                2020,
                "27 Tahun 2016 (contoh)",
                dt.date(2016, 11, 14),
            ),
            _approved_document(
                region,
                DocType.BPS,
                "BPS-2014",
                2015,
                2015,
                "12 Tahun 2015 (contoh)",
                dt.date(2015, 8, 3),
            ),
        ]
        if not RpjmdPeriod.objects.filter(region=region, start_year=2021).exists():
            rpjmd_period_create(
                region=region,
                start_year=2021,
                end_year=2026,
                perda_number="4 Tahun 2021 (contoh)",
                by=None,
            )
        IndicatorValue.objects.get_or_create(
            region=region,
            indicator_key="akses-sanitasi-layak",
            year=2024,
            defaults={"value": 78.4, "source": "SUSENAS 2024, sintetis (demo)"},
        )
        IndicatorRule.objects.get_or_create(  # the kab/kota's own RPJMD target (dated data)
            key="akses-sanitasi-layak",
            region=region,
            period_start=2021,
            defaults={
                "label": "Akses sanitasi layak (%)",
                "period_end": 2026,
                "target": 90.0,
                "target_year": 2026,
                "baseline": 70.0,
                "baseline_year": 2021,
                "source": "RPJMD 2021–2026, Perda 4 Tahun 2021 (contoh)",
            },
        )
        cycle = UpdateCycle.objects.filter(region=region, fiscal_year=FISCAL_YEAR).first()
        if cycle is None:
            cycle = cycle_open(
                region=region,
                fiscal_year=FISCAL_YEAR,
                method_version=MethodVersion.objects.get(code="SSK-2017"),
                by=pokja,
            )
            if pokja is not None:  # the demo Pokja starts Proses 1 (audited as them)
                first = cycle.processes.get(number=1)
                process_transition(obj=first, action=ProcessAction.START, by=pokja)
    stdout.write(
        f"Dokumen demo 15.07: {sum(made)} baru; siklus pemutakhiran {FISCAL_YEAR} "
        f"(Proses 1 berjalan): /pemutakhiran/siklus/{cycle.pk}/"
    )
