"""Permission expectations of fiscal capacity, Proses 3 (issue 6).

Objects belong to the target's kab/kota code[:5] (tests/scenarios/planning_support.py); the
scenarios of the same process are in tests/scenarios/matrix.py.
"""

from __future__ import annotations

from tests.matrix_support import SEES, Expect, Kwargs, post_only, scoped

planning_cycle: Kwargs = lambda code: {"code": code[:5], "year": 2026}  # noqa: E731


def _capacity(code: str) -> dict[str, object]:
    from tests.scenarios.planning_support import capacity_in

    return {"pk": capacity_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "finance:capacity": (planning_cycle, scoped(SEES)),
    "finance:start": (planning_cycle, post_only),
    "finance:opd_set": (_capacity, post_only),
    "finance:opd_delete": (_capacity, post_only),
    "finance:history_update": (_capacity, post_only),
    "finance:plan_update": (_capacity, post_only),
    "finance:settings_update": (_capacity, post_only),
    "finance:belanja_import": (_capacity, post_only),
    "finance:belanja_xlsx": (_capacity, scoped(SEES)),
}
