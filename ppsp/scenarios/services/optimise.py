"""The optimiser's service: read the scenario, solve within the proof gap, store the run.

Split from ``services`` (whose helpers it uses; callers import it from here) so that the background
job's steps and the solver settings sit in one short module.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.compute.optimize import Selection
from ppsp.core import jobs
from ppsp.core.actors import user_of
from ppsp.scenarios import optimisation
from ppsp.scenarios.models import OptimisationRun, Scenario, ScenarioLine
from ppsp.scenarios.services import own_budget, scenario_audit, scenario_for_edit


def scenario_optimise(
    *, scenario: Scenario, by: Any, tracker: jobs.Tracker | None = None
) -> OptimisationRun:
    """Select the programme of maximum risk-weighted people served within the budgets.

    Three steps (read, solve, store), each reported to ``tracker`` (a background job's
    progress; cancellation stops between steps and stores nothing). The solver stops once
    the value is proven within ``settings.PPSP_OPTIMISER_GAP`` of the optimum.
    Raises ValidationError naming the mandatory lines when they alone exceed a budget.
    """
    tracker = tracker or jobs.Tracker(None)
    tracker.step(1, "Membaca baris biaya dan batas anggaran", count=3)
    with transaction.atomic():
        scenario = scenario_for_edit(scenario, by)
        lines = list(scenario.lines.order_by("id"))
        if not lines:
            raise ValidationError("Skenario belum memiliki baris biaya.")
        budget = own_budget(scenario)
        caps = {c.source: list(c.amounts) for c in scenario.caps.all()}
        problem = optimisation.build(scenario, lines, budget, caps)
    tracker.step(2, "Mencari program optimal (HiGHS)", count=3)
    began = time.perf_counter()
    try:
        optimisation.check_mandatory(problem, lines, scenario.plan_years)
        selection, manual = optimisation.optimise(
            problem,
            mip_rel_gap=settings.PPSP_OPTIMISER_GAP,
            time_limit_s=settings.PPSP_OPTIMISER_TIME_LIMIT,
        )
    except optimisation.MandatoryOverBudget as error:
        raise ValidationError(str(error)) from error
    except ValueError as error:  # a case the pre-check did not foresee: still say it plainly
        raise ValidationError(f"Optimasi tidak dapat dijalankan: {error}") from error
    seconds = time.perf_counter() - began
    tracker.step(3, "Menyimpan hasil dan Daftar Tunggu", count=3)
    with transaction.atomic():
        scenario = scenario_for_edit(scenario, by)
        return _store_run(scenario, by, problem, lines, selection, manual, seconds)


def _store_run(
    scenario: Scenario,
    by: Any,
    problem: optimisation.Problem,
    lines: list[ScenarioLine],
    selection: Selection,
    manual: tuple[str, ...],
    seconds: float,
) -> OptimisationRun:
    values = {c.id: c.value for c in problem.candidates}
    run = OptimisationRun.objects.create(
        scenario=scenario,
        ran_by=user_of(by),
        basis=scenario.budget_basis,
        budget=problem.caps[optimisation.OWN],
        caps={s: v for s, v in problem.caps.items() if s != optimisation.OWN},
        chosen=[int(k) for k in selection.chosen],
        waiting=optimisation.waiting_reasons(problem, selection, lines, scenario.plan_years),
        value=selection.value,
        bound=selection.bound,
        optimal=selection.optimal,
        manual_value=sum(values[k] for k in manual),
        manual_chosen=[int(k) for k in manual],
        seconds=round(seconds, 3),
        gap_target=settings.PPSP_OPTIMISER_GAP,
    )
    scenario_audit(
        by,
        scenario,
        Action.UPDATE,
        changes=[
            {
                "field": "optimasi",
                "old": None,
                "new": f"{len(selection.chosen)} kegiatan terpilih, "
                f"{len(selection.waiting_list)} daftar tunggu, nilai {selection.value:,.0f}",
            }
        ],
    )
    return run
