"""Permission expectations of the profiles app (Form 2 grid, kemajuan) and new EHRA URLs."""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    post_only,
    scoped,
)


def _year(code: str) -> dict[str, object]:
    return {"code": code[:5], "year": 2025}


def _row(code: str) -> dict[str, object]:
    return {"code": code[:5], "year": 2025, "desa": code}


def _document(code: str) -> dict[str, object]:
    return {"pk": legacy_in(code[:5]).pk}


def _target(code: str) -> dict[str, object]:
    from ppsp.profiles.models import LegacyTarget

    target, _ = LegacyTarget.objects.get_or_create(
        document=legacy_in(code[:5]),
        name="BABS",
        target_year=2020,
        defaults={"baseline_year": 2015, "baseline": 30.0, "target": 0.0, "lower_is_better": True},
    )
    return {"pk": target.pk}


def legacy_in(kabkota: str) -> object:
    from ppsp.profiles.models import LegacyDocument
    from ppsp.regions.models import Region

    document, _ = LegacyDocument.objects.get_or_create(
        region=Region.objects.get(code=kabkota),
        title="SSK 2016-2020",
        defaults={
            "period_start": 2016,
            "period_end": 2020,
            "filename": "ssk.pdf",
            "content": b"%PDF-1.4",
            "size": 8,
            "sha256": "0" * 64,
        },
    )
    return document


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "profiles:kabkota": (by_kabkota, scoped(SEES)),
    "profiles:row": (_row, scoped(SEES)),  # GET shows the row; editing is EDITS (tests)
    "profiles:export": (_year, scoped(SEES)),
    "profiles:import": (_year, post_only),
    "profiles:kemajuan": (by_kabkota, scoped(SEES)),
    "profiles:kemajuan_export": (by_kabkota, scoped(SEES)),
    "profiles:legacy_upload": (by_kabkota, post_only),
    "profiles:legacy_file": (_document, scoped(SEES)),
    "profiles:target_add": (_document, post_only),
    "profiles:target_edit": (_target, scoped(EDITS)),
    "profiles:target_delete": (_target, post_only),
}


# EHRA additions owned by this helper: answer correction, import progress, IRS per strata.
def _ehra_round(code: str) -> dict[str, object]:
    from tests.ehra_support import ehra_round

    return {"pk": ehra_round(code[:5]).pk}


def _ehra_household(code: str) -> dict[str, object]:
    from tests.ehra_support import household_in

    return {"pk": household_in(code[:5]).pk}


def _ehra_import(code: str) -> dict[str, object]:
    from tests.ehra_support import import_run_in

    return {"pk": import_run_in(code[:5]).pk}  # type: ignore[attr-defined]


CORRECTS = {  # RUN_EHRA (Pokja, PMU) or REVIEW_EHRA (CF)
    "own": {"pmu", "pokja_kabkota", "cf"},
    "other_kabkota": {"pmu"},
    "other_province": {"pmu"},
}

EXPECTATIONS.update(
    {
        "ehra:household_edit": (_ehra_household, scoped(CORRECTS)),
        "ehra:import_progress": (_ehra_import, scoped(SEES)),
        "ehra:irs_strata": (_ehra_round, scoped(SEES)),
    }
)
