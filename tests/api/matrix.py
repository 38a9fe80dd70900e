"""Permission expectations of the REST API (issue 10 item 3) and its token page.

API answers: anonymous 401 (token authentication comes first), out of scope 404, in scope
200. List endpoints answer 200 to every signed-in user; what they contain is checked per
role in tests/api/test_permissions.py. Builders put one object in the target's kab/kota.
"""

from __future__ import annotations

from tests.matrix_support import SEES, Expect, Kwargs, by_code, everyone, logged_in_only, no_kwargs


def api_scoped(allowed: dict[str, set[str]]) -> Expect:
    def expect(role: str, target: str) -> int:
        if role == "anon":
            return 401
        return 200 if role in allowed[target] else 404

    return expect


signed_in_api = everyone(200, anon=401)
public_api = everyone(200)


def _desa(kabkota: str) -> object:
    from ppsp.regions.models import Level, Region

    return Region.objects.filter(kabkota_code=kabkota, level=Level.DESA).order_by("code").first()


def participation(code: str) -> dict[str, object]:
    from tests.programme.support import participation_in

    return {"pk": participation_in(code[:5]).pk}


def stage_record(code: str) -> dict[str, object]:
    from tests.programme.support import stage_record_in

    return {"pk": stage_record_in(code[:5]).pk}


def document(code: str) -> dict[str, object]:
    from tests.cycles.support import ssk

    return {"pk": ssk(code[:5]).pk}


def document_version(code: str) -> dict[str, object]:
    from tests.cycles.support import ssk

    return {"pk": ssk(code[:5]).versions.get().pk}


def approved_version(code: str) -> dict[str, object]:
    from ppsp.documents.models import Status
    from tests.cycles.support import ssk

    version = ssk(code[:5], start=2021, end=2025, status=Status.APPROVED).versions.get()
    return {"pk": version.pk}


def _open_round(kabkota: str) -> object:
    from tests.ehra.support import ehra_round

    survey = ehra_round(kabkota)
    survey.opd_open = False  # results visible to the Pokja (blind rule tested separately)
    survey.save(update_fields=["opd_open"])
    return survey


def ehra_result(code: str) -> dict[str, object]:
    from ppsp.ehra.models import DesaResult

    result, _ = DesaResult.objects.get_or_create(
        survey=_open_round(code[:5]),
        desa=_desa(code[:5]),
        defaults={"households": 40, "irs": 55.0, "irs_class": 3},
    )
    return {"pk": result.pk}


def area_risk(code: str) -> dict[str, object]:
    from tests.ehra.support import area_in

    _open_round(code[:5])
    return {"pk": area_in(code[:5]).pk}


def sasaran(code: str) -> dict[str, object]:
    from ppsp.mps.models import KklLevel, KklNode
    from tests.mps.support import plan_in

    node, _ = KklNode.objects.get_or_create(
        plan=plan_in(code[:5]),
        level=KklLevel.SASARAN,
        text="Akses sanitasi layak",
        defaults={"indicator": "% rumah tangga", "targets": {"2027": 60.0}},
    )
    return {"pk": node.pk}


def programme_row(code: str) -> dict[str, object]:
    from tests.mps.support import plan_in

    return {"pk": plan_in(code[:5]).rows.order_by("pk").first().pk}  # type: ignore[union-attr]


LISTS = (
    "api:region-list",
    "api:participation-list",
    "api:stage-record-list",
    "api:document-list",
    "api:document-version-list",
    "api:ehra-result-list",
    "api:area-risk-list",
    "api:sasaran-list",
    "api:programme-row-list",
)
DETAILS: dict[str, Kwargs] = {
    "api:region-detail": by_code,
    "api:participation-detail": participation,
    "api:stage-record-detail": stage_record,
    "api:document-detail": document,
    "api:document-version-detail": document_version,
    "api:ehra-result-detail": ehra_result,
    "api:area-risk-detail": area_risk,
    "api:sasaran-detail": sasaran,
    "api:programme-row-detail": programme_row,
}

EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "api:token": (no_kwargs, logged_in_only()),
    "api:schema": (no_kwargs, public_api),
    "api:docs": (no_kwargs, public_api),
    "api:api-root": (no_kwargs, signed_in_api),
    "api:public-document-list": (no_kwargs, public_api),
    "api:public-document-detail": (approved_version, public_api),
    **{name: (no_kwargs, signed_in_api) for name in LISTS},
    **{name: (kwargs, api_scoped(SEES)) for name, kwargs in DETAILS.items()},
}
