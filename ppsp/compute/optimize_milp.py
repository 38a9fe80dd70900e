"""The HiGHS MILP behind :func:`ppsp.compute.optimize.select` (scipy ``milp``).

Kept apart from ``optimize`` so that the knapsack's input checks and greedy fallback
stay readable. Units: costs and capacities in rupiah [Rp]; values in the objective's
unit (risk-weighted people served). See ``optimize.select`` for the model.
"""

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["solve"]

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


def solve(
    *,
    cost: Floats,
    value: Floats,
    budget: Floats,
    source_idx: npt.NDArray[np.intp],
    source_cap: Floats,
    prereq: Sequence[tuple[int, ...]],
    forced: Bools,
    time_limit_s: float,
    mip_rel_gap: float,
) -> tuple[Bools | None, bool, float] | None:
    """Solve the 0/1 knapsack with HiGHS; (solution or None, proven within gap, upper bound).

    ``cost`` is (n, T) [Rp], ``budget`` (T,) [Rp], ``source_cap`` (S, T) [Rp] with
    ``source_idx[i]`` the cap row of candidate i (-1: uncapped); ``prereq[i]`` lists the
    indices i requires; ``forced`` fixes x_i = 1. HiGHS stops once
    ``(bound - value) / |bound| <= mip_rel_gap`` (the "proven within" claim) or after
    ``time_limit_s`` seconds. Capacity rows are scaled by their largest coefficient so
    that HiGHS sees coefficients of order 1. Returns None when scipy is unavailable or
    the solver raises.

    Example: values (7, 5, 5), costs (6, 5, 5), budget 10 → x = (0, 1, 1), bound 10.
    """
    try:
        from scipy import sparse  # type: ignore[import-untyped, unused-ignore]
        from scipy.optimize import Bounds, LinearConstraint, milp  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return None
    n, years = cost.shape
    blocks = [sparse.coo_array(cost.T)]  # row t: total spending in year t
    rhs = [budget]
    capped = np.flatnonzero(source_idx >= 0)
    if source_cap.size:  # row s * years + t: spending of source s in year t
        rows = (source_idx[capped][:, None] * years + np.arange(years)).ravel()
        cols = np.repeat(capped, years)
        block = sparse.coo_array((cost[capped].ravel(), (rows, cols)), shape=(source_cap.size, n))
        blocks.append(block)
        rhs.append(source_cap.ravel())
    cap_matrix = sparse.vstack(blocks).tocsr()
    cap_rhs = np.concatenate(rhs)
    scale = np.asarray(abs(cap_matrix).max(axis=1).todense()).ravel()
    keep = scale > 0  # an all-zero row is always satisfied (budgets are >= 0)
    inv = sparse.diags_array(1.0 / scale[keep])
    constraints = [LinearConstraint(inv @ cap_matrix[keep], -np.inf, cap_rhs[keep] / scale[keep])]
    pairs = np.array([(i, j) for i in range(n) for j in prereq[i] if i != j], dtype=np.intp)
    if pairs.size:  # row k: x_i - x_j <= 0
        rows, data = np.repeat(np.arange(len(pairs)), 2), np.tile([1.0, -1.0], len(pairs))
        req = sparse.coo_array((data, (rows, pairs.ravel())), shape=(len(pairs), n))
        constraints.append(LinearConstraint(req.tocsr(), -np.inf, 0.0))
    try:
        res = milp(
            -value,
            integrality=np.ones(n),
            bounds=Bounds(forced.astype(np.float64), np.ones(n)),
            constraints=constraints,
            options={"time_limit": float(time_limit_s), "mip_rel_gap": float(mip_rel_gap)},
        )
    except (ValueError, RuntimeError, MemoryError):
        return None
    dual = getattr(res, "mip_dual_bound", None)
    bound = -float(dual) if dual is not None and np.isfinite(dual) else np.inf
    x = None if res.x is None else np.asarray(res.x) > 0.5
    return x, res.status == 0 and x is not None, bound
