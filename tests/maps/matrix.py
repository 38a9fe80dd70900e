"""Permission expectations of the risk map (issue 5 item 8): scoped like EHRA results."""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    SEES_PROVINCE,
    Expect,
    Kwargs,
    by_kabkota,
    by_province,
    national_only,
    no_kwargs,
    post_only,
    scoped,
)


def _with_boundaries(code: str) -> dict[str, object]:
    from tests.maps.support import boundaries_in

    return {"code": boundaries_in(code[:5]).region.code}


def _outlines(code: str) -> dict[str, object]:
    """A square outline for the target's kab/kota, so the printed map has something to draw."""
    from tests.maps.support import outline_in

    outline_in(code[:5])
    return {"code": code[:2], "fmt": "png"}


def _national_outlines(code: str) -> dict[str, object]:
    _outlines(code)
    return {"fmt": "png"}


def _draft(code: str) -> dict[str, object]:
    from tests.maps.support import draft_in

    return {"pk": draft_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "maps:map": (by_kabkota, scoped(SEES)),
    "maps:png": (_with_boundaries, scoped(SEES)),
    "maps:pdf": (_with_boundaries, scoped(SEES)),
    "maps:upload": (by_kabkota, scoped(EDITS)),
    "maps:preview": (_draft, scoped(EDITS)),
    "maps:commit": (_draft, post_only),
    # national / provincial choropleths (issue 18): like the programme dashboards
    "maps:national_outlines": (no_kwargs, national_only),
    "maps:national_indicators": (no_kwargs, national_only),
    "maps:province_outlines": (by_province, scoped(SEES_PROVINCE)),
    "maps:province_indicators": (by_province, scoped(SEES_PROVINCE)),
    "maps:national_export": (_national_outlines, national_only),
    "maps:province_export": (_outlines, scoped(SEES_PROVINCE)),
}
