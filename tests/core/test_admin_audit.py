"""Issue 21 item 7 (audit part): every admin write and every refused change is audited.

Admin paths: change form, delete page, bulk "delete selected", many-to-many fields, admin
actions; every registered ModelAdmin (third-party ones included) is an AuditedAdmin.
Refusals: document summary edits of a locked version and refused workflow transitions write
the same "DITOLAK" row as refused uploads and narrative edits.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import Action, AuditEvent
from ppsp.consultation.models import Comment
from ppsp.core.admin import AuditedAdmin
from ppsp.documents.models import DocumentVersion, Status
from ppsp.documents.services import document_version_transition
from ppsp.documents.workflow import DocAction
from tests.conftest import Cast
from tests.consultation.support import comment_in, consultation_in
from tests.cycles.support import ensure_seed, ssk

pytestmark = pytest.mark.django_db


def _admin(cast: Cast) -> Client:
    client = Client()
    client.force_login(cast.pmu)  # staff and superuser in the cast
    return client


def _events(obj: object, action: str | None = None) -> list[AuditEvent]:
    label = obj._meta.label_lower  # type: ignore[attr-defined]
    qs = AuditEvent.objects.filter(object_type=label, object_id=str(obj.pk))  # type: ignore[attr-defined]
    if action is not None:
        qs = qs.filter(action=action)
    return list(qs.order_by("pk"))


def test_it_audits_every_registered_model_admin() -> None:
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdmin)
    ]
    assert unaudited == []
    # the walk covers the third-party admins too
    labels = {model._meta.label for model in admin.site._registry}
    assert {"auth.Group", "axes.AccessAttempt", "audit.AuditEvent"} <= labels


def test_it_audits_renaming_a_consultation_in_the_admin(cast: Cast) -> None:
    consultation = consultation_in()
    url = reverse("admin:consultation_consultation_change", args=[consultation.pk])
    client = _admin(cast)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    new_title = "Konsultasi publik SSK (judul baru)"
    data.update(
        title=new_title,
        opens_on=consultation.opens_on,
        closes_on=consultation.closes_on,
        premoderation="on" if consultation.premoderation else "",
    )
    data = {k: v for k, v in data.items() if v != ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    [event] = _events(consultation, Action.UPDATE)
    assert event.actor == cast.pmu and event.reason == "admin"
    assert {"field": "title", "old": consultation.title, "new": new_title} in event.changes
    assert event.region_code == "15.07"


def test_it_audits_deleting_a_comment_in_the_admin(cast: Cast) -> None:
    comment = comment_in()
    url = reverse("admin:consultation_comment_delete", args=[comment.pk])
    response = _admin(cast).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    [event] = _events(comment, Action.DELETE)
    assert event.actor == cast.pmu and event.region_code == "15.07"


def test_it_audits_each_object_of_a_bulk_delete(cast: Cast) -> None:
    groups = [Group.objects.create(name=f"Grup {i}") for i in range(3)]
    url = reverse("admin:auth_group_changelist")
    response = _admin(cast).post(
        url,
        {"action": "delete_selected", "post": "yes", "_selected_action": [g.pk for g in groups]},
    )
    assert response.status_code == 302
    assert not Group.objects.exists()
    for group in groups:
        [event] = _events(group, Action.DELETE)
        assert event.actor == cast.pmu and "hapus terpilih" in event.reason


def test_it_audits_many_to_many_changes_of_the_admin_form(cast: Cast) -> None:
    group = Group.objects.create(name="Operator")
    url = reverse("admin:accounts_user_change", args=[cast.cf.pk])
    client = _admin(cast)
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if value is None or name in ("password", "user_permissions"):
            continue
        if isinstance(value, dt.datetime):
            data[f"{name}_0"] = value.date().isoformat()
            data[f"{name}_1"] = value.time().isoformat()
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            continue
        else:
            data[name] = value
        del field
    data["groups"] = [group.pk]
    prefix = next(iter(client.get(url).context["inline_admin_formsets"])).formset.prefix
    data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    changes = [c for e in _events(cast.cf, Action.UPDATE) for c in e.changes]
    assert {"field": "groups", "old": "", "new": "Operator"} in changes


def test_it_audits_an_admin_action_once_per_selected_object(cast: Cast, rf: object) -> None:
    calls: list[int] = []

    def mark(modeladmin: object, request: object, queryset: object) -> None:
        calls.append(queryset.count())  # type: ignore[attr-defined]

    group_admin = admin.site._registry[Group]
    request = rf.post("/")  # type: ignore[attr-defined]
    request.user = cast.pmu
    group_admin.actions = [mark]
    try:
        func, _, _ = group_admin.get_actions(request)["mark"]
        groups = [Group.objects.create(name=n) for n in ("A", "B")]
        func(group_admin, request, Group.objects.all())
    finally:
        group_admin.actions = []
    assert calls == [2]
    for group in groups:
        [event] = _events(group, Action.UPDATE)
        assert "aksi mark" in event.reason


# --- refusals -------------------------------------------------------------------------


def _approved_version(cast: Cast) -> DocumentVersion:
    ensure_seed()
    version = ssk("15.07").versions.get()
    DocumentVersion.objects.filter(pk=version.pk).update(
        status=Status.APPROVED,
        legal_kind="perbup",
        legal_number="12/2016",
        legal_date=dt.date(2016, 9, 1),
    )
    version.refresh_from_db()
    return version


def _refusals(version: DocumentVersion) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type="documents.documentversion",
            object_id=str(version.pk),
            reason__startswith="DITOLAK",
        ).order_by("pk")
    )


def test_it_audits_a_refused_summary_edit_through_the_page(cast: Cast) -> None:
    version = _approved_version(cast)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(
        reverse("documents:version_edit", args=[version.pk]), {"summary": "diubah"}
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.summary != "diubah"
    [event] = _refusals(version)
    assert event.actor == cast.pokja_kabkota and event.region_code == "15.07"
    assert event.reason.startswith("DITOLAK: ubah ringkasan/tabel versi.")


def test_it_audits_refused_workflow_transitions(cast: Cast) -> None:
    version = _approved_version(cast)
    with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
        document_version_transition(
            obj=version, action=DocAction.RETURN, by=cast.pokja_kabkota, reason="r"
        )
    DocumentVersion.objects.filter(pk=version.pk).update(status=Status.REVIEWED)
    with pytest.raises(PermissionDenied):
        document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.cf)
    DocumentVersion.objects.filter(pk=version.pk).update(legal_number="", legal_date=None)
    with pytest.raises(ValidationError, match="Dasar hukum"):
        document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.kepala_daerah)
    events = _refusals(version)
    assert [(e.actor, e.reason.split(".")[0]) for e in events] == [
        (cast.pokja_kabkota, "DITOLAK: status 'kembalikan'"),
        (cast.cf, "DITOLAK: status 'sahkan'"),
        (cast.kepala_daerah, "DITOLAK: status 'sahkan'"),
    ]
    assert all(e.action == Action.UPDATE and e.region_code == "15.07" for e in events)


def test_it_audits_a_refused_transition_through_the_page(cast: Cast) -> None:
    version = _approved_version(cast)
    client = Client()
    client.force_login(cast.kepala_daerah)
    response = client.post(
        reverse("documents:version_transition", args=[version.pk]), {"action": "sahkan"}
    )
    assert response.status_code == 302
    [event] = _refusals(version)
    assert event.actor == cast.kepala_daerah


def test_it_audits_refused_stage_and_process_transitions(cast: Cast) -> None:
    from ppsp.cycles.services import process_transition
    from ppsp.cycles.workflow import ProcessAction
    from ppsp.programme.services import stage_record_transition
    from ppsp.programme.transitions import StageAction
    from tests.cycles.support import process
    from tests.programme.support import stage_record_in

    record = stage_record_in("15.07")
    with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
        stage_record_transition(obj=record, action=StageAction.LANJUTKAN, by=cast.cf)
    with pytest.raises(ValidationError, match="tidak berwenang"):
        stage_record_transition(obj=record, action=StageAction.MULAI, by=cast.pokja_provinsi)
    stage_rows = [e for e in _events(record) if e.reason.startswith("DITOLAK")]
    assert [(e.actor, e.reason.split(".")[0]) for e in stage_rows] == [
        (cast.cf, "DITOLAK: status tahapan 'lanjutkan'"),
        (cast.pokja_provinsi, "DITOLAK: status tahapan 'mulai'"),
    ]
    first = process("15.07", 1)
    with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
        process_transition(obj=first, action=ProcessAction.SIGN_OFF, by=cast.pmu)
    with pytest.raises(PermissionDenied):
        process_transition(obj=first, action=ProcessAction.START, by=cast.public)
    reasons = [e.reason for e in _events(first) if e.reason.startswith("DITOLAK")]
    assert len(reasons) == 2 and all("status proses 1" in r for r in reasons)
