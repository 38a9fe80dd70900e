"""Permission expectations of the scenarios URLs added for issue 6 (visi/sasaran, tahapan)."""

from __future__ import annotations

from tests.matrix_support import SEES, Expect, Kwargs, post_only, scoped


def _cycle(code: str) -> dict[str, object]:
    return {"code": code[:5], "year": 2026}


def _scenario(code: str) -> dict[str, object]:
    from tests.planning_support import scenario_in

    return {"pk": scenario_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "scenarios:vision": (_cycle, scoped(SEES)),
    "scenarios:stage_save": (_scenario, post_only),
}
EXPECTATIONS["scenarios:optimise_status"] = (_scenario, scoped(SEES))
