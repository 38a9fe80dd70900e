"""Permission expectations of the EHRA URLs added for sampling lists and config versions."""

from __future__ import annotations

from tests.matrix_support import SEES, Expect, Kwargs, no_kwargs, post_only, scoped


def _round(code: str) -> dict[str, object]:
    from tests.ehra_support import ehra_round

    return {"pk": ehra_round(code[:5]).pk}


def _config(code: str) -> dict[str, object]:
    from ppsp.ehra.models import RiskMethodConfig

    return {"pk": RiskMethodConfig.objects.get(version=1).pk}


def _ehra_readers(role: str, target: str) -> int:
    """The version list: every role with EHRA read rights somewhere; not the public role."""
    return {"anon": 302, "public": 404}.get(role, 200)


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "ehra:sampling_rt": (_round, post_only),
    "ehra:sampling_xlsx": (_round, scoped(SEES)),
    "ehra:round_config": (_round, post_only),
    "ehra:config": (no_kwargs, _ehra_readers),
    "ehra:config_draft": (no_kwargs, post_only),
    "ehra:config_approve": (_config, post_only),
}
