"""Writes for the fiscal capacity (PT-03): each atomic, permission-checked and audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update, field_changes, snapshot
from ppsp.core.access import require_permission
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.finance.models import (
    HISTORY_FIELDS,
    PLAN_FIELDS,
    BelanjaOpd,
    FiscalCapacity,
    HistoryYear,
    PlanYear,
)
from ppsp.regions.models import Level, Region

SETTINGS_FIELDS = (
    "growth_method",
    "deduct_om_existing",
    "first_year_override",
    "komitmen_mode",
    "komitmen_pct",
    "komitmen_per_capita",
    "komitmen_first",
    "komitmen_growth",
    "note",
)


def require(user: Any, code: str) -> None:
    """PermissionDenied unless the user may change the planning data of the region."""
    message = "Anda tidak berwenang mengubah data perencanaan wilayah ini."
    require_permission(user, Permission.EDIT_PLANNING, code, message)


def _actor(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _locked(capacity: FiscalCapacity, by: Any) -> FiscalCapacity:
    locked = FiscalCapacity.objects.select_for_update().select_related("region").get(pk=capacity.pk)
    require(by, locked.region.code)
    ensure_not_frozen(locked)
    return locked


def _touch(capacity: FiscalCapacity, by: Any) -> None:
    capacity.updated_by = _actor(by)
    capacity.save(update_fields=["updated_by", "updated_at"])


@transaction.atomic
def fiscal_capacity_create(*, region: Region, fiscal_year: int, by: Any) -> FiscalCapacity:
    """Start PT-03 for a kab/kota and cycle year, with empty realised and plan years."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Kemampuan keuangan diisi per kabupaten/kota."})
    require(by, region.code)
    if FiscalCapacity.objects.filter(region=region, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            {"fiscal_year": f"Kemampuan keuangan tahun {fiscal_year} sudah dibuat."}
        )
    capacity = FiscalCapacity(region=region, fiscal_year=fiscal_year, updated_by=_actor(by))
    capacity.full_clean()
    capacity.save()
    HistoryYear.objects.bulk_create(
        HistoryYear(capacity=capacity, year=y) for y in capacity.history_years
    )
    PlanYear.objects.bulk_create(PlanYear(capacity=capacity, year=y) for y in capacity.plan_years)
    audit_record(actor=by, obj=capacity, action=Action.CREATE, region_code=region.code)
    return capacity


def _amounts(capacity: FiscalCapacity, amounts: Mapping[int, int]) -> dict[int, int]:
    years = set(capacity.history_years)
    clean = {}
    for year, amount in amounts.items():
        if year not in years:
            raise ValidationError(f"Tahun {year} bukan tahun realisasi n-4..n siklus ini.")
        if amount is None or float(amount) < 0:
            raise ValidationError(f"Realisasi tahun {year} harus angka rupiah >= 0.")
        clean[year] = round(float(amount))
    return clean


@transaction.atomic
def belanja_opd_set(
    *, capacity: FiscalCapacity, opd: str, amounts: Mapping[int, int], by: Any
) -> list[BelanjaOpd]:
    """Set one OPD's realised sanitation spending for the given years (upsert)."""
    capacity = _locked(capacity, by)
    name = " ".join(opd.split())
    if not name:
        raise ValidationError({"opd": "Nama OPD wajib diisi."})
    clean = _amounts(capacity, amounts)
    existing = {r.year: r for r in BelanjaOpd.objects.filter(capacity=capacity, opd=name)}
    changes = []
    rows = []
    for year, amount in sorted(clean.items()):
        row = existing.get(year)
        old = row.amount if row else None
        if row is None:
            row = BelanjaOpd.objects.create(capacity=capacity, opd=name, year=year, amount=amount)
        elif row.amount != amount:
            row.amount = amount
            row.save(update_fields=["amount"])
        if old != amount:
            changes.append({"field": f"{name} {year}", "old": old, "new": amount})
        rows.append(row)
    if changes:
        _touch(capacity, by)
        audit_record(
            actor=by,
            obj=capacity,
            action=Action.UPDATE,
            changes=changes,
            region_code=capacity.region.code,
        )
    return rows


@transaction.atomic
def belanja_opd_delete(*, capacity: FiscalCapacity, opd: str, by: Any) -> int:
    capacity = _locked(capacity, by)
    rows = BelanjaOpd.objects.filter(capacity=capacity, opd=opd)
    changes = [{"field": f"{r.opd} {r.year}", "old": r.amount, "new": None} for r in rows]
    deleted, _ = rows.delete()
    if deleted:
        _touch(capacity, by)
        audit_record(
            actor=by,
            obj=capacity,
            action=Action.DELETE,
            changes=changes,
            reason=f"Baris OPD {opd} dihapus",
            region_code=capacity.region.code,
        )
    return deleted


def _set_years(
    capacity: FiscalCapacity,
    model: type[HistoryYear] | type[PlanYear],
    fields: tuple[str, ...],
    values: Mapping[int, Mapping[str, int]],
    by: Any,
) -> None:
    rows = {r.year: r for r in model.objects.filter(capacity=capacity)}
    changes: list[dict[str, Any]] = []
    for year, entered in sorted(values.items()):
        row = rows.get(year)
        if row is None:
            raise ValidationError(f"Tahun {year} tidak termasuk siklus ini.")
        before = snapshot(row, fields)
        for name in fields:
            if name in entered:
                value = round(float(entered[name]))
                if value < 0:
                    raise ValidationError(f"Nilai {name} tahun {year} harus >= 0.")
                setattr(row, name, value)
        row.save(update_fields=list(fields))
        for change in field_changes(before, snapshot(row, fields)):
            changes.append({**change, "field": f"{change['field']} {year}"})
    if changes:
        _touch(capacity, by)
        audit_record(
            actor=by,
            obj=capacity,
            action=Action.UPDATE,
            changes=changes,
            region_code=capacity.region.code,
        )


@transaction.atomic
def history_years_update(
    *, capacity: FiscalCapacity, values: Mapping[int, Mapping[str, int]], by: Any
) -> None:
    """DAK, pinjaman/hibah, investasi, OP and belanja langsung per realised year [Rp]."""
    capacity = _locked(capacity, by)
    _set_years(capacity, HistoryYear, HISTORY_FIELDS, values, by)


@transaction.atomic
def plan_years_update(
    *, capacity: FiscalCapacity, values: Mapping[int, Mapping[str, int]], by: Any
) -> None:
    """O&M of built assets, total APBD and the komitmen path per plan year [Rp]."""
    capacity = _locked(capacity, by)
    _set_years(capacity, PlanYear, PLAN_FIELDS, values, by)


@transaction.atomic
def fiscal_settings_update(*, capacity: FiscalCapacity, by: Any, **values: Any) -> FiscalCapacity:
    """Growth method, O&M deduction, first-year override and the komitmen form."""
    capacity = _locked(capacity, by)
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)}")
    with audited_update(capacity, SETTINGS_FIELDS, actor=by, region_code=capacity.region.code):
        for name, value in values.items():
            setattr(capacity, name, value)
        capacity.updated_by = _actor(by)
        capacity.full_clean()
        capacity.save(update_fields=[*values, "updated_by", "updated_at"])
    return capacity


@transaction.atomic
def belanja_import(
    *, capacity: FiscalCapacity, data: bytes, by: Any, filename: str = "berkas"
) -> list[str]:
    """Replace the OPD realisation table from an XLSX file; all or nothing.

    Returns the problems found (nothing is changed when there is any).
    """
    from ppsp.finance.belanja_file import parse_belanja

    capacity = _locked(capacity, by)
    parsed = parse_belanja(data, capacity.history_years, filename)
    if parsed.problems:
        return parsed.problems
    before = {(r.opd, r.year): r.amount for r in capacity.belanja.all()}
    capacity.belanja.all().delete()
    BelanjaOpd.objects.bulk_create(
        BelanjaOpd(capacity=capacity, opd=opd, year=year, amount=amount)
        for opd, amounts in parsed.rows.items()
        for year, amount in amounts.items()
    )
    after = {(opd, y): a for opd, amounts in parsed.rows.items() for y, a in amounts.items()}
    changes = [
        {"field": f"{opd} {year}", "old": before.get((opd, year)), "new": after.get((opd, year))}
        for opd, year in sorted(set(before) | set(after))
        if before.get((opd, year)) != after.get((opd, year))
    ]
    _touch(capacity, by)
    audit_record(
        actor=by,
        obj=capacity,
        action=Action.IMPORT,
        changes=changes,
        reason=f"Impor XLSX realisasi belanja: {len(parsed.rows)} OPD",
        region_code=capacity.region.code,
    )
    return []
