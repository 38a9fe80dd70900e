"""System suggestion per desa: the first step of zoning (Proses 3, Instrumen SSK sheets 6–8).

Sources: ``domain/domain-ppsp.md`` §8.3 (drainase priority from the risk score),
§8.4 (inputs of the system selection: density, groundwater/flooding, CBD, share of high
risk; the density rule of thumb, marked [R — verify], so every threshold is
configuration), §16.2 item 2. The Pokja then groups desa with the same system into zones
and may overrule any suggestion. Pure functions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["DesaFacts", "Suggestion", "Thresholds", "suggest", "thresholds_from"]

AIR_LIMBAH = {
    "terpusat": "SPALD-T skala perkotaan/kawasan (terpusat)",
    "komunal": "SPALD-T skala permukiman (komunal)",
    "setempat": "SPALD-S setempat (tangki septik + LLTT)",
}
PERSAMPAHAN = {
    "langsung": "Pelayanan langsung (door-to-door) ke TPA",
    "tidak_langsung": "Pelayanan tidak langsung via TPS / TPS 3R",
    "setempat": "Pengolahan setempat (3R, komposting)",
}
DRAINASE = {"tinggi": "Prioritas tinggi", "rendah": "Prioritas rendah"}


@dataclass(frozen=True)
class Thresholds:
    """Configurable thresholds [jiwa/ha] and risk classes (domain-ppsp.md §8.4, [R])."""

    terpusat_density: float = 150.0  # above: terpusat (kota/kawasan)
    komunal_density: float = 100.0  # above: komunal (SPALD-T skala permukiman)
    komunal_density_wet: float = 25.0  # above, with high groundwater or flooding: komunal
    high_risk_class: int = 3  # area berisiko class counted as high risk (3 tinggi, 4 sangat)
    sampah_direct_density: float = 100.0  # urban and above: door-to-door collection
    sampah_urban_density: float = 25.0  # rural below: on-site processing (3R, composting)


def thresholds_from(values: dict[str, Any] | None) -> Thresholds:
    """Thresholds with the given overrides (unknown keys are an error)."""
    known = {f.name for f in fields(Thresholds)}
    given = dict(values or {})
    if unknown := set(given) - known:
        raise ValueError(f"unknown zoning thresholds {sorted(unknown)}")
    return Thresholds(**{k: type(getattr(Thresholds(), k))(v) for k, v in given.items()})


@dataclass(frozen=True)
class DesaFacts:
    """What the suggestion reads for one desa.

    Attributes
    ----------
    density : float or None
        People per hectare [jiwa/ha] (netto when the built-up area is known, else bruto);
        None when unknown.
    urban : bool
        Urban by BPS/RTRW (a kelurahan when nothing better is known).
    cbd : bool
        Central business district, now or planned.
    wet : bool
        Groundwater shallower than 0.3 m, or prone to flooding/genangan.
    risk : dict of str to int
        Area berisiko class 1–4 per subsector ("air_limbah", "persampahan", "drainase").
    """

    density: float | None
    urban: bool
    cbd: bool = False
    wet: bool = False
    risk: tuple[tuple[str, int], ...] = ()

    def risk_of(self, subsector: str) -> int:
        return dict(self.risk).get(subsector, 0)


@dataclass(frozen=True)
class Suggestion:
    air_limbah: str | None  # key of AIR_LIMBAH, None without density
    persampahan: str | None  # key of PERSAMPAHAN, None without density
    drainase: str | None  # key of DRAINASE, None without a risk class
    reasons: tuple[str, ...]


def suggest(facts: DesaFacts, limits: Thresholds | None = None) -> Suggestion:
    """Suggested system per subsector for one desa.

    Air limbah: CBD or density > ``terpusat_density`` → terpusat; density >=
    ``komunal_density``, or wet ground with density >= ``komunal_density_wet``, or high
    risk with density >= ``komunal_density_wet`` → komunal; else setempat. Persampahan:
    urban with density >= ``sampah_direct_density`` → langsung; urban, or density >=
    ``sampah_urban_density`` → tidak langsung; else setempat. Drainase: area berisiko
    class >= ``high_risk_class`` → prioritas tinggi (§8.3: score 3–4 red), else rendah.
    """
    t = limits or Thresholds()
    reasons: list[str] = []
    density = facts.density
    if density is not None and (not math.isfinite(density) or density < 0):
        raise ValueError(f"density must be finite and >= 0, got {density}")
    air = sampah = None
    if density is not None:
        high_risk = facts.risk_of("air_limbah") >= t.high_risk_class
        if facts.cbd or density > t.terpusat_density:
            air = "terpusat"
            reasons.append("CBD" if facts.cbd else f"kepadatan > {t.terpusat_density:g} jiwa/ha")
        elif density >= t.komunal_density:
            air = "komunal"
            reasons.append(f"kepadatan ≥ {t.komunal_density:g} jiwa/ha")
        elif (facts.wet or high_risk) and density >= t.komunal_density_wet:
            air = "komunal"
            why = "air tanah dangkal/rawan genangan" if facts.wet else "area berisiko tinggi"
            reasons.append(f"{why} dan kepadatan ≥ {t.komunal_density_wet:g} jiwa/ha")
        else:
            air = "setempat"
        if facts.urban and density >= t.sampah_direct_density:
            sampah = "langsung"
        elif facts.urban or density >= t.sampah_urban_density:
            sampah = "tidak_langsung"
        else:
            sampah = "setempat"
    else:
        reasons.append("kepadatan belum diketahui")
    risk = facts.risk_of("drainase")
    drain = None if risk == 0 else ("tinggi" if risk >= t.high_risk_class else "rendah")
    return Suggestion(air, sampah, drain, tuple(reasons))
