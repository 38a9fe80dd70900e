"""Permission expectations of the risk map (issue 5 item 8): scoped like EHRA results."""

from __future__ import annotations

from tests.matrix_support import EDITS, SEES, Expect, Kwargs, by_kabkota, post_only, scoped


def _with_boundaries(code: str) -> dict[str, object]:
    from tests.maps_support import boundaries_in

    return {"code": boundaries_in(code[:5]).region.code}


def _draft(code: str) -> dict[str, object]:
    from tests.maps_support import draft_in

    return {"pk": draft_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "maps:map": (by_kabkota, scoped(SEES)),
    "maps:png": (_with_boundaries, scoped(SEES)),
    "maps:pdf": (_with_boundaries, scoped(SEES)),
    "maps:upload": (by_kabkota, scoped(EDITS)),
    "maps:preview": (_draft, scoped(EDITS)),
    "maps:commit": (_draft, post_only),
}
