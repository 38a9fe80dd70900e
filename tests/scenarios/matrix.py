"""Permission expectations of the scenarios of Proses 3 (issue 6).

Objects belong to the target's kab/kota code[:5] (tests/scenarios/planning_support.py); the
planning cycle is the one of fiscal capacity (tests/finance/matrix.py).
"""

from __future__ import annotations

from tests.finance.matrix import planning_cycle
from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    no_kwargs,
    post_only,
    scoped,
)


def planning_scenario(code: str) -> dict[str, object]:
    """Also used by the planning write test in tests/test_permission_matrix.py."""
    from tests.scenarios.planning_support import scenario_in

    return {"pk": scenario_in(code[:5]).pk}


def _line(code: str) -> dict[str, object]:
    from tests.scenarios.planning_support import line_in

    return {"pk": line_in(code[:5]).pk}


def _unit_costs(code: str) -> dict[str, object]:
    from tests.scenarios.planning_support import unit_costs

    return {"pk": unit_costs().pk}


def _signed_in_with_a_role(role: str, target: str) -> int:
    return 302 if role == "anon" else 404 if role == "public" else 200


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "scenarios:unit_costs": (no_kwargs, _signed_in_with_a_role),
    "scenarios:unit_cost_copy": (_unit_costs, post_only),
    "scenarios:kabkota": (by_kabkota, scoped(SEES, ok=302)),
    "scenarios:index": (planning_cycle, scoped(SEES)),
    "scenarios:create": (planning_cycle, post_only),
    "scenarios:systems": (planning_cycle, scoped(SEES)),
    "scenarios:vision": (planning_cycle, scoped(SEES)),
    "scenarios:detail": (planning_scenario, scoped(SEES)),
    "scenarios:line_add": (planning_scenario, post_only),
    "scenarios:zone_generate": (planning_scenario, post_only),
    "scenarios:caps_set": (planning_scenario, post_only),
    "scenarios:optimise": (planning_scenario, post_only),
    "scenarios:optimise_status": (planning_scenario, scoped(SEES)),
    "scenarios:choose": (planning_scenario, post_only),
    "scenarios:stage_save": (planning_scenario, post_only),
    "scenarios:table_xlsx": (planning_scenario, scoped(SEES)),
    "scenarios:line_delete": (_line, post_only),
    "scenarios:line_edit": (_line, scoped(EDITS)),
}
