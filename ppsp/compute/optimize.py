"""Optimal programme under budget: choose kegiatan, the rest goes to the Daftar Tunggu.

A 0/1 multi-dimensional knapsack over the candidate kegiatan rows of the Lampiran 4
template: maximise the total value (e.g. risk-weighted coverage gain) of the chosen rows
while, in every year of the SSK, their cost stays within the budget (kemampuan
pendanaan), optionally also per funding source. Rows that do not fit form the Daftar
Tunggu (waiting list).

Sources: ``domain/domain-ppsp.md`` §10.6 (Tabel 5.1), §10.7 (scenario choice: "paling
optimal dari sisi kebutuhan pendanaan dan ketersediaan anggaran"), §11.2 (one source per
row; kegiatan beyond the capacity move to the Daftar Tunggu), §16.2 item 8.

Amounts are rupiah (Rp) per year; any consistent unit works as long as costs and
budgets share it. Float sums are compared with a relative tolerance of ``FEAS_RTOL``.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ppsp.compute import optimize_milp

__all__ = ["Candidate", "Selection", "select"]

TIME_LIMIT_S = 20.0
"""Default wall-clock limit for the MILP solver [s]; on expiry the best solution is returned."""
MIP_REL_GAP = 1e-3
"""Default relative gap (bound - value) / bound [-] below which a solution counts as proven
(0.1 %); ``select(..., mip_rel_gap=0.0)`` asks for exact optimality."""
FEAS_RTOL = 1e-9
"""Relative tolerance of the budget checks (Rp 1 per Rp 1 milyar), absorbs float rounding."""

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Candidate:
    """One kegiatan row competing for the budget.

    Attributes
    ----------
    id : str
        Unique key of the row.
    cost_by_year : tuple of float
        Cost in each year of the plan [Rp], one entry per year of ``budget_by_year``.
    value : float
        Benefit of funding the row [score, any unit]; the objective is its sum.
    mandatory : bool
        The row must be funded (e.g. a legal obligation or an ongoing contract).
    requires : tuple of str
        Ids of rows that must also be funded if this one is (prerequisites, e.g. a DED
        before construction).
    source : str
        Funding source (APBD_KAB, APBN, ...), used by the per-source caps.
    """

    id: str
    cost_by_year: tuple[float, ...]
    value: float
    mandatory: bool = False
    requires: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Selection:
    """Result of :func:`select`.

    Attributes
    ----------
    chosen : tuple of str
        Ids of the funded rows (prioritas), in input order.
    value : float
        Total value of the chosen rows.
    spent_by_year : tuple of float
        Cost of the chosen rows in each year [Rp].
    waiting_list : tuple of str
        Ids of the rows not funded (Daftar Tunggu), best value per rupiah first.
    optimal : bool
        True when HiGHS proved ``value`` within the requested relative gap of the optimum
        (``mip_rel_gap``, default ``MIP_REL_GAP`` = 0.1 %).
    bound : float
        Best proven upper bound on the optimal value (>= ``value``).
    """

    chosen: tuple[str, ...]
    value: float
    spent_by_year: tuple[float, ...]
    waiting_list: tuple[str, ...]
    optimal: bool
    bound: float

    @property
    def gap(self) -> float:
        """Proven relative gap (bound - value) / |bound| [-]; 0.0 when both are 0."""
        return (self.bound - self.value) / abs(self.bound) if self.bound else 0.0


@dataclass(frozen=True)
class _Problem:
    ids: tuple[str, ...]
    cost: Floats  # (n, T) [Rp]
    value: Floats  # (n,)
    mandatory: Bools  # (n,)
    budget: Floats  # (T,) [Rp]
    prereq: tuple[tuple[int, ...], ...]  # prereq[i] = indices that i requires
    source_idx: npt.NDArray[np.intp]  # (n,) row of `source_cap`, -1 when the source is not capped
    source_names: tuple[str, ...]
    source_cap: Floats  # (S, T) [Rp]


def select(
    candidates: Sequence[Candidate],
    budget_by_year: Sequence[float],
    *,
    budget_by_source: Mapping[str, Sequence[float]] | None = None,
    mip_rel_gap: float | None = None,
    time_limit_s: float | None = None,
) -> Selection:
    r"""Choose the candidates of maximum total value that fit the yearly budgets.

    With :math:`x_i \in \{0, 1\}` (1 = funded), cost :math:`c_{i,t}` [Rp], value
    :math:`v_i`, year budget :math:`B_t` [Rp] and source caps :math:`B_{s,t}` [Rp]:

    .. math::

        \max \sum_i v_i x_i \quad \text{s.t.} \quad
        \sum_i c_{i,t} x_i \le B_t \;\; \forall t, \qquad
        \sum_{i: s_i = s} c_{i,t} x_i \le B_{s,t} \;\; \forall s \in \text{caps}, t,

        x_i = 1 \;\; \forall i \text{ mandatory (and their prerequisites)}, \qquad
        x_i \le x_j \;\; \forall j \in \text{requires}(i).

    Solved with ``scipy.optimize.milp`` (HiGHS) until the value is proven within
    ``mip_rel_gap`` of the optimum or ``time_limit_s`` has passed. If the limit
    is reached, the better of the incumbent topped up greedily and the plain greedy
    result is returned with ``bound`` = dual bound (``optimal`` only when that result is
    within ``mip_rel_gap`` of the bound). If scipy or the
    solver is unavailable or fails (or its rounded solution breaks a cap), the
    greedy heuristic below is used (``optimal=False``): start from the mandatory rows
    and their prerequisites; visit the rest by value per total rupiah, descending
    (ties in input order); add a row together with its missing prerequisites when that
    bundle has positive value and fits every cap.

    Parameters
    ----------
    candidates : sequence of Candidate
        The rows; ids must be unique and every ``requires`` id must be among them.
    budget_by_year : sequence of float
        Capacity per year [Rp], finite and >= 0.
    budget_by_source : mapping of str to sequence of float, optional
        Capacity per funding source per year [Rp]. Sources absent from the mapping are
        capped only by ``budget_by_year``.
    mip_rel_gap : float, optional
        Relative gap [-] at which the solution counts as proven (default ``MIP_REL_GAP``).
    time_limit_s : float, optional
        Solver wall-clock limit [s] (default ``TIME_LIMIT_S``).

    Returns
    -------
    Selection
        Chosen ids, value, spending per year, Daftar Tunggu, optimality and bound.
        The Daftar Tunggu is ordered by value / total cost over all years, descending
        (zero-cost rows with positive value first), ties in input order.

    Raises
    ------
    ValueError
        On malformed input (naming the offending candidate, year or source), or when
        the mandatory rows with their prerequisites exceed a budget.

    References
    ----------
    ``domain/domain-ppsp.md`` §10.6, §10.7, §11.2; ``domain/anchors-code.md`` §8.
    """
    p = _build(candidates, budget_by_year, budget_by_source)
    forced = _forced(p)
    _check_forced(p, forced)
    if not p.ids:
        return _result(p, np.zeros(0, dtype=bool), optimal=True, bound=0.0)
    bound = _trivial_bound(p, forced)
    limit = TIME_LIMIT_S if time_limit_s is None else time_limit_s
    gap = MIP_REL_GAP if mip_rel_gap is None else mip_rel_gap
    if not (np.isfinite(gap) and gap >= 0 and np.isfinite(limit) and limit > 0):
        raise ValueError(f"mip_rel_gap {gap} must be >= 0 and time_limit_s {limit} > 0")
    outcome = _solve_milp(p, forced, limit, gap)
    if outcome is not None:
        x_milp, optimal, dual_bound = outcome
        bound = min(bound, dual_bound)
        if x_milp is not None and _fits(p, x_milp):
            if optimal:
                return _result(p, x_milp, optimal=True, bound=bound)
            topped = _greedy(p, x_milp)
            fresh = _greedy(p, forced)
            best = topped if p.value @ topped >= p.value @ fresh else fresh
            value = float(p.value @ best)  # the time limit struck: proven if within the gap
            proven = bound - value <= gap * abs(bound) if np.isfinite(bound) else False
            return _result(p, best, optimal=bool(proven), bound=bound)
    return _result(p, _greedy(p, forced), optimal=False, bound=bound)


def _build(
    candidates: Sequence[Candidate],
    budget_by_year: Sequence[float],
    budget_by_source: Mapping[str, Sequence[float]] | None,
) -> _Problem:
    """Validate the input and turn it into arrays."""
    budget = np.asarray(budget_by_year, dtype=np.float64)
    if budget.ndim != 1 or budget.size == 0:
        raise ValueError("budget_by_year must be a non-empty sequence of numbers")
    if (bad_year := np.flatnonzero(~(np.isfinite(budget) & (budget >= 0)))).size:
        t = int(bad_year[0])
        raise ValueError(f"budget_by_year[{t}] = {budget[t]} must be finite and >= 0")
    years = budget.size
    index: dict[str, int] = {}
    for i, c in enumerate(candidates):
        if not isinstance(c.id, str) or not c.id:
            raise ValueError(f"candidate at position {i} needs a non-empty string id")
        if c.id in index:
            raise ValueError(f"duplicate candidate id {c.id!r} (positions {index[c.id]} and {i})")
        index[c.id] = i
        if len(c.cost_by_year) != years:
            raise ValueError(
                f"candidate {c.id!r} has {len(c.cost_by_year)} yearly costs, "
                f"budget_by_year has {years}"
            )
    ids = tuple(index)
    prereq = []
    for c in candidates:
        if missing := [r for r in c.requires if r not in index]:
            raise ValueError(f"candidate {c.id!r} requires unknown id(s) {missing}")
        prereq.append(tuple(index[r] for r in c.requires))
    n = len(ids)
    cost = np.array([c.cost_by_year for c in candidates], dtype=np.float64).reshape(n, years)
    if (bad := np.argwhere(~(np.isfinite(cost) & (cost >= 0)))).size:
        i, t = (int(v) for v in bad[0])
        raise ValueError(f"candidate {ids[i]!r} has cost {cost[i, t]} in year {t}; need >= 0")
    value = np.array([c.value for c in candidates], dtype=np.float64)
    if (bad_value := np.flatnonzero(~np.isfinite(value))).size:
        i = int(bad_value[0])
        raise ValueError(f"candidate {ids[i]!r} has non-finite value {value[i]}")
    mandatory = np.array([bool(c.mandatory) for c in candidates], dtype=bool)
    caps = dict(budget_by_source or {})
    names = tuple(caps)
    cap = np.zeros((len(names), years))
    for k, name in enumerate(names):
        row = np.asarray(caps[name], dtype=np.float64)
        if row.shape != (years,) or not np.all(np.isfinite(row) & (row >= 0)):
            raise ValueError(
                f"budget_by_source[{name!r}] must hold {years} finite amounts >= 0, got {row}"
            )
        cap[k] = row
    pos = {name: k for k, name in enumerate(names)}
    source_idx = np.array([pos.get(c.source, -1) for c in candidates], dtype=np.intp)
    return _Problem(ids, cost, value, mandatory, budget, tuple(prereq), source_idx, names, cap)


def _closure(p: _Problem, start: Sequence[int], taken: Bools) -> list[int]:
    """Indices in ``start`` plus their transitive prerequisites, skipping ``taken``."""
    seen = set()
    stack = [i for i in start if not taken[i]]
    while stack:
        i = stack.pop()
        if i not in seen:
            seen.add(i)
            stack.extend(j for j in p.prereq[i] if not taken[j] and j not in seen)
    return sorted(seen)


def _forced(p: _Problem) -> Bools:
    """Mask of the mandatory rows together with everything they (transitively) require."""
    x = np.zeros(len(p.ids), dtype=bool)
    x[_closure(p, np.flatnonzero(p.mandatory).tolist(), x)] = True
    return x


def _spent(p: _Problem, x: Bools) -> tuple[Floats, Floats]:
    """Spending per year (T,) and per capped source and year (S, T) [Rp]."""
    by_year = x.astype(np.float64) @ p.cost
    by_source = np.zeros_like(p.source_cap)
    capped = x & (p.source_idx >= 0)
    np.add.at(by_source, p.source_idx[capped], p.cost[capped])
    return by_year, by_source


def _allowed(cap: Floats) -> Floats:
    """Cap plus the float tolerance ``FEAS_RTOL`` [Rp]."""
    return cap + FEAS_RTOL * np.maximum(1.0, np.abs(cap))


def _fits(p: _Problem, x: Bools) -> bool:
    by_year, by_source = _spent(p, x)
    ok = np.all(by_year <= _allowed(p.budget)) and np.all(by_source <= _allowed(p.source_cap))
    ok = ok and np.all(x[p.mandatory])
    return bool(ok) and all(x[j] for i in np.flatnonzero(x) for j in p.prereq[i])


def _check_forced(p: _Problem, forced: Bools) -> None:
    """Raise ValueError when the mandatory rows (with prerequisites) exceed a budget."""
    by_year, by_source = _spent(p, forced)
    names = [p.ids[i] for i in np.flatnonzero(forced)]
    if (over := np.flatnonzero(by_year > _allowed(p.budget))).size:
        t = int(over[0])
        where = f"year {t} needs Rp {by_year[t]:,.2f}, budget_by_year[{t}] is Rp {p.budget[t]:,.2f}"
    elif (over_src := np.argwhere(by_source > _allowed(p.source_cap))).size:
        k, t = (int(v) for v in over_src[0])
        where = f"source {p.source_names[k]!r} in year {t} needs Rp {by_source[k, t]:,.2f}, "
        where += f"its cap is Rp {p.source_cap[k, t]:,.2f}"
    else:
        return
    raise ValueError(f"mandatory candidates (with prerequisites) {names} do not fit: {where}")


def _ratio(p: _Problem) -> Floats:
    """Value per rupiah over all years; zero-cost rows rank by the sign of their value."""
    total = p.cost.sum(axis=1)
    signed_inf = np.where(p.value > 0, np.inf, np.where(p.value < 0, -np.inf, 0.0))
    safe = np.where(total > 0, total, 1.0)
    return np.where(total > 0, p.value / safe, signed_inf)


def _trivial_bound(p: _Problem, forced: Bools) -> float:
    """Upper bound without a solver: forced values plus every positive value that fits alone."""
    alone = np.all(p.cost <= _allowed(p.budget), axis=1)
    capped = p.source_idx >= 0
    alone[capped] &= np.all(p.cost[capped] <= _allowed(p.source_cap)[p.source_idx[capped]], axis=1)
    free = ~forced & alone & (p.value > 0)
    return float(p.value[forced].sum() + p.value[free].sum())


def _solve_milp(
    p: _Problem, forced: Bools, time_limit_s: float, mip_rel_gap: float
) -> tuple[Bools | None, bool, float] | None:
    """HiGHS on ``p`` (see :func:`ppsp.compute.optimize_milp.solve`); None without a solver."""
    return optimize_milp.solve(
        cost=p.cost,
        value=p.value,
        budget=p.budget,
        source_idx=p.source_idx,
        source_cap=p.source_cap,
        prereq=p.prereq,
        forced=forced,
        time_limit_s=time_limit_s,
        mip_rel_gap=mip_rel_gap,
    )


def _greedy(p: _Problem, start: Bools) -> Bools:
    """Top up the feasible selection ``start`` by value per rupiah (see :func:`select`)."""
    x = start.copy()
    by_year, by_source = _spent(p, x)
    year_room = _allowed(p.budget) - by_year  # (T,) [Rp]
    source_room = _allowed(p.source_cap) - by_source  # (S, T) [Rp]
    for i in np.argsort(-_ratio(p), kind="stable").tolist():
        if x[i]:
            continue
        bundle = _closure(p, [i], x) if p.prereq[i] else [i]
        if p.value[bundle].sum() <= 0:
            continue
        need = p.cost[bundle]
        if np.any(need.sum(axis=0) > year_room):
            continue
        need_source = np.zeros_like(source_room)
        src = p.source_idx[bundle]
        np.add.at(need_source, src[src >= 0], need[src >= 0])
        if np.any(need_source > source_room):
            continue
        x[bundle] = True
        year_room -= need.sum(axis=0)
        source_room -= need_source
    return x


def _result(p: _Problem, x: Bools, *, optimal: bool, bound: float) -> Selection:
    by_year, _ = _spent(p, x)
    value = float(p.value @ x.astype(np.float64))
    order = np.argsort(-_ratio(p), kind="stable")
    return Selection(
        chosen=tuple(p.ids[i] for i in np.flatnonzero(x)),
        value=value,
        spent_by_year=tuple(float(s) for s in by_year),
        waiting_list=tuple(p.ids[i] for i in order if not x[i]),
        optimal=optimal,
        bound=_reported_bound(value, bound, optimal),
    )


def _reported_bound(value: float, bound: float, optimal: bool) -> float:
    """Never below ``value``; a proven bound within float noise of it reads as ``value``."""
    if optimal and bound - value <= max(1e-6, 1e-9 * abs(value)):
        return value
    return max(value, bound)
