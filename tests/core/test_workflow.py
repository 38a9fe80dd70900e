"""The one workflow engine (core.workflow): table validation, permission, guards, the audit
row of a transition and of a refusal, a stale (concurrent) transition, and the model-level
check that keeps approval (and the pengesahan rule) inside the engine."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from ppsp.audit.models import Action, AuditEvent
from ppsp.audit.refusals import Refused
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Guard, Step, Workflow, WorkflowError, guard
from ppsp.cycles import workflow as cycles_workflow
from ppsp.documents import workflow as documents_workflow
from ppsp.documents.models import DocumentVersion, Status
from ppsp.ehra import workflow as ehra_workflow
from ppsp.monev import workflow as monev_workflow
from ppsp.mps import workflow as mps_workflow
from ppsp.programme import transitions as programme_workflow
from tests.conftest import Cast
from tests.cycles.support import ensure_seed, ssk

READY: dict[int, bool] = {}


@guard("siap")
def ready(ctx: Context) -> str | None:
    return None if READY.get(ctx.obj.pk) else "Versi belum siap."


@guard("selalu_lolos")
def always(ctx: Context) -> str | None:
    return None


def _workflow(*steps: Step) -> Workflow:
    return Workflow(
        name="test.version",
        field="status",
        states=Status,
        actions={"ajukan": "Ajukan", "tarik": "Tarik"},
        steps=steps
        or [
            Step(Status.DRAFT, "ajukan", Status.SUBMITTED, Permission.EDIT_DOCUMENTS, (ready,)),
            Step(Status.SUBMITTED, "tarik", Status.DRAFT, Permission.EDIT_DOCUMENTS, (always,)),
        ],
        region_code=lambda version: str(version.document.region.code),
        select_related=("document__region",),
    )


def test_it_refuses_an_unknown_state_or_action_or_a_pair_given_twice() -> None:
    with pytest.raises(WorkflowError, match="unknown state"):
        _workflow(Step(Status.DRAFT, "ajukan", "terbang", None))
    with pytest.raises(WorkflowError, match="unknown action"):
        _workflow(Step(Status.DRAFT, "lompat", Status.SUBMITTED, None))
    with pytest.raises(WorkflowError, match="given twice"):
        _workflow(
            Step(Status.DRAFT, "ajukan", Status.SUBMITTED, None),
            Step(Status.DRAFT, "ajukan", Status.REVIEWED, None),
        )
    with pytest.raises(WorkflowError, match="unknown action"):
        _workflow().add_guard("lompat", always)


def test_it_declares_every_app_workflow_as_one_valid_table() -> None:
    tables = [
        documents_workflow.WORKFLOW,
        cycles_workflow.WORKFLOW,
        ehra_workflow.WORKFLOW,
        programme_workflow.WORKFLOW,
        mps_workflow.COMMITMENT,
        mps_workflow.PLAN,
        mps_workflow.SIGN_OFF,
        monev_workflow.WORKFLOW,
    ]
    for table in tables:
        assert table.table, table.name
        for (source, action), step in table.table.items():
            assert {source, step.target} <= table.states and action in table.actions
    # the thin module functions read the same table
    assert documents_workflow.next_state(Status.REVIEWED, "sahkan") == (
        Status.APPROVED,
        Permission.APPROVE_DOCUMENTS,
    )
    assert documents_workflow.available(Status.APPROVED) == []  # superseding is not offered


@pytest.fixture
def version(regions: None) -> DocumentVersion:
    ensure_seed()
    found = ssk("15.07").versions.get()
    READY.pop(found.pk, None)
    return found


def test_it_moves_the_state_and_writes_one_audit_row(cast: Cast, version: DocumentVersion) -> None:
    READY[version.pk] = True
    done = _workflow().transition(version, "ajukan", cast.pokja_kabkota, reason="siap ditinjau")
    assert done.status == version.status == Status.SUBMITTED
    event = AuditEvent.objects.filter(object_type="documents.documentversion").latest("pk")
    assert event.action == Action.TRANSITION and event.actor == cast.pokja_kabkota
    assert event.changes == [{"field": "status", "old": "draft", "new": "submitted"}]
    assert event.reason == "siap ditinjau" and event.region_code == "15.07"


def test_it_refuses_a_failing_guard_with_its_reason_and_audits_the_refusal(
    cast: Cast, version: DocumentVersion
) -> None:
    workflow = _workflow()
    with pytest.raises(Refused) as refused:
        workflow.transition(version, "ajukan", cast.pokja_kabkota)
    assert refused.value.messages == ["Versi belum siap."]
    version.refresh_from_db()
    assert version.status == Status.DRAFT
    row = AuditEvent.objects.filter(object_type="documents.documentversion").latest("pk")
    assert row.reason == "DITOLAK: status 'ajukan'. Versi belum siap."
    assert row.actor == cast.pokja_kabkota and row.changes == []


def test_it_refuses_an_action_the_table_does_not_allow_and_a_missing_permission(
    cast: Cast, version: DocumentVersion
) -> None:
    workflow = _workflow()
    with pytest.raises(Refused, match=r"(?i)tidak dapat dilakukan pada status 'draf'"):
        workflow.transition(version, "tarik", cast.pokja_kabkota)
    READY[version.pk] = True
    with pytest.raises(PermissionDenied):
        workflow.transition(version, "ajukan", cast.public)
    refusals = AuditEvent.objects.filter(reason__startswith="DITOLAK")
    assert refusals.count() == 2


def test_it_lists_available_actions_with_the_reasons_they_are_disabled(
    cast: Cast, version: DocumentVersion
) -> None:
    workflow = _workflow()
    [option] = workflow.available(version, cast.pokja_kabkota)
    assert (option.action, option.allowed, option.reasons) == (
        "ajukan",
        False,
        ("Versi belum siap.",),
    )
    READY[version.pk] = True
    assert [o.allowed for o in workflow.available(version, cast.pokja_kabkota)] == [True]
    assert workflow.available(version, cast.public) == []  # no permission: not offered


def test_it_adds_a_guard_from_another_app_once(cast: Cast, version: DocumentVersion) -> None:
    workflow = _workflow()
    READY[version.pk] = True
    refuse = Guard("tutup_buku", lambda ctx: "Tutup buku.")
    workflow.add_guard("ajukan", refuse)
    workflow.add_guard("ajukan", refuse)
    assert [g.name for g in workflow.table[(Status.DRAFT, "ajukan")].guards] == [
        "siap",
        "tutup_buku",
    ]
    assert workflow.blocked(version, "ajukan", cast.pokja_kabkota) == ["Tutup buku."]


def test_it_reads_the_state_again_under_the_lock_so_a_stale_copy_is_refused(
    cast: Cast, version: DocumentVersion
) -> None:
    """Two users acting on the same version at once: the second transition sees the state the
    first one wrote (select_for_update on PostgreSQL serialises them) and is refused."""
    workflow = _workflow()
    READY[version.pk] = True
    first = DocumentVersion.objects.get(pk=version.pk)
    second = DocumentVersion.objects.get(pk=version.pk)
    workflow.transition(first, "ajukan", cast.pokja_kabkota)
    assert second.status == Status.DRAFT  # stale in memory
    with pytest.raises(Refused, match=r"(?i)diajukan"):
        workflow.transition(second, "ajukan", cast.pmu)
    assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 1


def test_it_needs_a_user_in_a_strict_workflow_except_for_system_steps(
    cast: Cast, version: DocumentVersion
) -> None:
    workflow = Workflow(
        name="test.strict",
        field="status",
        states=Status,
        actions={"ajukan": "Ajukan"},
        steps=[Step(Status.DRAFT, "ajukan", Status.SUBMITTED, None)],
        region_code=lambda v: str(v.document.region.code),
        strict_user=True,
    )
    with pytest.raises(PermissionDenied):
        workflow.transition(version, "ajukan", None)


def test_it_refuses_a_direct_approval_outside_the_engine(version: DocumentVersion) -> None:
    """The pengesahan rule is a guard of the approval step; no save() elsewhere (shell, a
    stray service, the admin) can set the approved status around it."""
    DocumentVersion.objects.filter(pk=version.pk).update(
        status=Status.REVIEWED, legal_number="1", legal_date=dt.date(2026, 1, 2)
    )
    version.refresh_from_db()
    version.status = Status.APPROVED
    with pytest.raises(ValidationError, match="hanya dapat diubah melalui alur kerja"):
        version.save()
    version.refresh_from_db()
    assert version.status == Status.REVIEWED
    version.summary = "ubah ringkasan"  # other saves are untouched
    version.save()


def test_it_keeps_the_status_read_only_in_the_admin() -> None:
    from django.contrib import admin

    model_admin = admin.site._registry[DocumentVersion]
    assert "status" in model_admin.readonly_fields


def test_it_registers_the_pengesahan_guard_on_document_approval() -> None:
    step = documents_workflow.WORKFLOW.table[
        (Status.REVIEWED, documents_workflow.DocAction.APPROVE)
    ]
    assert [g.name for g in step.guards] == ["dasar_hukum_dicatat", "melalui_pengesahan_konsultasi"]


@pytest.mark.django_db(transaction=True)
def test_it_lets_only_one_of_two_simultaneous_transitions_through(regions: None) -> None:
    """Two requests submit the same version at the same moment: the row lock serialises
    them and the second reads the state the first wrote (PostgreSQL; SQLite has no row
    locks and one writer at a time, so the stale-copy test above covers it there)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL only")
    ensure_seed()
    version = ssk("15.07").versions.get()
    READY[version.pk] = True
    workflow = _workflow()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            copy = DocumentVersion.objects.get(pk=version.pk)
            barrier.wait(timeout=10)
            workflow.transition(copy, "ajukan", None)
            outcomes.append("ok")
        except Refused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["ok", "refused"]
    assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == 1
