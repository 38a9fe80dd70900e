"""Cost need per zone × year × kegiatan type (Instrumen Perencanaan logic, Proses 3).

Sources: ``domain/domain-ppsp.md`` §9.1–§9.5 (inputs, kegiatan types, DKI-based unit
costs with a regional labour/material index), §16.2 item 3. Amounts are full rupiah (Rp);
population in jiwa. Pure functions over frozen dataclasses; output is
:class:`ppsp.compute.records.CostLine`, the Proses 3 → Proses 4 hand-over record.

Model (§9.2, simplified to one system per zone plan)::

    P_t        = P_0 · (1 + r) ** t                    (geometrik, or aritmetik)
    s_t        = s_0 + (s_T − s_0) · t / T             share served, linear to the target
    U_t        = ceil(P_t · s_t / people_per_unit)     units needed (U_0 from the baseline)
    new_t      = max(0, U_t − max(U_0 .. U_{t−1}))     units built in year t
    price      = base_DKI · (w · indeks_upah + (1 − w) · indeks_bahan)
    konstruksi_t      = new_t · price                  (konstruksi & supervisi)
    studi_desain_t    = f_sd  · konstruksi_t
    advokasi_t        = f_adv · konstruksi_t
    penyiapan_lahan_t = f_lhn · konstruksi_t
    om_t       = Σ_{s<t} new_s · om_per_unit           O&M of the plan's growing asset base,
                                                       from the year after construction
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ppsp.compute.numbers import id_number
from ppsp.compute.projection import project_population
from ppsp.compute.records import KEGIATAN_TYPES, SUBSECTORS, CostLine
from ppsp.compute.vocabulary import KEGIATAN_TYPE_LABELS

__all__ = [
    "KEGIATAN_LABELS",
    "UnitPrice",
    "ZonePlan",
    "local_price",
    "service_path",
    "timbulan_m3_per_day",
    "volume_line",
    "waste_people_per_unit",
    "zone_need",
]

TIMBULAN_L_PER_PERSON_DAY = 2.5
"""Default waste generation [L/orang/hari] for small and medium towns ([R], SNI 19-3964-1994
order of magnitude); the Instrumen Persampahan takes it as an input (§9.3)."""

KEGIATAN_LABELS = KEGIATAN_TYPE_LABELS
"""The five standard kegiatan of the Instrumen Perencanaan, Langkah 4 (§9.2)."""


def local_price(
    base_price: float, *, indeks_upah: float = 1.0, indeks_bahan: float = 1.0, labour_share: float
) -> float:
    """Unit price in the kab/kota from the DKI Jakarta standard price (§9.2, §9.5).

    ``base_price · (w · indeks_upah + (1 − w) · indeks_bahan)`` with ``w`` the labour
    share of the price (0..1); indices are relative to DKI Jakarta = 1.
    """
    values = (float(base_price), float(indeks_upah), float(indeks_bahan), float(labour_share))
    if not all(math.isfinite(v) for v in values):
        raise ValueError("prices, indices and shares must be finite")
    base, upah, bahan, share = values
    if base < 0 or upah < 0 or bahan < 0 or not 0.0 <= share <= 1.0:
        raise ValueError("need base_price >= 0, indices >= 0 and 0 <= labour_share <= 1")
    return base * (share * upah + (1.0 - share) * bahan)


def service_path(baseline: float, target: float, years: int) -> list[float]:
    """Share served per plan year, linear from ``baseline`` (t = 0) to ``target`` (t = years).

    Shares are fractions 0..1 (§16.2 item 3: interpolated to the 5-year target).
    """
    low, high = float(baseline), float(target)
    if not (0.0 <= low <= 1.0 and 0.0 <= high <= 1.0):
        raise ValueError("shares must lie in [0, 1]")
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise ValueError(f"years must be an integer >= 1, got {years!r}")
    return [low + (high - low) * t / years for t in range(1, years + 1)]


def timbulan_m3_per_day(
    people: float,
    litres_per_person_day: float = TIMBULAN_L_PER_PERSON_DAY,
    *,
    market_m3_per_day: float = 0.0,
) -> float:
    """Daily waste volume to handle [m³/hari] (§9.3, Langkah 2).

    ``people · L / 1000 + V_pasar`` with people served [jiwa], waste generation ``L``
    [L/orang/hari] and market waste ``V_pasar`` [m³/hari].
    """
    values = (float(people), float(litres_per_person_day), float(market_m3_per_day))
    if not all(math.isfinite(v) and v >= 0 for v in values):
        raise ValueError("people, generation and market volume must be finite and >= 0")
    return values[0] * values[1] / 1000.0 + values[2]


def waste_people_per_unit(
    capacity_m3: float,
    trips_per_day: float,
    litres_per_person_day: float = TIMBULAN_L_PER_PERSON_DAY,
) -> float:
    """People whose daily waste one vehicle or facility handles [jiwa] (§9.3).

    ``capacity · ritasi · 1000 / L``: volume per load [m³] × loads per day over the waste
    generation [L/orang/hari]. Sizing a fleet, TPS or TPS 3R by people served this way lets
    :func:`zone_need` turn the timbulan into units: ``units = ⌈V / (capacity · ritasi)⌉``.
    """
    cap, trips, litres = float(capacity_m3), float(trips_per_day), float(litres_per_person_day)
    if not all(math.isfinite(v) and v > 0 for v in (cap, trips, litres)):
        raise ValueError("capacity, trips per day and generation must be finite and > 0")
    return cap * trips * 1000.0 / litres


@dataclass(frozen=True)
class UnitPrice:
    """One line of a unit-cost table (DKI Jakarta standard, §9.5).

    Attributes
    ----------
    name : str
        Technology or item, e.g. "Tangki septik individual".
    unit : str
        The unit counted, e.g. "unit", "SR", "m".
    base_price : float
        Investment per unit at DKI prices [Rp].
    labour_share : float
        Share of the price that is labour (0..1), for the regional index.
    om_per_year : float
        O&M per unit per year [Rp].
    people_per_unit : float
        People served by one unit [jiwa]; > 0 for zone plans.
    """

    name: str
    unit: str
    base_price: float
    labour_share: float = 0.4
    om_per_year: float = 0.0
    people_per_unit: float = 0.0


@dataclass(frozen=True)
class ZonePlan:
    """Targets of one zone and subsector with the chosen technology (§8.4, §9.2).

    Attributes
    ----------
    subsector : str
        One of :data:`ppsp.compute.records.SUBSECTORS`.
    zone : str
        Zone name or code.
    population : float
        Population of the zone in the base year (the year before the first plan year)
        [jiwa].
    growth : float
        Population growth per year (fraction).
    baseline_share : float
        Share of the population served by the technology in the base year (0..1).
    target_share : float
        Share to reach in the last plan year (0..1; the medium-term target).
    price : UnitPrice
        The technology's unit cost.
    studi_desain : float
        Studi & desain as a fraction of konstruksi.
    advokasi : float
        Advokasi, kampanye & sosialisasi as a fraction of konstruksi.
    penyiapan_lahan : float
        Penyiapan lahan as a fraction of konstruksi.
    method : str
        Population projection method ("geometrik" or "aritmetik").
    """

    subsector: str
    zone: str
    population: float
    growth: float
    baseline_share: float
    target_share: float
    price: UnitPrice
    studi_desain: float = 0.05
    advokasi: float = 0.02
    penyiapan_lahan: float = 0.0
    method: str = "geometrik"


def _units(people: float, per_unit: float) -> int:
    # A tiny relative slack keeps exact multiples (1,000 / 4) from rounding up by float noise.
    return math.ceil(people / per_unit - 1e-9)


def zone_need(
    plan: ZonePlan,
    *,
    first_year: int,
    years: int = 5,
    indeks_upah: float = 1.0,
    indeks_bahan: float = 1.0,
) -> list[CostLine]:
    """Cost need of one zone plan per kegiatan type and year (see the module docstring).

    Parameters
    ----------
    plan : ZonePlan
    first_year : int
        Fiscal year of the first plan year.
    years : int
        Number of plan years.
    indeks_upah, indeks_bahan : float
        Regional labour and material indices (DKI Jakarta = 1).

    Returns
    -------
    list[CostLine]
        One line per kegiatan type with a non-zero amount, in the order of
        :data:`ppsp.compute.records.KEGIATAN_TYPES`; descriptions in Bahasa Indonesia.
    """
    if plan.subsector not in SUBSECTORS:
        raise ValueError(f"subsector must be one of {SUBSECTORS}, got {plan.subsector!r}")
    if not plan.price.people_per_unit > 0:
        raise ValueError(f"{plan.price.name!r} needs people_per_unit > 0 for a zone plan")
    fractions = (plan.studi_desain, plan.advokasi, plan.penyiapan_lahan)
    if not all(math.isfinite(f) and f >= 0 for f in fractions):
        raise ValueError("kegiatan shares must be finite and >= 0")
    people = project_population(plan.population, plan.growth, years, method=plan.method)
    shares = service_path(plan.baseline_share, plan.target_share, years)
    served = [p * s for p, s in zip(people, shares, strict=True)]
    per_unit = plan.price.people_per_unit
    built_so_far = _units(plan.population * plan.baseline_share, per_unit)
    new_units = []
    for amount in served:
        need = _units(amount, per_unit)
        new_units.append(max(0, need - built_so_far))
        built_so_far = max(built_so_far, need)
    unit_price = local_price(
        plan.price.base_price,
        indeks_upah=indeks_upah,
        indeks_bahan=indeks_bahan,
        labour_share=plan.price.labour_share,
    )
    konstruksi = [n * unit_price for n in new_units]
    cumulative = [sum(new_units[:t]) for t in range(years)]
    amounts = {
        "studi_desain": [plan.studi_desain * k for k in konstruksi],
        "advokasi": [plan.advokasi * k for k in konstruksi],
        "penyiapan_lahan": [plan.penyiapan_lahan * k for k in konstruksi],
        "konstruksi": konstruksi,
        "om": [c * plan.price.om_per_year for c in cumulative],
    }
    total_new = sum(new_units)
    lines = []
    for kind in KEGIATAN_TYPES:
        row = amounts[kind]
        if not any(v > 0 for v in row):
            continue
        label = KEGIATAN_LABELS[kind]
        what = f"{plan.price.name} ({id_number(total_new)} {plan.price.unit} baru)"
        lines.append(
            CostLine(
                subsector=plan.subsector,
                kegiatan_type=kind,
                zone=plan.zone,
                description=f"{label}: {what}, {plan.zone}".strip(", "),
                first_year=first_year,
                amounts_by_year=tuple(float(v) for v in row),
            )
        )
    return lines


def volume_line(
    *,
    subsector: str,
    kegiatan_type: str,
    zone: str,
    description: str,
    first_year: int,
    volumes: Sequence[float],
    price: UnitPrice,
    indeks_upah: float = 1.0,
    indeks_bahan: float = 1.0,
) -> CostLine:
    """A cost line from volumes per year × the regional unit price (e.g. drainase metres).

    ``amount_t = volume_t · local_price(price)`` [Rp] (§9.4: area/length based).
    """
    if subsector not in SUBSECTORS or kegiatan_type not in KEGIATAN_TYPES:
        raise ValueError("unknown subsector or kegiatan type")
    quantities = [float(v) for v in volumes]
    if not all(math.isfinite(v) and v >= 0 for v in quantities):
        raise ValueError("volumes must be finite and >= 0")
    unit_price = local_price(
        price.base_price,
        indeks_upah=indeks_upah,
        indeks_bahan=indeks_bahan,
        labour_share=price.labour_share,
    )
    return CostLine(
        subsector=subsector,
        kegiatan_type=kegiatan_type,
        zone=zone,
        description=description,
        first_year=first_year,
        amounts_by_year=tuple(v * unit_price for v in quantities),
    )
