"""The stage-record workflow: every state × action, pure table and through the service."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from ppsp.audit.models import Action, AuditEvent
from ppsp.core.permissions import Permission
from ppsp.programme.models import Participation, StageRecord, StageStatus
from ppsp.programme.services import stage_record_transition
from ppsp.programme.transitions import ACTIONS, TRANSITIONS, StageAction, actions_from, next_state
from tests.conftest import Cast
from tests.programme.support import stage_record_in

S = StageStatus
# The whole expected table, written out by hand: (state, action) -> new state or None.
EXPECTED: dict[tuple[str, str], str | None] = {
    (S.BELUM_MULAI, StageAction.MULAI): S.BERJALAN,
    (S.BELUM_MULAI, StageAction.SELESAIKAN): None,
    (S.BELUM_MULAI, StageAction.TANDAI_TERLAMBAT): None,
    (S.BELUM_MULAI, StageAction.LANJUTKAN): None,
    (S.BELUM_MULAI, StageAction.BUKA_KEMBALI): None,
    (S.BERJALAN, StageAction.MULAI): None,
    (S.BERJALAN, StageAction.SELESAIKAN): S.SELESAI,
    (S.BERJALAN, StageAction.TANDAI_TERLAMBAT): S.TERLAMBAT,
    (S.BERJALAN, StageAction.LANJUTKAN): None,
    (S.BERJALAN, StageAction.BUKA_KEMBALI): None,
    (S.SELESAI, StageAction.MULAI): None,
    (S.SELESAI, StageAction.SELESAIKAN): None,
    (S.SELESAI, StageAction.TANDAI_TERLAMBAT): None,
    (S.SELESAI, StageAction.LANJUTKAN): None,
    (S.SELESAI, StageAction.BUKA_KEMBALI): S.BERJALAN,
    (S.TERLAMBAT, StageAction.MULAI): None,
    (S.TERLAMBAT, StageAction.SELESAIKAN): S.SELESAI,
    (S.TERLAMBAT, StageAction.TANDAI_TERLAMBAT): None,
    (S.TERLAMBAT, StageAction.LANJUTKAN): S.BERJALAN,
    (S.TERLAMBAT, StageAction.BUKA_KEMBALI): None,
}
ALL_PAIRS = list(itertools.product(S.values, ACTIONS))


def test_it_covers_every_state_and_action_in_the_expectation() -> None:
    assert set(EXPECTED) == set(ALL_PAIRS)


@pytest.mark.parametrize(("state", "action"), ALL_PAIRS)
def test_it_allows_or_refuses_each_pair_in_the_pure_table(state: str, action: str) -> None:
    result = next_state(state, action)
    assert (result[0] if result else None) == EXPECTED[(state, action)]


def test_it_reserves_reopening_for_the_national_office() -> None:
    permissions = {pair: perm for pair, (_, perm) in TRANSITIONS.items()}
    assert permissions.pop((S.SELESAI, StageAction.BUKA_KEMBALI)) == Permission.MANAGE_PROGRAMME
    assert set(permissions.values()) == {Permission.EDIT_STAGES}


def test_it_lists_the_actions_available_from_a_state() -> None:
    assert actions_from(S.BERJALAN) == [StageAction.SELESAIKAN, StageAction.TANDAI_TERLAMBAT]
    assert actions_from(S.SELESAI) == [StageAction.BUKA_KEMBALI]


def _record_in_state(state: str) -> StageRecord:
    record = stage_record_in("15.07")
    StageRecord.objects.filter(pk=record.pk).update(status=state, start_date=dt.date(2024, 2, 1))
    record.refresh_from_db()
    return record


@pytest.mark.parametrize(("state", "action"), ALL_PAIRS)
def test_it_applies_each_pair_through_the_service(cast: Cast, state: str, action: str) -> None:
    record = _record_in_state(state)
    before = AuditEvent.objects.filter(action=Action.TRANSITION).count()
    expected = EXPECTED[(state, action)]
    if expected is None:
        with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
            stage_record_transition(obj=record, action=action, by=cast.pmu)
        record.refresh_from_db()
        assert record.status == state
        assert AuditEvent.objects.filter(action=Action.TRANSITION).count() == before
    else:
        stage_record_transition(obj=record, action=action, by=cast.pmu)
        record.refresh_from_db()
        assert record.status == expected
        event = AuditEvent.objects.filter(action=Action.TRANSITION).latest("id")
        assert event.object_id == str(record.pk)
        assert event.region_code == "15.07"
        assert {"field": "status", "old": state, "new": expected} in event.changes
        assert event.actor == cast.pmu


@pytest.mark.parametrize("role", ["cf", "pokja_kabkota"])
def test_it_lets_the_kabkota_roles_move_their_own_stages(cast: Cast, role: str) -> None:
    record = _record_in_state(S.BERJALAN)
    stage_record_transition(obj=record, action=StageAction.SELESAIKAN, by=getattr(cast, role))
    record.refresh_from_db()
    assert record.status == S.SELESAI
    assert record.end_date is not None


@pytest.mark.parametrize("role", ["cf", "pokja_kabkota", "pf", "kepala_daerah"])
def test_it_refuses_reopening_to_anyone_but_the_pmu(cast: Cast, role: str) -> None:
    record = _record_in_state(S.SELESAI)
    with pytest.raises(ValidationError, match="tidak berwenang"):
        stage_record_transition(obj=record, action=StageAction.BUKA_KEMBALI, by=getattr(cast, role))


def test_it_refuses_a_cf_of_another_kabkota(cast: Cast) -> None:
    record = stage_record_in("15.71")
    with pytest.raises(ValidationError, match="tidak berwenang"):
        stage_record_transition(obj=record, action=StageAction.MULAI, by=cast.cf)


def test_it_keeps_the_participation_current_stage_in_step(cast: Cast) -> None:
    early = stage_record_in("15.07", number=2)
    later = stage_record_in("15.07", number=4)
    stage_record_transition(obj=early, action=StageAction.MULAI, by=cast.cf)
    participation = Participation.objects.get(region__code="15.07")
    assert (participation.current_stage.number, participation.current_status) == (2, S.BERJALAN)
    stage_record_transition(obj=later, action=StageAction.MULAI, by=cast.cf)
    stage_record_transition(obj=later, action=StageAction.TANDAI_TERLAMBAT, by=cast.cf)
    participation.refresh_from_db()
    assert (participation.current_stage.number, participation.current_status) == (4, S.TERLAMBAT)


def test_it_posts_a_transition_from_the_kabkota_page(cast: Cast, client) -> None:  # type: ignore[no-untyped-def]
    record = _record_in_state(S.BELUM_MULAI)
    StageRecord.objects.filter(pk=record.pk).update(start_date=None)
    client.force_login(cast.cf)
    url = f"/program/tahapan/{record.pk}/status/"
    response = client.post(url, {"action": StageAction.MULAI})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == S.BERJALAN and record.start_date is not None
    response = client.post(url, {"action": StageAction.BUKA_KEMBALI}, follow=True)
    assert "tidak dapat dilakukan" in response.content.decode()
