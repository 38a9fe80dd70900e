"""Check of the sasaran (indicator × baseline × target per year) against national targets.

Sources: ``domain/domain-ppsp.md`` §7.2 (Universal Access 100-0-100, SPM Permen PU
01/PRT/M/2014: 60 % setempat memadai, 5 % terpusat, 20 % pengurangan, 70 % penanganan
sampah, 50 % drainase bebas genangan) and §17 ("tujuan/sasaran must reference RPJMN UA and
SPM targets"). The national targets themselves are configuration (data), passed in.

Units: indicator values in percent (0–100). A ``min`` target must be reached (value ≥
target), a ``max`` target must not be exceeded (value ≤ target, e.g. BABS 0 %).

Rule, for a sasaran and a national target of the same subsector whose keywords occur in
the sasaran's indicator (a target without keywords applies to every sasaran of the
subsector):

* target year ``Y`` within the sasaran's years: the sasaran's value in ``Y`` (or its last
  value before ``Y``) must meet the target;
* ``Y`` after the last sasaran year ``L``: the value in ``L`` must be on or beyond the
  straight path from the baseline ``(b0, y0)`` to ``(target, Y)``:
  ``required(L) = b0 + (target - b0) · (L - y0) / (Y - y0)``;
* no target year (SPM, a standing minimum): the last value must meet it.

A subsector that has national targets but no sasaran at all gets a warning as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ppsp.compute.numbers import id_number

__all__ = ["NationalTarget", "Sasaran", "TargetWarning", "check", "required_on_path"]

EPS = 1e-9


@dataclass(frozen=True)
class NationalTarget:
    subsector: str
    indicator: str
    value: float  # percent
    year: int | None = None  # None: standing minimum (SPM)
    direction: str = "min"  # "min": reach at least; "max": at most
    keywords: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Sasaran:
    subsector: str
    indicator: str
    baseline: float | None  # percent
    baseline_year: int | None
    targets: Mapping[int, float]  # year → percent


@dataclass(frozen=True)
class TargetWarning:
    subsector: str
    sasaran: str  # the sasaran's indicator, "" for a missing sasaran
    target: str  # the national target's indicator
    message: str


def required_on_path(
    baseline: float, baseline_year: int, value: float, year: int, at: int
) -> float:
    """Value needed in year `at` on the straight path from (baseline, baseline_year) to
    (value, year); `at` ≥ year gives the target itself."""
    if at >= year or year <= baseline_year:
        return value
    share = (at - baseline_year) / (year - baseline_year)
    return baseline + (value - baseline) * max(0.0, share)


def _applies(target: NationalTarget, sasaran: Sasaran) -> bool:
    if target.subsector != sasaran.subsector:
        return False
    text = sasaran.indicator.lower()
    return not target.keywords or any(k.lower() in text for k in target.keywords)


def _meets(target: NationalTarget, value: float, required: float) -> bool:
    if target.direction == "max":
        return value <= required + EPS
    return value >= required - EPS


def _fmt(value: float) -> str:
    return id_number(value, 1) + "%"


def _one(target: NationalTarget, sasaran: Sasaran) -> str | None:
    years = sorted(sasaran.targets)
    if not years:
        return f"Sasaran '{sasaran.indicator}' belum memiliki target per tahun."
    last = years[-1]
    when = f"tahun {target.year}" if target.year else "SPM"
    goal = f"{'≤' if target.direction == 'max' else '≥'} {_fmt(target.value)} ({when})"
    if target.year is None:
        value, at, required = float(sasaran.targets[last]), last, target.value
    elif target.year <= last:
        at = max(y for y in years if y <= target.year) if years[0] <= target.year else last
        value, required = float(sasaran.targets[at]), target.value
    else:
        at, value = last, float(sasaran.targets[last])
        if sasaran.baseline is None or sasaran.baseline_year is None:
            required = target.value
        else:
            required = required_on_path(
                float(sasaran.baseline), sasaran.baseline_year, target.value, target.year, last
            )
    if _meets(target, value, required):
        return None
    path = "" if abs(required - target.value) < EPS else f"; lintasan menuntut {_fmt(required)}"
    return (
        f"Sasaran '{sasaran.indicator}' {_fmt(value)} pada {at} belum memenuhi target "
        f"nasional '{target.indicator}' {goal}{path}."
    )


def check(sasaran: Iterable[Sasaran], targets: Iterable[NationalTarget]) -> list[TargetWarning]:
    """Warnings for every sasaran that falls short of an applicable national target, and for
    subsectors with national targets but no sasaran."""
    items, goals = list(sasaran), list(targets)
    out: list[TargetWarning] = []
    covered = {s.subsector for s in items}
    for subsector in dict.fromkeys(t.subsector for t in goals):
        if subsector not in covered:
            names = "; ".join(t.indicator for t in goals if t.subsector == subsector)
            out.append(
                TargetWarning(subsector, "", names, f"Belum ada sasaran; target nasional: {names}.")
            )
    for item in items:
        for goal in goals:
            if _applies(goal, item) and (message := _one(goal, item)):
                out.append(TargetWarning(item.subsector, item.indicator, goal.indicator, message))
    return out
