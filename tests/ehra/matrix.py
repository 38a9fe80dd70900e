"""Permission expectations of the EHRA survey and risk results (issue 5).

Objects belong to the target's kab/kota code[:5] (built by tests/ehra/support.py). Pokja
raters are blind to results until they submit their persepsi OPD: 200 with a notice.
"""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)

CORRECTS = {  # RUN_EHRA (Pokja, PMU) or REVIEW_EHRA (CF)
    "own": {"pmu", "pokja_kabkota", "cf"},
    "other_kabkota": {"pmu"},
    "other_province": {"pmu"},
}


def _round(code: str) -> dict[str, object]:
    from tests.ehra.support import ehra_round

    return {"pk": ehra_round(code[:5]).pk}


def _household(code: str) -> dict[str, object]:
    from tests.ehra.support import household_in

    return {"pk": household_in(code[:5]).pk}


def _area(code: str) -> dict[str, object]:
    from tests.ehra.support import area_in

    return {"pk": area_in(code[:5]).pk}


def _import_run(code: str) -> dict[str, object]:
    from tests.ehra.support import import_run_in

    return {"pk": import_run_in(code[:5]).pk}  # type: ignore[attr-defined]


def _config(code: str) -> dict[str, object]:
    from ppsp.ehra.models import RiskMethodConfig

    return {"pk": RiskMethodConfig.objects.get(version=1).pk}


def _ehra_readers(role: str, target: str) -> int:
    """The version list: every role with EHRA read rights somewhere; not the public role."""
    return {"anon": 302, "public": 404}.get(role, 200)


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "ehra:index": (no_kwargs, logged_in_only()),
    "ehra:questionnaire": (no_kwargs, logged_in_only()),
    "ehra:template": (no_kwargs, logged_in_only()),
    "ehra:kabkota": (by_kabkota, scoped(SEES)),
    "ehra:round_create": (by_kabkota, post_only),
    "ehra:round": (_round, scoped(SEES)),
    "ehra:import": (_round, post_only),
    "ehra:pull": (_round, post_only),
    "ehra:desa_csv": (_round, scoped(SEES)),
    "ehra:kecamatan_csv": (_round, scoped(SEES)),
    "ehra:import_run": (_import_run, scoped(SEES)),
    "ehra:import_progress": (_import_run, scoped(SEES)),
    "ehra:households": (_round, scoped(SEES)),
    "ehra:bulk_review": (_round, post_only),
    "ehra:household": (_household, scoped(SEES)),
    "ehra:household_edit": (_household, scoped(CORRECTS)),  # answer correction
    "ehra:household_transition": (_household, post_only),
    "ehra:compute": (_round, post_only),
    "ehra:irs": (_round, scoped(SEES)),
    "ehra:irs_strata": (_round, scoped(SEES)),
    "ehra:area": (_round, scoped(SEES)),
    "ehra:opd": (_round, scoped(EDITS)),
    "ehra:override": (_area, scoped(EDITS)),
    "ehra:sampling": (_round, scoped(SEES)),
    "ehra:sampling_run": (_round, post_only),
    "ehra:sampling_rt": (_round, post_only),
    "ehra:sampling_xlsx": (_round, scoped(SEES)),
    "ehra:round_config": (_round, post_only),
    "ehra:config": (no_kwargs, _ehra_readers),  # sampling lists and config versions
    "ehra:config_draft": (no_kwargs, post_only),
    "ehra:config_approve": (_config, post_only),
}
