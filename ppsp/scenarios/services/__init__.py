"""Writes for scenarios: create, cost lines, zone plans, source caps, optimise, choose.

Each service is atomic, checks the permission for the scenario's kab/kota and writes an
audit row (anchors-code.md §11 rule 4).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.compute.cost import local_price
from ppsp.core.access import require_permission
from ppsp.core.actors import user_of
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.finance.selectors import budgets
from ppsp.regions.models import Level, Region
from ppsp.scenarios.models import (
    BudgetBasis,
    FundingSource,
    Scenario,
    ScenarioLine,
    SourceCap,
    UnitCostItem,
    UnitCostTable,
)


def require(user: Any, code: str, permission: Permission = Permission.EDIT_PLANNING) -> None:
    """PermissionDenied unless the user may change the planning data of the region."""
    message = "Anda tidak berwenang mengubah data perencanaan wilayah ini."
    require_permission(user, permission, code, message)


def scenario_for_edit(scenario: Scenario, by: Any) -> Scenario:
    """The scenario locked for update (select_for_update), after the permission and freeze
    checks — the first step of every write to a scenario or its lines."""
    locked = (
        Scenario.objects.select_for_update()
        .select_related("region", "unit_costs")
        .get(pk=scenario.pk)
    )
    require(by, locked.region.code)
    ensure_not_frozen(locked)
    return locked


def scenario_audit(by: Any, scenario: Scenario, action: str, **kwargs: Any) -> None:
    """One audit row on the scenario (its lines, caps and runs are audited on it)."""
    audit_record(actor=by, obj=scenario, action=action, region_code=scenario.region.code, **kwargs)


@transaction.atomic
def scenario_create(
    *,
    region: Region,
    fiscal_year: int,
    name: str,
    unit_costs: UnitCostTable,
    by: Any,
    description: str = "",
    indeks_upah: Decimal | float = 1,
    indeks_bahan: Decimal | float = 1,
    budget_basis: str = BudgetBasis.KOMITMEN,
    copy_from: Scenario | None = None,
) -> Scenario:
    """A new scenario for the kab/kota and cycle year; optionally a copy of another's lines."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Skenario disusun per kabupaten/kota."})
    require(by, region.code)
    label = " ".join(name.split())
    if Scenario.objects.filter(region=region, fiscal_year=fiscal_year, name=label).exists():
        raise ValidationError({"name": f"Skenario bernama {label} sudah ada."})
    scenario = Scenario(
        region=region,
        fiscal_year=fiscal_year,
        name=label,
        description=description,
        unit_costs=unit_costs,
        indeks_upah=Decimal(str(indeks_upah)),
        indeks_bahan=Decimal(str(indeks_bahan)),
        budget_basis=budget_basis,
        created_by=user_of(by),
    )
    scenario.full_clean()
    scenario.save()
    reason = ""
    if copy_from is not None:
        if (copy_from.region_id, copy_from.fiscal_year) != (region.pk, fiscal_year):
            raise ValidationError("Hanya skenario dari siklus yang sama yang dapat disalin.")
        mapping: dict[int, ScenarioLine] = {}
        originals = list(copy_from.lines.order_by("id"))
        for line in originals:
            old_pk = line.pk
            line.pk = None
            line.scenario = scenario
            line.requires = None
            line.save()
            mapping[old_pk] = line
        for old in ScenarioLine.objects.filter(scenario=copy_from, requires__isnull=False):
            new = mapping[old.pk]
            new.requires = mapping.get(old.requires_id)  # type: ignore[arg-type]
            new.save(update_fields=["requires"])
        for cap in copy_from.caps.all():
            SourceCap.objects.create(scenario=scenario, source=cap.source, amounts=cap.amounts)
        reason = f"Disalin dari skenario {copy_from.name}"
    scenario_audit(by, scenario, Action.CREATE, reason=reason)
    return scenario


def _clean_amounts(values: Sequence[Any], years: int, what: str) -> list[int]:
    amounts = [round(float(v or 0)) for v in list(values)[:years]]
    amounts += [0] * (years - len(amounts))
    if any(a < 0 for a in amounts):
        raise ValidationError(f"{what} tidak boleh negatif.")
    return amounts


LINE_FIELDS = (
    "subsector",
    "zone",
    "kegiatan_type",
    "description",
    "unit_cost",
    "volumes",
    "amounts",
    "people_served",
    "risk_class",
    "priority",
    "mandatory",
    "funding_source",
    "requires",
)


def _costs(
    scenario: Scenario,
    unit_cost: UnitCostItem | None,
    volumes: Sequence[Any],
    amounts: Sequence[Any],
) -> tuple[list[float], list[int]]:
    """(volumes, amounts per plan year [Rp]): volumes × the regional price, else amounts."""
    years = len(scenario.plan_years)
    if unit_cost is not None and any(float(v or 0) for v in volumes):
        if unit_cost.table_id != scenario.unit_costs_id:
            raise ValidationError("Harga satuan harus dari tabel harga satuan skenario ini.")
        vols = ([float(v or 0) for v in list(volumes)[:years]] + [0.0] * years)[:years]
        if any(v < 0 for v in vols):
            raise ValidationError("Volume tidak boleh negatif.")
        price = local_price(
            float(unit_cost.base_price),
            indeks_upah=float(scenario.indeks_upah),
            indeks_bahan=float(scenario.indeks_bahan),
            labour_share=float(unit_cost.labour_share),
        )
        clean = [round(v * price) for v in vols]
    else:
        vols, clean = [], _clean_amounts(amounts, years, "Biaya")
    if not any(clean):
        raise ValidationError("Isi biaya per tahun, atau harga satuan dengan volume per tahun.")
    return vols, clean


def _fill(
    line: ScenarioLine,
    scenario: Scenario,
    *,
    subsector: str,
    kegiatan_type: str,
    description: str,
    zone: str = "",
    amounts: Sequence[Any] = (),
    unit_cost: UnitCostItem | None = None,
    volumes: Sequence[Any] = (),
    people_served: int = 0,
    risk_class: int = 2,
    priority: int = 0,
    mandatory: bool = False,
    funding_source: str = FundingSource.APBD_KABKOTA,
    requires: ScenarioLine | None = None,
) -> None:
    vols, clean = _costs(scenario, unit_cost, volumes, amounts)
    if requires is not None:
        if requires.scenario_id != scenario.pk:
            raise ValidationError("Prasyarat harus baris dari skenario yang sama.")
        step: ScenarioLine | None = requires
        while step is not None:
            if line.pk is not None and step.pk == line.pk:
                raise ValidationError("Prasyarat tidak boleh melingkar kembali ke baris ini.")
            step = step.requires
    line.subsector = subsector
    line.zone = zone.strip()
    line.kegiatan_type = kegiatan_type
    line.description = " ".join(description.split())
    line.unit_cost = unit_cost if vols else None
    line.volumes = vols
    line.amounts = clean
    line.people_served = people_served
    line.risk_class = risk_class
    line.priority = priority
    line.mandatory = mandatory
    line.funding_source = funding_source
    line.requires = requires
    line.full_clean()


@transaction.atomic
def scenario_line_add(*, scenario: Scenario, by: Any, **values: Any) -> ScenarioLine:
    """Add one cost line: amounts per plan year, or volumes × the regional unit price.

    ``values``: subsector, kegiatan_type, description (required), zone, amounts,
    unit_cost, volumes, people_served, risk_class, priority, mandatory, funding_source,
    requires.
    """
    scenario = scenario_for_edit(scenario, by)
    line = ScenarioLine(scenario=scenario)
    _fill(line, scenario, **values)
    line.save()
    scenario_audit(
        by,
        scenario,
        Action.UPDATE,
        changes=[
            {"field": "baris biaya", "old": None, "new": f"{line.description}: {line.amounts}"}
        ],
    )
    return line


@transaction.atomic
def scenario_line_update(*, line: ScenarioLine, by: Any, **values: Any) -> ScenarioLine:
    """Change one cost line (same values as :func:`scenario_line_add`), audited field by field."""
    scenario = scenario_for_edit(line.scenario, by)
    line = ScenarioLine.objects.select_for_update().get(pk=line.pk, scenario=scenario)
    with audited_update(
        line, LINE_FIELDS, actor=by, audit_obj=scenario, region_code=scenario.region.code
    ) as change:
        _fill(line, scenario, **values)
        line.save()
        change.field_prefix = f"{line.description}: "
    return line


@transaction.atomic
def scenario_line_delete(*, line: ScenarioLine, by: Any) -> None:
    scenario = scenario_for_edit(line.scenario, by)
    text = f"{line.description}: {line.amounts}"
    line.delete()
    scenario_audit(
        by, scenario, Action.UPDATE, changes=[{"field": "baris biaya", "old": text, "new": None}]
    )


@transaction.atomic
def source_caps_set(
    *, scenario: Scenario, caps: Mapping[str, Sequence[Any] | None], by: Any
) -> None:
    """Expected funding per year from other sources; None removes a source's cap."""
    scenario = scenario_for_edit(scenario, by)
    years = len(scenario.plan_years)
    changes = []
    for source, values in caps.items():
        if source not in FundingSource.values or source == FundingSource.APBD_KABKOTA:
            raise ValidationError(f"Sumber {source} tidak dapat diberi perkiraan dana di sini.")
        existing = SourceCap.objects.filter(scenario=scenario, source=source).first()
        old = existing.amounts if existing else None
        if values is None:
            if existing:
                existing.delete()
            new = None
        else:
            new = _clean_amounts(values, years, "Perkiraan dana")
            SourceCap.objects.update_or_create(
                scenario=scenario, source=source, defaults={"amounts": new}
            )
        if old != new:
            changes.append({"field": f"perkiraan dana {source}", "old": old, "new": new})
    if changes:
        scenario_audit(by, scenario, Action.UPDATE, changes=changes)


def own_budget(scenario: Scenario) -> list[float]:
    """The APBD Kab/Kota cap per plan year: (b) or (c) of Tabel 5.1 [Rp]."""
    fiscal = budgets(scenario.region, scenario.fiscal_year)
    if fiscal is None:
        raise ValidationError(
            "Isi kemampuan keuangan daerah (PT-03) siklus ini dulu: optimasi memerlukan "
            "batas anggaran (b) atau (c)."
        )
    values = fiscal.b if scenario.budget_basis == BudgetBasis.APBD_MURNI else fiscal.c
    if values is None:
        label = BudgetBasis(scenario.budget_basis).label
        raise ValidationError(
            f"Batas anggaran {label} belum dapat dihitung: " + " ".join(fiscal.problems)
        )
    return list(values)


@transaction.atomic
def scenario_choose(*, scenario: Scenario, justification: str, by: Any) -> Scenario:
    """Record this scenario as the chosen one of its cycle, with the Pokja's justification."""
    scenario = scenario_for_edit(scenario, by)
    reason = justification.strip()
    if not reason:
        raise ValidationError({"justification": "Tuliskan alasan Pokja memilih skenario ini."})
    if not scenario.runs.exists():
        raise ValidationError("Jalankan optimasi skenario ini sebelum memilihnya.")
    previous = list(
        Scenario.objects.select_for_update()
        .filter(region=scenario.region, fiscal_year=scenario.fiscal_year, chosen=True)
        .exclude(pk=scenario.pk)
    )
    ensure_not_frozen(*previous)
    for other in previous:
        other.chosen = False
        other.save(update_fields=["chosen"])
        scenario_audit(
            by,
            other,
            Action.TRANSITION,
            changes=[{"field": "chosen", "old": True, "new": False}],
            reason=f"Diganti oleh skenario {scenario.name}",
        )
    was = scenario.chosen
    scenario.chosen = True
    scenario.justification = reason
    scenario.chosen_by = user_of(by)
    scenario.chosen_at = timezone.now()
    scenario.save(update_fields=["chosen", "justification", "chosen_by", "chosen_at"])
    scenario_audit(
        by,
        scenario,
        Action.TRANSITION,
        changes=[{"field": "chosen", "old": was, "new": True}],
        reason=reason,
    )
    return scenario
