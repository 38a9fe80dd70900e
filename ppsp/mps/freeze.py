"""The sign-off of an MPS year freezes what the memorandum binds (issue 16).

At the first sign-off of a year (`services.funding.mps_sign_off`) the year's data are stored
as a `core.DataSnapshot` (kind ``mps_year``): the Lampiran 4 rows in the MPS of that year
(the MPS line: subsector, program, kegiatan, lokasi, source, OPD, the year's amount,
readiness), the total per funding source and the commitments of that year. From then on the
direct locks registered here (through `ppsp.core.freeze`) refuse a change of those data:
a row whose MPS line of a signed year would differ from the snapshot (or a new row entering
that year), a new or changed commitment of a signed year, deleting either. Other years of a
row stay editable, and a commitment may still advance indikasi → … → direalisasi (its
status is recorded in the snapshot but is the follow-up of the memorandum, not a change).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from ppsp.core import freeze
from ppsp.core.freeze import Holder
from ppsp.core.models import DataSnapshot
from ppsp.mps.models import FundingCommitment, Plan, ProgrammeRow, RowStatus

KIND = "mps_year"
ROW_KEYS = (
    "subsector",
    "program",
    "kegiatan",
    "lokasi",
    "source",
    "opd",
    "amount",
    "ready_ded",
    "ready_lahan",
    "ready_kelembagaan",
)
COMMITMENT_KEYS = ("row", "party", "year", "amount", "kind")


def label(plan: Plan, year: int) -> str:
    return f"MPS {year} {plan.region.name}"


def row_line(row: ProgrammeRow, year: int, first_year: int) -> dict[str, Any] | None:
    """The row as the MPS of `year` shows it, or None when it is not in that MPS."""
    index = year - first_year
    if not 0 <= index < len(row.amounts):
        return None
    amount = int(row.amounts[index] or 0)
    if row.status != RowStatus.PRIORITAS or not amount:
        return None
    return {
        "id": row.pk,
        "subsector": row.subsector,
        "program": row.program,
        "kegiatan": row.kegiatan,
        "lokasi": row.lokasi.name if row.lokasi_id and row.lokasi else row.zone,
        "source": row.source,
        "opd": row.opd,
        "amount": amount,
        "ready_ded": bool(row.ready_ded),
        "ready_lahan": bool(row.ready_lahan),
        "ready_kelembagaan": bool(row.ready_kelembagaan),
    }


def commitment_line(commitment: FundingCommitment) -> dict[str, Any]:
    return {
        "id": commitment.pk,
        "row": commitment.row_id,
        "party": commitment.party,
        "year": commitment.year,
        "amount": int(commitment.amount),
        "kind": commitment.kind,
        "status": commitment.status,
    }


def year_data(plan: Plan, year: int) -> dict[str, Any]:
    """What the MPS of `year` binds, as JSON-ready data (the snapshot's content)."""
    from ppsp.mps.selectors import mps_table

    lines, per_source = mps_table(plan, year)
    rows = []
    for line in lines:
        entry = row_line(line.row, year, plan.first_year)
        if entry is not None:
            rows.append(entry | {"committed": int(line.committed)})
    commitments = FundingCommitment.objects.filter(row__plan=plan, year=year).order_by("pk")
    return {
        "plan": plan.pk,
        "region": plan.region.code,
        "year": year,
        "rows": rows,
        "per_source": {source: int(amount) for source, amount in sorted(per_source.items())},
        "total": int(sum(per_source.values())),
        "commitments": [commitment_line(c) for c in commitments],
    }


def snapshot_take(*, plan: Plan, year: int, party: str, by: Any) -> Any:
    """Freeze the year at its first sign-off; later sign-offs sign the same snapshot."""
    existing = freeze.snapshot_latest(KIND, plan.pk, year)
    if existing is not None:
        return existing
    return freeze.snapshot_store(
        kind=KIND,
        subject=plan,
        year=year,
        region_code=plan.region.code,
        label=label(plan, year),
        event=f"MPS {year} disetujui {party}",
        data=year_data(plan, year),
        by=by,
    )


def signed_years(plan_id: int) -> dict[int, Any]:
    """Year -> snapshot of every signed year of a plan."""
    snaps: dict[int, Any] = {}
    for snap in DataSnapshot.objects.filter(kind=KIND, subject_id=plan_id).order_by("pk"):
        snaps.setdefault(snap.year, snap)
    return snaps


def _holder(plan: Plan, snap: Any) -> Holder:
    return Holder(
        label(plan, snap.year),
        0,
        plan.region.code,
        state=gettext_noop("disetujui para pihak"),
        hint=gettext_noop("Perubahan dibahas pada MPS tahun berikutnya."),
        sha256=snap.sha256,
        subject=plan,
    )


def _same(entry: dict[str, Any] | None, line: dict[str, Any] | None, keys: tuple[str, ...]) -> bool:
    if entry is None or line is None:
        return entry is None and line is None
    return all(entry.get(k) == line.get(k) for k in keys)


def row_lock(row: ProgrammeRow) -> Holder | None:
    """A row whose line in a signed year's MPS would differ from the snapshot."""
    if not row.plan_id:
        return None
    plan = row.plan
    for year, snap in signed_years(row.plan_id).items():
        stored = {r["id"]: r for r in snap.data.get("rows", [])}
        entry = stored.get(row.pk) if row.pk else None
        if not _same(entry, row_line(row, year, plan.first_year), ROW_KEYS):
            return _holder(plan, snap)
    return None


def row_delete_lock(row: ProgrammeRow) -> Holder | None:
    """A row in a signed year's MPS is never deleted."""
    if not row.pk:
        return None
    for snap in signed_years(row.plan_id).values():
        if any(r["id"] == row.pk for r in snap.data.get("rows", [])):
            return _holder(row.plan, snap)
    return None


def commitment_lock(commitment: FundingCommitment) -> Holder | None:
    """A new commitment of a signed year, or a signed one whose party/amount/kind changed."""
    if not commitment.row_id:
        return None
    plan = commitment.row.plan
    signed = signed_years(plan.pk)
    for snap in signed.values():
        for entry in snap.data.get("commitments", []):
            if entry["id"] == commitment.pk:
                if _same(entry, commitment_line(commitment), COMMITMENT_KEYS):
                    return None
                return _holder(plan, snap)
    snap = signed.get(commitment.year)
    return _holder(plan, snap) if snap is not None else None


def commitment_delete_lock(commitment: FundingCommitment) -> Holder | None:
    if not commitment.pk or not commitment.row_id:
        return None
    for snap in signed_years(commitment.row.plan_id).values():
        if any(c["id"] == commitment.pk for c in snap.data.get("commitments", [])):
            return _holder(commitment.row.plan, snap)
    return None


def register() -> None:
    freeze.register_lock(ProgrammeRow, row_lock, on_delete=row_delete_lock)
    freeze.register_lock(FundingCommitment, commitment_lock, on_delete=commitment_delete_lock)


def snapshot_lines(snap: Any) -> tuple[list[Any], dict[str, int]]:
    """The MPS lines and totals per source as signed (for the XLSX of a signed year)."""
    from types import SimpleNamespace

    lines = []
    for r in snap.data.get("rows", []):
        fields = {k: r[k] for k in ROW_KEYS if k not in ("amount", "lokasi")}
        row = SimpleNamespace(pk=r["id"], lokasi=None, zone=r["lokasi"], **fields)
        lines.append(SimpleNamespace(row=row, amount=r["amount"], committed=r.get("committed", 0)))
    return lines, dict(snap.data.get("per_source", {}))
