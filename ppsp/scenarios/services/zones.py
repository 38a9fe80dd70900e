"""Writes: cost lines of a zone plan from the versioned unit costs (compute.cost)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.compute.cost import UnitPrice, ZonePlan, local_price, zone_need
from ppsp.regions.models import Region
from ppsp.scenarios import zone_inputs
from ppsp.scenarios.models import FundingSource, Scenario, ScenarioLine, UnitCostItem
from ppsp.scenarios.services import scenario_audit, scenario_for_edit


def unit_price(item: UnitCostItem) -> UnitPrice:
    return UnitPrice(
        name=item.name,
        unit=item.unit,
        base_price=float(item.base_price),
        labour_share=float(item.labour_share),
        om_per_year=float(item.om_per_year),
        people_per_unit=float(item.people_per_unit),
    )


@transaction.atomic
def scenario_zone_generate(
    *,
    scenario: Scenario,
    subsector: str,
    zone: str,
    unit_cost: UnitCostItem,
    population: int | None,
    growth_pct: float | None,
    baseline_pct: float,
    target_pct: float,
    by: Any,
    risk_class: int = 2,
    priority: int = 0,
    funding_source: str = FundingSource.APBD_KABKOTA,
    method: str = "geometrik",
    desa: Sequence[Region] = (),
    typed_population: Sequence[float | None] = (),
) -> list[ScenarioLine]:
    """Cost lines of one zone plan (compute.cost.zone_need), linked in SIDLACOM order.

    Advokasi → studi & desain → penyiapan lahan → konstruksi → O&M: each line requires the
    one before it, so the optimiser funds construction only with its preparation. The
    people newly served count on the konstruksi and O&M lines (O&M keeps them served).

    With ``desa``, the base population (when not given) is their latest population
    carried to the cycle year, and the risk class comes from their area berisiko when
    classed (`zone_inputs`). ``growth_pct`` None takes each desa's Form 2 rate (per
    kecamatan or the kab/kota rate) and grows the zone at their population-weighted mean.
    ``typed_population`` (per plan year, None = not typed) must agree with the growth,
    else ValidationError names the years.
    """
    scenario = scenario_for_edit(scenario, by)
    if unit_cost.table_id != scenario.unit_costs_id:
        raise ValidationError("Harga satuan harus dari tabel harga satuan skenario ini.")
    table = scenario.unit_costs
    growth = None if growth_pct is None else float(growth_pct) / 100
    reason = ""
    if desa:
        found = zone_inputs.desa_inputs(
            scenario.region, scenario.fiscal_year, subsector, desa, growth, method
        )
        if population is None:
            population = round(found.population)
        if found.risk_class is not None:
            risk_class = found.risk_class
            reason = f", kelas risiko {risk_class} dari area berisiko {found.classed} desa"
        if growth is None:
            growth = found.growth
            rate = f"{growth * 100:.2f}".replace(".", ",")
            reason += f", laju {rate} %/tahun dari profil Form 2 desa"
    if population is None:
        raise ValidationError("Isi penduduk zona, atau pilih desa anggota zona.")
    if growth is None:
        raise ValidationError("Isi pertumbuhan penduduk zona, atau pilih desa anggota zona.")
    zone_inputs.check_typed(
        float(population), growth, list(typed_population), scenario.plan_years, method
    )
    plan = ZonePlan(
        subsector=subsector,
        zone=zone.strip(),
        population=float(population),
        growth=growth,
        baseline_share=float(baseline_pct) / 100,
        target_share=float(target_pct) / 100,
        price=unit_price(unit_cost),
        studi_desain=float(table.share_studi_desain),
        advokasi=float(table.share_advokasi),
        penyiapan_lahan=float(table.share_penyiapan_lahan),
        method=method,
    )
    try:
        records = zone_need(
            plan,
            first_year=scenario.plan_years[0],
            years=len(scenario.plan_years),
            indeks_upah=float(scenario.indeks_upah),
            indeks_bahan=float(scenario.indeks_bahan),
        )
    except ValueError as error:
        raise ValidationError(f"Rencana zona tidak dapat dihitung: {error}") from error
    if not records:
        raise ValidationError(
            "Target tidak memerlukan unit baru: naikkan target layanan atau periksa data."
        )
    konstruksi = next((r for r in records if r.kegiatan_type == "konstruksi"), None)
    new_units = (
        round(
            konstruksi.total
            / local_price(
                float(unit_cost.base_price),
                indeks_upah=float(scenario.indeks_upah),
                indeks_bahan=float(scenario.indeks_bahan),
                labour_share=float(unit_cost.labour_share),
            )
        )
        if konstruksi and unit_cost.base_price
        else 0
    )
    people = round(new_units * float(unit_cost.people_per_unit))
    created: list[ScenarioLine] = []
    previous: ScenarioLine | None = None
    sidlacom = ("advokasi", "studi_desain", "penyiapan_lahan", "konstruksi", "om")
    for record in sorted(records, key=lambda r: sidlacom.index(r.kegiatan_type)):
        served = people if record.kegiatan_type in ("konstruksi", "om") else 0
        line = ScenarioLine.objects.create(
            scenario=scenario,
            subsector=record.subsector,
            zone=record.zone,
            kegiatan_type=record.kegiatan_type,
            description=record.description[:250],
            unit_cost=unit_cost if record.kegiatan_type == "konstruksi" else None,
            amounts=[round(a) for a in record.amounts_by_year],
            people_served=served,
            risk_class=risk_class,
            priority=priority,
            funding_source=funding_source,
            requires=previous,
        )
        created.append(line)
        previous = line
    scenario_audit(
        by,
        scenario,
        Action.UPDATE,
        changes=[
            {
                "field": "rencana zona",
                "old": None,
                "new": f"{zone}: {unit_cost.name}, "
                f"{baseline_pct}% → {target_pct}%, penduduk {population}{reason}, "
                f"{len(created)} baris",
            }
        ],
    )
    return created
