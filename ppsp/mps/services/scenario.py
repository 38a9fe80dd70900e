"""Lampiran 4 against the LIVE chosen scenario of Proses 3: the differences (rows changed,
new cost lines, rows no longer in the scenario, Tabel 5.1 per subsector ±1 Rp juta) and
the regeneration of the rows the Pokja picks. Reads first, one atomic audited write."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.programme_drift import pair_rows
from ppsp.compute.programme_rows import (
    RowDraft,
    SumMismatch,
    drafts_from_cost_lines,
    need_by_subsector,
    subsector_mismatches,
)
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.mps.models import AMOUNT_FIELDS, Plan, ProgrammeRow
from ppsp.mps.services import draft_origin, require, row_from_draft, row_save

REASON = "diselaraskan dengan skenario terpilih"


@dataclass(frozen=True)
class RowDrift:
    kind: str  # "changed", "new" or "removed"
    key: str  # "row-<id>" or "new-<n>", the value of the checkbox
    row: ProgrammeRow | None
    draft: RowDraft | None

    @property
    def old_amounts(self) -> list[int]:
        return self.row.amounts if self.row is not None else [0] * len(AMOUNT_FIELDS)

    @property
    def new_amounts(self) -> list[int]:
        return list(self.draft.amounts) if self.draft is not None else [0] * len(AMOUNT_FIELDS)

    @property
    def label(self) -> str:
        if self.row is not None:
            return self.row.kegiatan
        return self.draft.description if self.draft is not None else ""


@dataclass(frozen=True)
class ScenarioDrift:
    available: bool  # a chosen scenario exists
    rows: list[RowDrift]
    need_live: dict[str, int]  # Tabel 5.1 row a of the live scenario (Rp)
    need_stored: dict[str, int]  # as stored when the rows were generated (Rp)
    mismatches: list[SumMismatch]  # Lampiran 4 sums against the LIVE Tabel 5.1

    @property
    def in_step(self) -> bool:
        return self.available and not self.rows and not self.mismatches


def _key(subsector: str, origin: str, kegiatan: str) -> tuple[str, str, str]:
    return (subsector, origin, kegiatan[:250])


def scenario_drift(plan: Plan) -> ScenarioDrift:
    """Compare the plan's rows with the chosen scenario as it is now (nothing saved)."""
    from ppsp.mps.selectors import scenario_cost_lines, totals_by_subsector

    stored = {k: int(v) for k, v in (plan.need_by_subsector or {}).items()}
    lines = scenario_cost_lines(plan.region)
    if not lines:
        return ScenarioDrift(False, [], {}, stored, [])
    drafts = drafts_from_cost_lines(lines, first_year=plan.first_year)
    rows = list(plan.rows.order_by("pk"))
    generated = [r for r in rows if r.origin.startswith("skenario:")]
    pairs = pair_rows(
        [(_key(r.subsector, r.origin, r.kegiatan), r.amounts) for r in generated],
        [(_key(d.subsector, draft_origin(d), d.description), d.amounts) for d in drafts],
    )
    found: list[RowDrift] = []
    for p in pairs:
        if p.kind == "same":
            continue
        row = generated[p.row] if p.row is not None else None
        draft = drafts[p.draft] if p.draft is not None else None
        key = f"row-{row.pk}" if row is not None else f"new-{p.draft}"
        found.append(RowDrift(p.kind, key, row, draft))
    live = need_by_subsector(lines, first_year=plan.first_year)
    mismatches = subsector_mismatches(totals_by_subsector(rows), live)
    return ScenarioDrift(True, found, live, stored, mismatches)


@transaction.atomic
def rows_align_with_scenario(*, plan: Plan, keys: Collection[str], by: Any) -> int:
    """Regenerate the picked rows from the live scenario: changed rows take its amounts,
    new cost lines become rows; the stored Tabel 5.1 need becomes the live one. Rows no
    longer in the scenario are left to the Pokja (move them to the Daftar Tunggu or edit)."""
    require(by, Permission.EDIT_MPS, plan.region.code)
    ensure_not_frozen(plan)
    drift = scenario_drift(plan)
    if not drift.available:
        raise ValidationError("Belum ada skenario terpilih (Proses 3) untuk dibandingkan.")
    picked = [d for d in drift.rows if d.key in keys and d.kind in ("changed", "new")]
    if not picked and drift.need_live == drift.need_stored:
        raise ValidationError("Pilih baris yang akan diselaraskan dengan skenario terpilih.")
    for item in picked:
        if item.kind == "changed" and item.row is not None and item.draft is not None:
            row = ProgrammeRow.objects.select_for_update().get(pk=item.row.pk)
            for field, amount in zip(AMOUNT_FIELDS, item.draft.amounts, strict=True):
                setattr(row, field, amount)
            row_save(row=row, by=by, reason=REASON)
        elif item.draft is not None:
            row_save(row=row_from_draft(plan, item.draft), by=by, reason=REASON)
    if drift.need_live != drift.need_stored:
        plan.need_by_subsector = drift.need_live
        plan.save(update_fields=["need_by_subsector"])
        audit_record(
            actor=by,
            obj=plan,
            action=Action.UPDATE,
            region_code=plan.region.code,
            reason=REASON,
            changes=[
                {"field": "need_by_subsector", "old": drift.need_stored, "new": drift.need_live}
            ],
        )
    return len(picked)
