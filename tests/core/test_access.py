"""core/access.py is the one place where access is decided (issue 15).

An AST scan keeps the copies from coming back; the helpers answer 404 outside the scope
(PermissionDenied inside services), and the audit registry reaches an object through the
permission registered for its type.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

import ppsp
from ppsp.audit.views import AUDITABLE
from ppsp.core.access import (
    kabkota_for_user,
    object_for_user,
    province_for_user,
    require,
    require_national,
    require_permission,
)
from ppsp.core.permissions import Permission
from ppsp.regions.models import Population, Region
from tests.conftest import Cast

ROOT = Path(ppsp.__file__).parent
ACCESS = ROOT / "core" / "access.py"
# An access helper of this name belongs in core/access.py only.
FORBIDDEN = {"get_kabkota_for_user", "_kabkota"}


def _definitions() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if path == ACCESS or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((str(path.relative_to(ROOT.parent)), node.lineno, node.name))
    return found


def test_it_keeps_kabkota_access_helpers_out_of_the_apps() -> None:
    copies = [
        f"{path}:{line} def {name}"
        for path, line, name in _definitions()
        if name in FORBIDDEN or name.endswith("_by_id_for_user")
    ]
    assert not copies, "use ppsp.core.access (kabkota_for_user / object_for_user):\n" + "\n".join(
        copies
    )


def test_it_scans_the_whole_package() -> None:
    names = {name for _, _, name in _definitions()}
    assert "get_plan_for_user" in names and "results_hidden_for" in names


@pytest.mark.django_db
def test_it_gives_the_kabkota_inside_the_scope_and_404_outside(cast: Cast) -> None:
    region = kabkota_for_user(cast.pokja_kabkota, "15.07", Permission.EDIT_PLANNING)
    assert region.code == "15.07" and region.parent is not None
    assert kabkota_for_user(cast.pmu, "15.71", Permission.VIEW_REGION).code == "15.71"
    with pytest.raises(Http404):
        kabkota_for_user(cast.pokja_kabkota, "15.71", Permission.VIEW_REGION)
    with pytest.raises(Http404):  # a read-only role asking for a write permission
        kabkota_for_user(cast.kepala_daerah, "15.07", Permission.EDIT_PLANNING)
    with pytest.raises(Http404):  # in scope, but not a kab/kota
        kabkota_for_user(cast.pmu, "15", Permission.VIEW_REGION)


@pytest.mark.django_db
def test_it_gives_an_object_through_its_region_code(cast: Cast) -> None:
    desa = Region.objects.filter(kabkota_code="15.07", level=4).first()
    assert desa is not None
    population = Population.objects.create(region=desa, year=2024, penduduk=100, kk=30)
    found = object_for_user(
        cast.cf, Population, population.pk, Permission.VIEW_REGION, "region.code"
    )
    assert found == population
    by_callable = object_for_user(
        cast.cf, Population.objects.all(), population.pk, Permission.VIEW_REGION, lambda p: "15.07"
    )
    assert by_callable == population
    with pytest.raises(Http404):  # CF of 15.07 may not edit region data
        object_for_user(cast.cf, Population, population.pk, Permission.EDIT_REGION_DATA)
    with pytest.raises(Http404):  # no such row
        object_for_user(cast.pmu, Population, 0, Permission.VIEW_REGION)


@pytest.mark.django_db
def test_it_checks_province_national_and_service_permissions(cast: Cast) -> None:
    assert province_for_user(cast.pokja_provinsi, "15", Permission.VIEW_PROGRAMME).code == "15"
    with pytest.raises(Http404):  # a kab/kota role does not see the whole province
        province_for_user(cast.cf, "15", Permission.VIEW_PROGRAMME)
    require_national(cast.pmu, Permission.VIEW_NATIONAL_DASHBOARD)
    with pytest.raises(Http404):
        require_national(cast.pokja_provinsi, Permission.VIEW_NATIONAL_DASHBOARD)
    require(cast.cf, Permission.VIEW_CYCLES, "15.07.01.2001")
    with pytest.raises(Http404):
        require(cast.cf, Permission.VIEW_CYCLES, "15.71")
    require_permission(None, Permission.EDIT_MPS, "15.71")  # the system may always act
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        require_permission(cast.pokja_kabkota, Permission.EDIT_MPS, "15.71")
    with pytest.raises(ValidationError, match="batas"):
        require_permission(
            cast.cf, Permission.EDIT_REGION_DATA, "15.07", "batas", exception=ValidationError
        )


def test_it_registers_each_audited_type_with_a_permission() -> None:
    entry = AUDITABLE["mps.programmerow"]
    assert entry.permission == Permission.VIEW_MPS and entry.path == "plan.region.code"
    assert AUDITABLE["regions.region"].include_region_events
    assert all(isinstance(e.permission, Permission) for e in AUDITABLE.values())
    assert len(AUDITABLE) >= 20
