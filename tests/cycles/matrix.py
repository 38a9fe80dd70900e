"""Permission expectations of update cycles (issue 4 part B): the target's kab/kota code[:5]."""

from __future__ import annotations

from tests.matrix_support import (
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)


def _cycle(code: str) -> dict[str, object]:
    from tests.cycles.support import cycle

    return {"pk": cycle(code[:5]).pk}


def _process(code: str) -> dict[str, object]:
    from tests.cycles.support import process

    return {"pk": process(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "cycles:index": (no_kwargs, logged_in_only()),
    "cycles:triggers": (no_kwargs, logged_in_only()),
    "cycles:kabkota": (by_kabkota, scoped(SEES)),
    "cycles:open": (by_kabkota, post_only),
    "cycles:cycle": (_cycle, scoped(SEES)),
    "cycles:sk_pokja": (_cycle, post_only),
    "cycles:activity_add": (_cycle, post_only),
    "cycles:meeting_add": (_cycle, post_only),
    "cycles:finalisasi": (_cycle, post_only),
    "cycles:process": (_process, scoped(SEES)),
    "cycles:process_transition": (_process, post_only),
    "cycles:steps": (_process, post_only),
}
