"""One way to audit an edit (issue 15): outside ``ppsp/audit`` no function diffs a row by hand
(``snapshot`` / ``field_changes`` of ``ppsp.audit.services``); services use
``audited_update()``. The few functions that cannot are listed below with the reason."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ppsp.audit.models import Action, AuditEvent
from ppsp.audit.services import audited_update
from ppsp.regions.models import Population, Region
from tests.conftest import Cast

PPSP = Path(__file__).resolve().parents[2] / "ppsp"
DIFF_HELPERS = {"snapshot", "field_changes"}

# module:function → why it keeps its own diff. Add to this list only with a reason.
ALLOWED = {
    # The workflow engine is itself the one shared writer of transition rows; its row starts
    # with the state change (named by the workflow, written even when only the state moved),
    # then the field diff, then the caller's extra changes.
    "core/workflow.py:_transition",
    # Admin: the "before" is the stored row read from the database (None for a missing row
    # while `change` is true), the secret fields are masked, and many-to-many fields are
    # diffed as joined names; all rows go through AuditedAdmin._audit (reason, owner).
    "core/admin.py:_audit_save",
    "core/admin.py:save_related",
    # One audit row on the fiscal capacity for the changes of many year rows, each field
    # named "<field> <year>" (audited_update writes one row per changed object).
    "finance/services.py:_set_years",
}


def _diffing_functions() -> set[str]:
    found = set()
    for path in PPSP.rglob("*.py"):
        relative = path.relative_to(PPSP)
        if relative.parts[0] == "audit" or "migrations" in relative.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "ppsp.audit.services"
            for alias in node.names
            if alias.name in DIFF_HELPERS
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            calls = {
                call.func.id if isinstance(call.func, ast.Name) else call.func.attr
                for call in ast.walk(node)
                if isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name | ast.Attribute)
                and (
                    (isinstance(call.func, ast.Name) and call.func.id in imported)
                    or (
                        isinstance(call.func, ast.Attribute)
                        and call.func.attr in DIFF_HELPERS
                        and "audit" in ast.unparse(call.func.value)
                    )
                )
            }
            if calls:
                found.add(f"{relative.as_posix()}:{node.name}")
    return found


def test_it_finds_no_hand_written_audit_diff_outside_the_audit_app() -> None:
    found = _diffing_functions()
    assert found - ALLOWED == set(), "use ppsp.audit.services.audited_update()"
    assert ALLOWED - found == set(), "remove the stale entries from ALLOWED"


@pytest.mark.django_db
def test_it_reads_the_stored_row_and_extra_values_and_can_always_write(cast: Cast) -> None:
    desa = Region.objects.get(code="15.07.01.2001")
    row = Population.objects.create(region=desa, year=2030, penduduk=100, kk=30, source="BPS")
    stored = Population.objects.get(pk=row.pk)
    row.penduduk = 999  # a form already changed the instance
    notes = ["a"]
    with audited_update(
        row,
        ("penduduk", "kk"),
        actor=cast.pmu,
        stored=stored,
        also={"notes": lambda: ", ".join(notes)},
    ) as change:
        assert [c["field"] for c in change.pending()] == ["penduduk"]
        row.save()
        notes.append("b")
    assert change.changes == [
        {"field": "penduduk", "old": 100, "new": 999},
        {"field": "notes", "old": "a", "new": "a, b"},
    ]
    with audited_update(row, ("penduduk",), actor=cast.pmu, always=True) as same:
        row.save()
    assert same.event is not None and same.event.changes == []
    with audited_update(row, ("penduduk",), actor=cast.pmu, created=True, always=False):
        pass
    rows = AuditEvent.objects.filter(object_type="regions.population", object_id=str(row.pk))
    assert [e.action for e in rows.order_by("pk")] == [Action.UPDATE, Action.UPDATE, Action.CREATE]
