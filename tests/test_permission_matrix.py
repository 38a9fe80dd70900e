"""Every URL pattern × every role, with the expected status (DESIGN.md §3 access).

`test_it_has_an_expectation_for_every_url` fails when a new view is added without a row
here. Region-bound URLs are tried on three targets: a desa in the user's own kab/kota
(15.07), one in another kab/kota of the same province (15.71) and one in another province
(11.01); out-of-scope answers 404, never 403, so existence is not revealed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ppsp.regions.models import Region
from tests.conftest import OWN_DESA, Cast
from tests.matrix_support import (
    EDITS,
    ROLES,
    SEES,
    SIGNED_IN,
    TARGETS,
    Kwargs,
    by_code,
    by_kabkota,
    by_province,
    everyone,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)


def region_object(code: str) -> dict[str, object]:
    return {"object_type": "regions.region", "object_id": Region.objects.get(code=code).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Callable[[str, str], int]]] = {
    "core:home": (no_kwargs, logged_in_only()),
    "core:health": (no_kwargs, everyone(200)),
    "accounts:login": (no_kwargs, lambda role, target: 200 if role == "anon" else 302),
    "accounts:logout": (no_kwargs, everyone(405)),  # GET is refused; logout is POST only
    "accounts:password_change": (no_kwargs, logged_in_only()),
    "accounts:profile": (no_kwargs, logged_in_only()),
    "regions:index": (no_kwargs, logged_in_only()),
    "regions:search": (no_kwargs, logged_in_only()),
    "regions:detail": (by_code, scoped(SEES)),
    "regions:population_edit": (by_code, scoped(EDITS)),
    "regions:export_children": (by_code, scoped(SEES)),
    "audit:object": (region_object, scoped(SEES)),
    "set_language": (no_kwargs, everyone(302)),
}

# Programme tracking (issue 4 part A). Kab/kota pages take code[:5], province pages code[:2].
SEES_PROVINCE = {  # province dashboards: national and province roles, not kab/kota roles
    "own": {"pmu", "pokja_provinsi", "pf"},
    "other_kabkota": {"pmu", "pokja_provinsi", "pf"},
    "other_province": {"pmu"},
}
EDITS_STAGES = {
    "own": {"pmu", "pokja_kabkota", "cf"},
    "other_kabkota": {"pmu"},
    "other_province": {"pmu"},
}
national_only: Callable[[str, str], int] = lambda role, target: (  # noqa: E731
    302 if role == "anon" else 200 if role == "pmu" else 404
)


def programme_stage_record(code: str) -> dict[str, object]:
    from tests.programme_helpers import stage_record_in

    return {"pk": stage_record_in(code[:5]).pk}


def programme_with_sk(code: str) -> dict[str, object]:
    from tests.programme_helpers import pokja_sk_in

    return {"code": pokja_sk_in(code[:5]).region.code}


EXPECTATIONS.update(
    {
        "programme:index": (no_kwargs, logged_in_only()),
        "programme:national": (no_kwargs, national_only),
        "programme:national_export": (lambda code: {"fmt": "xlsx"}, national_only),
        "programme:province": (by_province, scoped(SEES_PROVINCE)),
        "programme:province_export": (
            lambda code: {"code": code[:2], "fmt": "csv"},
            scoped(SEES_PROVINCE),
        ),
        "programme:import": (no_kwargs, national_only),
        "programme:import_commit": (no_kwargs, everyone(405)),  # POST only
        "programme:facilitators": (no_kwargs, national_only),
        "programme:facilitator_assign": (no_kwargs, national_only),
        "programme:training_create": (no_kwargs, national_only),
        "programme:workload": (no_kwargs, logged_in_only()),
        "programme:kabkota": (by_kabkota, scoped(SEES)),
        "programme:participation_edit": (by_kabkota, scoped(EDITS)),
        "programme:stage_record_create": (by_kabkota, scoped(EDITS_STAGES)),
        "programme:stage_record_edit": (programme_stage_record, scoped(EDITS_STAGES)),
        "programme:stage_record_transition": (programme_stage_record, everyone(405)),  # POST
        "programme:pokja": (by_kabkota, scoped(SEES)),
        "programme:pokja_sk_create": (by_kabkota, scoped(EDITS)),
        "programme:pokja_member_add": (programme_with_sk, scoped(EDITS)),
        "programme:opd_create": (by_kabkota, scoped(EDITS)),
    }
)


# Documents and update cycles (issue 4 part B): objects of the target's kab/kota code[:5].
def documents_kabkota(code: str) -> dict[str, object]:
    return {"code": code[:5]}


def documents_version(code: str) -> dict[str, object]:
    from tests.cycles_support import ssk

    return {"pk": ssk(code[:5]).versions.get().pk}


def documents_document(code: str) -> dict[str, object]:
    from tests.cycles_support import ssk

    return {"pk": ssk(code[:5]).pk}


def cycles_cycle(code: str) -> dict[str, object]:
    from tests.cycles_support import cycle

    return {"pk": cycle(code[:5]).pk}


def cycles_process(code: str) -> dict[str, object]:
    from tests.cycles_support import process

    return {"pk": process(code[:5]).pk}


EXPECTATIONS.update(
    {
        "documents:index": (no_kwargs, logged_in_only()),
        "documents:kabkota": (documents_kabkota, scoped(SEES)),
        "documents:create": (documents_kabkota, scoped(EDITS)),
        "documents:version": (documents_version, scoped(SEES)),
        "documents:version_edit": (documents_version, scoped(EDITS)),
        "documents:version_transition": (documents_version, post_only),
        "documents:file_upload": (documents_version, post_only),
        "documents:new_version": (documents_document, post_only),
        "cycles:index": (no_kwargs, logged_in_only()),
        "cycles:triggers": (no_kwargs, logged_in_only()),
        "cycles:kabkota": (documents_kabkota, scoped(SEES)),
        "cycles:open": (documents_kabkota, post_only),
        "cycles:cycle": (cycles_cycle, scoped(SEES)),
        "cycles:sk_pokja": (cycles_cycle, post_only),
        "cycles:activity_add": (cycles_cycle, post_only),
        "cycles:meeting_add": (cycles_cycle, post_only),
        "cycles:finalisasi": (cycles_cycle, post_only),
        "cycles:process": (cycles_process, scoped(SEES)),
        "cycles:process_transition": (cycles_process, post_only),
        "cycles:steps": (cycles_process, post_only),
    }
)


# EHRA survey and risk results (issue 5): objects of the target's kab/kota code[:5].
def ehra_round_kwargs(code: str) -> dict[str, object]:
    from tests.ehra_support import ehra_round

    return {"pk": ehra_round(code[:5]).pk}


def ehra_household_kwargs(code: str) -> dict[str, object]:
    from tests.ehra_support import household_in

    return {"pk": household_in(code[:5]).pk}


def ehra_area_kwargs(code: str) -> dict[str, object]:
    from tests.ehra_support import area_in

    return {"pk": area_in(code[:5]).pk}


def ehra_import_kwargs(code: str) -> dict[str, object]:
    from tests.ehra_support import import_run_in

    return {"pk": import_run_in(code[:5]).pk}


# Pokja raters are blind to results until they submit their persepsi OPD: 200 with a notice.
EXPECTATIONS.update(
    {
        "ehra:index": (no_kwargs, logged_in_only()),
        "ehra:questionnaire": (no_kwargs, logged_in_only()),
        "ehra:template": (no_kwargs, logged_in_only()),
        "ehra:kabkota": (by_kabkota, scoped(SEES)),
        "ehra:round_create": (by_kabkota, post_only),
        "ehra:round": (ehra_round_kwargs, scoped(SEES)),
        "ehra:import": (ehra_round_kwargs, post_only),
        "ehra:import_run": (ehra_import_kwargs, scoped(SEES)),
        "ehra:households": (ehra_round_kwargs, scoped(SEES)),
        "ehra:bulk_review": (ehra_round_kwargs, post_only),
        "ehra:household": (ehra_household_kwargs, scoped(SEES)),
        "ehra:household_transition": (ehra_household_kwargs, post_only),
        "ehra:compute": (ehra_round_kwargs, post_only),
        "ehra:irs": (ehra_round_kwargs, scoped(SEES)),
        "ehra:area": (ehra_round_kwargs, scoped(SEES)),
        "ehra:opd": (ehra_round_kwargs, scoped(EDITS)),
        "ehra:override": (ehra_area_kwargs, scoped(EDITS)),
        "ehra:sampling": (ehra_round_kwargs, scoped(SEES)),
        "ehra:sampling_run": (ehra_round_kwargs, post_only),
    }
)


# Proses 4 and the MPS (issue 7): the Lampiran 4 plan of the target's kab/kota code[:5].
def mps_plan(code: str) -> dict[str, object]:
    from tests.mps_support import plan_in

    return {"pk": plan_in(code[:5]).pk}


def mps_row(code: str) -> dict[str, object]:
    from tests.mps_support import plan_in

    return {"pk": plan_in(code[:5]).rows.order_by("pk").first().pk}  # type: ignore[union-attr]


def mps_commitment(code: str) -> dict[str, object]:
    from ppsp.mps.models import FundingCommitment
    from tests.mps_support import plan_in

    row = plan_in(code[:5]).rows.order_by("pk").first()
    commitment = FundingCommitment.objects.create(row=row, party="pemda", year=2026, amount=1)
    return {"pk": commitment.pk}


def mps_year(code: str) -> dict[str, object]:
    return {**mps_plan(code), "year": 2027}


EXPECTATIONS.update(
    {
        "mps:index": (no_kwargs, logged_in_only()),
        "mps:kabkota": (by_kabkota, scoped(SEES)),
        "mps:generate": (by_kabkota, post_only),
        "mps:row_edit": (mps_row, scoped(EDITS)),
        "mps:row_move": (mps_row, post_only),
        "mps:row_duplicate": (mps_row, post_only),
        "mps:commitment_add": (mps_row, post_only),
        "mps:commitment_advance": (mps_commitment, post_only),
        "mps:komitmen": (mps_plan, post_only),
        "mps:qa": (mps_plan, post_only),
        "mps:externalise": (mps_plan, post_only),
        "mps:swot": (mps_plan, scoped(SEES)),
        "mps:kkl": (mps_plan, scoped(SEES)),
        "mps:export": (mps_plan, scoped(SEES)),
        "mps:import": (mps_plan, scoped(EDITS)),
        "mps:import_commit": (mps_plan, post_only),
        "mps:table": (mps_year, scoped(SEES)),
        "mps:sign": (mps_year, post_only),
        "mps:table_export": (mps_year, scoped(SEES)),
    }
)


# Konsultasi publik (issue 8): public pages answer everyone for a published consultation
# (an unpublished one is 404 for everyone: test_it_hides_unpublished_consultations below);
# management pages are scoped like documents, moderation like editing.
def consultation_kwargs(code: str) -> dict[str, object]:
    from tests.consultation_support import consultation_in

    return {"pk": consultation_in(code[:5]).pk}


def consultation_comment(code: str) -> dict[str, object]:
    from tests.consultation_support import comment_in

    return {"pk": comment_in(code[:5]).pk}


def consultation_token(code: str) -> dict[str, object]:
    from tests.consultation_support import comment_in

    return {"token": comment_in(code[:5]).token}


def consultation_meeting(code: str) -> dict[str, object]:
    from tests.consultation_support import meeting_in

    return {"pk": meeting_in(code[:5]).pk}


EXPECTATIONS.update(
    {
        "consultation:public_index": (no_kwargs, everyone(200)),
        "consultation:public": (consultation_kwargs, everyone(200)),
        "consultation:public_comment": (consultation_kwargs, everyone(405)),  # POST only
        "consultation:public_matrix": (consultation_kwargs, everyone(200)),
        "consultation:own_comment": (consultation_token, everyone(200)),
        "consultation:spam_models": (no_kwargs, national_only),
        "consultation:spam_retrain": (no_kwargs, post_only),
        "consultation:kabkota": (documents_kabkota, scoped(SEES)),
        "consultation:create": (documents_version, scoped(EDITS)),
        "consultation:manage": (consultation_kwargs, scoped(SEES)),
        "consultation:transition": (consultation_kwargs, post_only),
        "consultation:moderation": (consultation_kwargs, scoped(EDITS)),
        "consultation:moderation_action": (consultation_kwargs, post_only),
        "consultation:block": (consultation_comment, post_only),
        "consultation:meeting_add": (consultation_kwargs, post_only),
        "consultation:meeting": (consultation_meeting, scoped(SEES)),
        "consultation:tanggapan": (consultation_kwargs, scoped(SEES)),
        "consultation:tanggapan_xlsx": (consultation_kwargs, scoped(SEES)),
        "consultation:response_set": (consultation_comment, post_only),
        "consultation:changes": (consultation_kwargs, scoped(SEES)),
        "consultation:qa_set": (consultation_kwargs, post_only),
        "consultation:pengesahan": (consultation_kwargs, post_only),
    }
)


# Proses 3 (issue 6): fiscal capacity and scenarios of the target's kab/kota code[:5].
def planning_capacity(code: str) -> dict[str, object]:
    from tests.planning_support import capacity_in

    return {"pk": capacity_in(code[:5]).pk}


def planning_scenario(code: str) -> dict[str, object]:
    from tests.planning_support import scenario_in

    return {"pk": scenario_in(code[:5]).pk}


def planning_line(code: str) -> dict[str, object]:
    from tests.planning_support import line_in

    return {"pk": line_in(code[:5]).pk}


def planning_unit_costs(code: str) -> dict[str, object]:
    from tests.planning_support import unit_costs

    return {"pk": unit_costs().pk}


planning_cycle: Kwargs = lambda code: {"code": code[:5], "year": 2026}  # noqa: E731
signed_in_with_a_role: Callable[[str, str], int] = lambda role, target: (  # noqa: E731
    302 if role == "anon" else 404 if role == "public" else 200
)
EXPECTATIONS.update(
    {
        "finance:capacity": (planning_cycle, scoped(SEES)),
        "finance:start": (planning_cycle, post_only),
        "finance:opd_set": (planning_capacity, post_only),
        "finance:opd_delete": (planning_capacity, post_only),
        "finance:history_update": (planning_capacity, post_only),
        "finance:plan_update": (planning_capacity, post_only),
        "finance:settings_update": (planning_capacity, post_only),
        "finance:belanja_import": (planning_capacity, post_only),
        "finance:belanja_xlsx": (planning_capacity, scoped(SEES)),
        "scenarios:unit_costs": (no_kwargs, signed_in_with_a_role),
        "scenarios:unit_cost_copy": (planning_unit_costs, post_only),
        "scenarios:kabkota": (by_kabkota, scoped(SEES, ok=302)),
        "scenarios:index": (planning_cycle, scoped(SEES)),
        "scenarios:create": (planning_cycle, post_only),
        "scenarios:systems": (planning_cycle, scoped(SEES)),
        "scenarios:detail": (planning_scenario, scoped(SEES)),
        "scenarios:line_add": (planning_scenario, post_only),
        "scenarios:zone_generate": (planning_scenario, post_only),
        "scenarios:caps_set": (planning_scenario, post_only),
        "scenarios:optimise": (planning_scenario, post_only),
        "scenarios:choose": (planning_scenario, post_only),
        "scenarios:table_xlsx": (planning_scenario, scoped(SEES)),
        "scenarios:line_delete": (planning_line, post_only),
        "scenarios:line_edit": (planning_line, scoped(EDITS)),
    }
)


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("role", SIGNED_IN)
def test_it_lets_only_the_own_pokja_and_the_pmu_change_planning(
    cast: Cast, role: str, target: str
) -> None:
    url = reverse("scenarios:line_add", kwargs=planning_scenario(TARGETS[target]))
    data = {
        "subsector": "air_limbah",
        "kegiatan_type": "konstruksi",
        "description": "Tangki septik",
        "people_served": "10",
        "risk_class": "2",
        "priority": "1",
        "funding_source": "apbd_kabkota",
        "a2027": "1000000",
    }
    response = _client(cast, role).post(url, data)
    assert response.status_code == (302 if role in EDITS[target] else 404)


# The Django admin is one rule: staff only (pmu in the cast), everyone else is sent to login.
ADMIN_PROBES = (
    "admin:index",
    "admin:regions_region_changelist",
    "admin:audit_auditevent_changelist",
)


def _walk(patterns: list, namespace: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def all_url_names() -> set[str]:
    return set(_walk(get_resolver().url_patterns))


def test_it_has_an_expectation_for_every_url() -> None:
    names = {n for n in all_url_names() if not n.startswith("admin:")}
    missing = sorted(names - set(EXPECTATIONS))
    assert not missing, f"URL patterns without a permission expectation: {missing}"
    stale = sorted(set(EXPECTATIONS) - names)
    assert not stale, f"expectations for URLs that no longer exist: {stale}"


def test_it_leaves_no_unnamed_url_pattern() -> None:
    def unnamed(patterns: list) -> Iterator[str]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace != "admin":
                    yield from unnamed(entry.url_patterns)
            elif not entry.name:
                yield str(entry.pattern)

    assert not list(unnamed(get_resolver().url_patterns))


def _client(cast: Cast, role: str) -> Client:
    client = Client()
    if role != "anon":
        client.force_login(getattr(cast, role))
    return client


def _collect_app_expectations() -> None:
    """Merge every tests/matrix_<app>.py module's EXPECTATIONS (one file per app)."""
    for path in sorted(Path(__file__).resolve().parent.glob("matrix_*.py")):
        if path.stem == "matrix_support":
            continue
        module = importlib.import_module(f"tests.{path.stem}")
        clash = set(EXPECTATIONS) & set(module.EXPECTATIONS)
        assert not clash, f"{path.name} repeats expectations: {sorted(clash)}"
        EXPECTATIONS.update(module.EXPECTATIONS)


_collect_app_expectations()

CASES = [
    (name, role, target)
    for name, (kwargs, _) in EXPECTATIONS.items()
    for role in ROLES
    for target in (TARGETS if kwargs is not no_kwargs else {"own": OWN_DESA})
]


@pytest.mark.parametrize(("name", "role", "target"), CASES)
def test_it_answers_each_role_as_expected(cast: Cast, name: str, role: str, target: str) -> None:
    make_kwargs, expect = EXPECTATIONS[name]
    url = reverse(name, kwargs=make_kwargs(TARGETS[target]))
    response = _client(cast, role).get(url)
    assert response.status_code == expect(role, target), f"{role} GET {url} ({target})"


@pytest.mark.parametrize("name", ADMIN_PROBES)
@pytest.mark.parametrize("role", ROLES)
def test_it_keeps_the_admin_for_staff(cast: Cast, name: str, role: str) -> None:
    response = _client(cast, role).get(reverse(name))
    assert response.status_code == (200 if role == "pmu" else 302)


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("role", SIGNED_IN)
def test_it_refuses_writes_outside_scope(cast: Cast, role: str, target: str) -> None:
    url = reverse("regions:population_edit", kwargs={"code": TARGETS[target]})
    data = {"year": 2024, "penduduk": 1000, "kk": 250, "source": "uji"}
    response = _client(cast, role).post(url, data)
    assert response.status_code == (302 if role in EDITS[target] else 404)


def test_it_treats_an_expired_assignment_as_no_scope(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.expired_pokja)
    assert client.get(reverse("regions:detail", kwargs={"code": OWN_DESA})).status_code == 404


def test_it_answers_404_for_unknown_objects(cast: Cast) -> None:
    client = _client(cast, "pmu")
    assert client.get(reverse("regions:detail", kwargs={"code": "99.99"})).status_code == 404
    url = reverse("audit:object", kwargs={"object_type": "accounts.user", "object_id": 1})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_it_hides_unpublished_consultations(cast: Cast, role: str) -> None:
    from tests.consultation_support import consultation_in

    draft = consultation_in("15.07", publish=False)
    for name in ("consultation:public", "consultation:public_matrix"):
        response = _client(cast, role).get(reverse(name, kwargs={"pk": draft.pk}))
        assert response.status_code == 404, f"{role} {name}"
