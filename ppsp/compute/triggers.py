"""The four pemutakhiran (SSK update) triggers as pure rules.

Source: ``domain/domain-ppsp.md`` §3.1 and the programme page it cites
(http://sanitasi.or.id/?page_id=252, vendored in ``seeds/000_*.txt``): an SSK is updated when

1. its period "telah melampaui batas berlaku yaitu lebih dari 5 tahun",
2. the RPJMD changed ("perlunya penyesuaian karena perubahan RPJMD"),
3. its data is incomplete ("ketidaklengkapan data"),
4. Universal Access (100-0-100) must be accelerated.

Every rule takes frozen dataclasses and returns a :class:`TriggerResult` whose ``reason`` is
Bahasa Indonesia text shown to users as is. Thresholds are parameters, never constants:
the Django side reads them from configuration data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ppsp.compute.numbers import id_number

__all__ = [
    "IndicatorRule",
    "Observation",
    "RpjmdInfo",
    "SskInfo",
    "TriggerResult",
    "completeness",
    "completeness_score",
    "expected_value",
    "period_expired",
    "rpjmd_changed",
    "universal_access",
]

EXPIRED = "periode"
RPJMD = "rpjmd"
INCOMPLETE = "data"
UNIVERSAL_ACCESS = "akses_universal"


@dataclass(frozen=True)
class TriggerResult:
    key: str
    fired: bool
    reason: str


@dataclass(frozen=True)
class SskInfo:
    """The SSK in force: its period in (fiscal) years, both ends inclusive."""

    period_start: int
    period_end: int

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise ValueError("period_end must not precede period_start")


@dataclass(frozen=True)
class RpjmdInfo:
    start_year: int
    end_year: int
    perda_number: str = ""


@dataclass(frozen=True)
class IndicatorRule:
    """A target on the road to Universal Access, e.g. akses sanitasi layak 100 % in 2019.

    ``baseline`` / ``baseline_year`` (optional) give the straight path towards the target;
    without them only the target year's value is checked. ``higher_is_better`` is False
    for indicators whose target is 0 (e.g. kawasan kumuh, BABS).
    """

    key: str
    label: str
    target: float
    target_year: int
    baseline: float | None = None
    baseline_year: int | None = None
    higher_is_better: bool = True
    period_label: str = ""  # e.g. "RPJMD 2021–2026": the planning period the target belongs to


@dataclass(frozen=True)
class Observation:
    year: int
    value: float
    source: str = ""  # e.g. "SUSENAS 2024": shown beside the value, never dropped


def _fmt(value: float) -> str:
    return id_number(value, 2, strip_zeros=True)


def period_expired(ssk: SskInfo, as_of_year: int, *, max_years: int = 5) -> TriggerResult:
    """Trigger 1: the SSK has been in force for more than ``max_years`` fiscal years.

    Years in force = ``as_of_year - period_start + 1`` (fiscal years, both ends counted).
    Boundary, decided from the source wording "lebih dari 5 tahun" (more than, strictly):
    in its 5th year an SSK is still valid (SSK 2016–2020 in 2020: not fired); from the 6th
    year it fires (SSK 2016–2020 in 2021: fired). This coincides with "period_end < today"
    (§3.1 [I]) for a 5-year SSK and also flags a declared period longer than 5 years once
    its 6th year begins. A period that simply ended also fires.
    """
    in_force = as_of_year - ssk.period_start + 1
    period = f"{ssk.period_start}–{ssk.period_end}"
    if in_force > max_years:
        return TriggerResult(
            EXPIRED,
            True,
            f"SSK {period} sudah berlaku {in_force} tahun pada {as_of_year}, "
            f"melampaui batas {max_years} tahun.",
        )
    if as_of_year > ssk.period_end:
        return TriggerResult(
            EXPIRED, True, f"Periode SSK {period} sudah berakhir sebelum {as_of_year}."
        )
    return TriggerResult(
        EXPIRED,
        False,
        f"SSK {period} berlaku {max(in_force, 0)} dari {max_years} tahun pada {as_of_year}.",
    )


def rpjmd_changed(ssk: SskInfo, rpjmds: Sequence[RpjmdInfo]) -> TriggerResult:
    """Trigger 2: an RPJMD began after the SSK period started (new kepala daerah / RPJMD).

    An SSK is prepared against the RPJMD in force when it starts; an RPJMD whose first year
    is later than the SSK's first year is a change the SSK has not taken up.
    """
    if not rpjmds:
        return TriggerResult(RPJMD, False, "Belum ada data RPJMD yang tercatat.")
    latest = max(rpjmds, key=lambda r: (r.start_year, r.end_year))
    label = f"RPJMD {latest.start_year}–{latest.end_year}"
    if latest.perda_number:
        label += f" (Perda {latest.perda_number})"
    if latest.start_year > ssk.period_start:
        return TriggerResult(
            RPJMD,
            True,
            f"{label} ditetapkan setelah SSK {ssk.period_start}–{ssk.period_end} disusun.",
        )
    return TriggerResult(
        RPJMD, False, f"{label} sudah berlaku ketika SSK {ssk.period_start} disusun."
    )


def completeness_score(filled: int, required: int) -> float:
    """Share of required SSK tables that are filled, 0..1 (1 when nothing is required)."""
    if filled < 0 or required < 0:
        raise ValueError("counts must be non-negative")
    if required == 0:
        return 1.0
    return min(filled, required) / required


def completeness(
    filled: int,
    required: int,
    *,
    threshold: float = 0.8,
    unit: str = "tabel wajib terisi",
    missing: Sequence[str] = (),
) -> TriggerResult:
    """Trigger 3: the completeness score (filled / required items) is below ``threshold``.

    A score equal to the threshold counts as complete enough (not fired). ``unit`` names
    what is counted (default: required SSK tables; the Django side counts data items found
    in the database); ``missing`` lists the absent items, appended to the reason.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must lie in [0, 1]")
    if required == 0:
        return TriggerResult(
            INCOMPLETE, False, "Daftar tabel wajib untuk versi pedoman ini belum ditetapkan."
        )
    score = completeness_score(filled, required)
    text = (
        f"Kelengkapan data {_fmt(score * 100)}% ({filled} dari {required} {unit}); "
        f"ambang {_fmt(threshold * 100)}%."
    )
    if missing:
        text += " Belum ada: " + "; ".join(missing) + "."
    return TriggerResult(INCOMPLETE, score < threshold, text)


def expected_value(rule: IndicatorRule, year: int) -> float:
    """Value the indicator should have reached in ``year`` on the straight path to target.

    Linear from (baseline_year, baseline) to (target_year, target); before the baseline the
    baseline, after the target year the target. Without a baseline: the target.
    """
    if rule.baseline is None or rule.baseline_year is None:
        return rule.target
    if rule.target_year <= rule.baseline_year or year >= rule.target_year:
        return rule.target
    if year <= rule.baseline_year:
        return rule.baseline
    share = (year - rule.baseline_year) / (rule.target_year - rule.baseline_year)
    return rule.baseline + (rule.target - rule.baseline) * share


def _behind(rule: IndicatorRule, observation: Observation) -> tuple[bool, float]:
    expected = expected_value(rule, observation.year)
    if rule.baseline is None and observation.year < rule.target_year:
        return False, expected  # no path known: judged only from the target year on
    if rule.higher_is_better:
        return observation.value < expected, expected
    return observation.value > expected, expected


def universal_access(
    checks: Sequence[tuple[IndicatorRule, Observation | None]],
) -> TriggerResult:
    """Trigger 4: a Universal Access indicator is behind its path (any rule behind fires).

    Each rule is compared with the latest recorded value; a rule without a recorded value
    is reported but does not fire (the data trigger covers missing data).
    """
    if not checks:
        return TriggerResult(UNIVERSAL_ACCESS, False, "Belum ada aturan indikator akses.")
    behind: list[str] = []
    fine: list[str] = []
    for rule, observation in checks:
        if observation is None:
            fine.append(f"{rule.label}: belum ada nilai tercatat")
            continue
        late, expected = _behind(rule, observation)
        source = f" ({observation.source})" if observation.source else ""
        period = f" ({rule.period_label})" if rule.period_label else ""
        text = (
            f"{rule.label} {_fmt(observation.value)} pada {observation.year}{source}, "
            f"seharusnya {'≥' if rule.higher_is_better else '≤'} {_fmt(expected)} "
            f"menuju target {_fmt(rule.target)} pada {rule.target_year}{period}"
        )
        (behind if late else fine).append(text)
    if behind:
        return TriggerResult(
            UNIVERSAL_ACCESS, True, "Belum sesuai jalur: " + "; ".join(behind) + "."
        )
    return TriggerResult(
        UNIVERSAL_ACCESS, False, "Tidak ada indikator yang tertinggal: " + "; ".join(fine) + "."
    )
