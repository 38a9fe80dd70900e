"""Permission expectations of the profiles app (Form 2 grid, kemajuan, legacy documents)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    post_only,
    scoped,
)

if TYPE_CHECKING:
    from ppsp.profiles.models import LegacyDocument


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


def legacy_in(kabkota: str) -> LegacyDocument:
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
