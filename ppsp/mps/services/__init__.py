"""Writes of Proses 4: plans, Lampiran 4 rows, the Daftar Tunggu, commitments, QA and
eksternalisasi. Atomic, `full_clean()` before `save()`, one audit row per change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.compute.programme_rows import RowDraft, drafts_from_cost_lines, need_by_subsector
from ppsp.compute.records import CostLine
from ppsp.core.access import require_permission
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.mps.codes import DEFAULT_PROGRAM, NOMENCLATURE_NAMES, Source, tupoksi_allows
from ppsp.mps.models import (
    AMOUNT_FIELDS,
    KklNode,
    Plan,
    ProgrammeRow,
    RowStatus,
    SwotFactor,
)
from ppsp.mps.nomenclature import code_problems
from ppsp.regions.models import Level, Region

ROW_FIELDS = (
    "subsector",
    "program_code",
    "program",
    "kegiatan_code",
    "kegiatan",
    "kategori",
    "sidlacom",
    "lokasi",
    "zone",
    "volume",
    "unit",
    *AMOUNT_FIELDS,
    "source",
    "opd",
    "priority",
    "status",
    "ready_ded",
    "ready_lahan",
    "ready_kelembagaan",
    "strategi",
)


require = require_permission
"""PermissionDenied unless the user holds the permission in the region (``by=None``: system)."""


def row_problems(row: ProgrammeRow) -> dict[str, str]:
    """Rules beyond field types: one known source, tupoksi, lokasi inside the kab/kota."""
    problems: dict[str, str] = {}
    if row.source not in Source.values:
        problems["source"] = (
            f"sumber pendanaan harus tepat satu dari: {', '.join(Source.values)}; "
            "kegiatan dengan beberapa sumber ditulis sebagai beberapa baris."
        )
    elif not tupoksi_allows(row.source, row.kategori):
        problems["source"] = (
            f"{Source(row.source).label} tidak boleh mendanai kategori '{row.kategori}' "
            "(matriks tupoksi)."
        )
    strategi = row.strategi if row.strategi_id is not None else None
    if strategi is not None and (strategi.plan_id != row.plan_id or strategi.level != "strategi"):
        problems["strategi"] = "harus strategi dari KKL rencana ini."
    problems.update(code_problems(row.program_code, row.kegiatan_code))
    lokasi = row.lokasi if row.lokasi_id is not None else None
    if lokasi is not None and lokasi.kabkota_code != row.plan.region.code:
        problems["lokasi"] = "lokasi harus desa di kabupaten/kota ini."
    return problems


def _validate(row: ProgrammeRow) -> None:
    row.full_clean()
    problems = row_problems(row)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def plan_open(*, region: Region, first_year: int, by: Any) -> Plan:
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Lampiran 4 disusun per kabupaten/kota."})
    require(by, Permission.EDIT_MPS, region.code)
    plan = Plan.objects.filter(region=region, first_year=first_year).first()
    if plan is not None:
        return plan
    plan = Plan(region=region, first_year=first_year)
    plan.full_clean()
    plan.save()
    audit_record(
        actor=by,
        obj=plan,
        action=Action.CREATE,
        region_code=region.code,
        changes=[{"field": "first_year", "old": None, "new": first_year}],
    )
    return plan


@transaction.atomic
def plan_set_komitmen(*, plan: Plan, komitmen_apbd: int, by: Any) -> Plan:
    require(by, Permission.EDIT_MPS, plan.region.code)
    ensure_not_frozen(plan)
    old = plan.komitmen_apbd
    plan.komitmen_apbd = komitmen_apbd
    plan.full_clean()
    plan.save(update_fields=["komitmen_apbd"])
    audit_record(
        actor=by,
        obj=plan,
        action=Action.UPDATE,
        region_code=plan.region.code,
        changes=[{"field": "komitmen_apbd", "old": old, "new": komitmen_apbd}],
    )
    return plan


@transaction.atomic
def rows_generate(*, region: Region, lines: Sequence[CostLine], by: Any) -> Plan:
    """Lampiran 4 rows from the chosen scenario's cost lines; Tabel 5.1 need stored."""
    if not lines:
        raise ValidationError("Skenario terpilih tidak memuat baris biaya.")
    first_year = min(line.first_year for line in lines)
    plan = plan_open(region=region, first_year=first_year, by=by)
    ensure_not_frozen(plan)
    if plan.rows.exists():
        raise ValidationError(
            "Lampiran 4 periode ini sudah berisi baris; hapus atau ubah baris yang ada."
        )
    plan.need_by_subsector = need_by_subsector(lines, first_year=first_year)
    plan.save(update_fields=["need_by_subsector"])
    for draft in drafts_from_cost_lines(lines, first_year=first_year):
        row = row_from_draft(plan, draft)
        _validate(row)
        row.save()
    audit_record(
        actor=by,
        obj=plan,
        action=Action.UPDATE,
        region_code=region.code,
        reason="dibangkitkan dari skenario terpilih",
        changes=[{"field": "rows", "old": 0, "new": plan.rows.count()}],
    )
    return plan


def draft_origin(draft: RowDraft) -> str:
    """How a generated row names its cost line (matched again by the scenario re-check)."""
    return f"skenario: {draft.kegiatan_type} {draft.zone}".strip()[:200]


def row_from_draft(plan: Plan, draft: RowDraft) -> ProgrammeRow:
    """An unsaved Lampiran 4 row for one cost line of the chosen scenario."""
    source = draft.funding_source
    if source not in Source.values or not tupoksi_allows(source, draft.kategori):
        source = Source.APBD_KABKOTA  # APBD kab/kota may fund any kegiatan (§11.2)
    program_code = DEFAULT_PROGRAM.get(draft.subsector, "")
    return ProgrammeRow(
        plan=plan,
        subsector=draft.subsector,
        program_code=program_code,
        program=NOMENCLATURE_NAMES.get(program_code, draft.subsector),
        kegiatan=draft.description[:250],
        kategori=draft.kategori,
        sidlacom=draft.sidlacom,
        zone=draft.zone[:80],
        source=source,
        priority=draft.priority,
        origin=draft_origin(draft),
        **dict(zip(AMOUNT_FIELDS, draft.amounts, strict=True)),
    )


@transaction.atomic
def row_save(*, row: ProgrammeRow, by: Any, reason: str = "") -> ProgrammeRow:
    """Create or update one row; one source and tupoksi enforced; audited field by field."""
    code = row.plan.region.code
    require(by, Permission.EDIT_MPS, code)
    ensure_not_frozen(row, ProgrammeRow.objects.filter(pk=row.pk).first() if row.pk else None)
    with audited_update(
        row,
        ROW_FIELDS,
        actor=by,
        created=not row.pk,
        stored=ProgrammeRow.objects.get(pk=row.pk) if row.pk else None,  # a form may have set it
        reason=reason,
        region_code=code,
    ):
        _validate(row)
        row.save()
    return row


@transaction.atomic
def row_move(*, row: ProgrammeRow, status: str, by: Any, reason: str = "") -> ProgrammeRow:
    """Move a row between prioritas and the Daftar Tunggu (audited with the reason)."""
    require(by, Permission.EDIT_MPS, row.plan.region.code)
    ensure_not_frozen(row)
    if status not in RowStatus.values:
        raise ValidationError({"status": "Status baris tidak dikenal."})
    if row.status == status:
        raise ValidationError(f"Baris sudah berstatus {RowStatus(status).label}.")
    old = row.status
    row.status = status
    ensure_not_frozen(row)  # leaving or entering a signed MPS year
    row.save(update_fields=["status"])
    audit_record(
        actor=by,
        obj=row,
        action=Action.TRANSITION,
        reason=reason,
        changes=[{"field": "status", "old": old, "new": status}],
        region_code=row.plan.region.code,
    )
    return row


@transaction.atomic
def rows_apply_changes(
    *,
    plan: Plan,
    changes: Iterable[tuple[int, str, Any]],
    by: Any,
    reason: str,
    additions: Sequence[dict[str, Any]] = (),
) -> int:
    """Apply (row id, field, new value) cell changes of an import and create the new rows
    (field → value dicts); all or nothing. Returns the number of changed cells."""
    require(by, Permission.EDIT_MPS, plan.region.code)
    ensure_not_frozen(plan)
    for values in additions:
        row_save(row=ProgrammeRow(plan=plan, **values), by=by, reason=reason)
    by_row: dict[int, list[tuple[str, Any]]] = {}
    for pk, field, value in changes:
        by_row.setdefault(pk, []).append((field, value))
    rows = {r.pk: r for r in plan.rows.select_for_update().filter(pk__in=list(by_row))}
    for pk, cells in by_row.items():
        row = rows[pk]
        for field, value in cells:
            setattr(row, field, value)
        row_save(row=row, by=by, reason=reason)
    return sum(len(cells) for cells in by_row.values())


def _create_with_text(obj: SwotFactor | KklNode, plan: Plan, by: Any) -> None:
    """Validate and save a new SWOT factor or KKL node; its CREATE audit row names its text."""
    obj.full_clean()
    obj.save()
    audit_record(
        actor=by,
        obj=obj,
        action=Action.CREATE,
        region_code=plan.region.code,
        changes=[{"field": "text", "old": None, "new": obj.text}],
    )


@transaction.atomic
def swot_factor_add(
    *, plan: Plan, subsector: str, kind: str, text: str, weight: Any, score: Any, by: Any
) -> SwotFactor:
    require(by, Permission.EDIT_MPS, plan.region.code)
    ensure_not_frozen(plan)
    factor = SwotFactor(
        plan=plan, subsector=subsector, kind=kind, text=text, weight=weight, score=score
    )
    _create_with_text(factor, plan, by)
    return factor


@transaction.atomic
def kkl_node_add(
    *,
    plan: Plan,
    level: str,
    text: str,
    by: Any,
    parent: KklNode | None = None,
    **extra: Any,
) -> KklNode:
    """Add a KKL node under a parent of the level just above it (§13)."""
    from ppsp.compute.kkl import parent_level

    require(by, Permission.EDIT_MPS, plan.region.code)
    ensure_not_frozen(plan)
    expected = parent_level(level)
    if (parent is None) != (expected is None) or (
        parent is not None and (parent.level != expected or parent.plan_id != plan.pk)
    ):
        raise ValidationError({"parent": f"Tingkat {level} harus berada di bawah {expected}."})
    if parent is not None and not extra.get("subsector"):
        extra["subsector"] = parent.subsector  # a KKL chain belongs to one subsector
    node = KklNode(plan=plan, parent=parent, level=level, text=text, **extra)
    _create_with_text(node, plan, by)
    return node


@transaction.atomic
def row_duplicate(*, row: ProgrammeRow, source: str, by: Any) -> ProgrammeRow:
    """A copy of the row for another funding source, with zero amounts (§11.2: a kegiatan
    with several sources is written as several rows); amounts are then moved by editing."""
    if source == row.source:
        raise ValidationError({"source": "Pilih sumber pendanaan yang lain."})
    copy = ProgrammeRow(
        **{
            f.attname: getattr(row, f.attname)
            for f in row._meta.concrete_fields
            if f.attname not in ("id", *AMOUNT_FIELDS, "source")
        },
        source=source,
    )
    copy.origin = f"duplikat baris {row.pk}"[:200]
    return row_save(row=copy, by=by, reason=f"duplikat baris {row.pk}")
