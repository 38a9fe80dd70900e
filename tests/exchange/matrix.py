"""Permission expectations of bulk exports, sector-system imports and open data (issue 10)."""

from __future__ import annotations

from tests.matrix_support import (
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    everyone,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)


def _download(code: str) -> dict[str, object]:
    return {"code": code[:5], "table": "wilayah", "fmt": "csv"}


def _batch(code: str) -> dict[str, object]:
    from tests.exchange.support import batch_in

    return {"pk": batch_in(code[:5]).pk}


def _job(code: str) -> dict[str, object]:
    from tests.exchange.support import job_in

    return {"pk": job_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "exchange:export": (no_kwargs, logged_in_only()),
    "exchange:download": (_download, scoped(SEES)),
    "exchange:job": (_job, scoped(SEES)),
    "exchange:job_file": (_job, scoped(SEES)),
    "exchange:imports": (by_kabkota, scoped(SEES)),
    "exchange:batch": (_batch, scoped(SEES)),
    "exchange:batch_commit": (_batch, post_only),
    "exchange:open_data": (no_kwargs, everyone(200)),
    "exchange:open_data_csv": (no_kwargs, everyone(200)),
    "exchange:open_data_package": (no_kwargs, everyone(200)),
}
