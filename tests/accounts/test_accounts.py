from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.accounts.models import Role
from ppsp.accounts.services import role_assignment_create, role_assignment_end, user_create
from ppsp.audit.models import AuditEvent
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission, scope_for
from ppsp.regions.models import Region
from tests.conftest import PASSWORD, Cast

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "code", "ok"),
    [
        (Role.PMU, None, True),
        (Role.PMU, "15", False),
        (Role.PF, "15", True),
        (Role.PF, "15.07", False),
        (Role.POKJA_PROVINSI, "15", True),
        (Role.CF, "15.07", True),
        (Role.CF, "15", False),
        (Role.POKJA_KABKOTA, "15.07", True),
        (Role.POKJA_KABKOTA, "15.07.01", False),
        (Role.KEPALA_DAERAH, "15.07", True),
        (Role.KEPALA_DAERAH, None, False),
        (Role.PUBLIC, None, True),
    ],
)
def test_it_ties_each_role_to_its_level_of_region(
    regions: None, role: str, code: str | None, ok: bool
) -> None:
    user = user_create(username=f"u-{role}-{code}", password=PASSWORD)
    region = Region.objects.get(code=code) if code else None
    if ok:
        role_assignment_create(user=user, role=role, region=region)
    else:
        with pytest.raises(ValidationError):
            role_assignment_create(user=user, role=role, region=region)


def test_it_scopes_each_role_of_the_cast(cast: Cast) -> None:
    view = Permission.VIEW_REGION
    assert scope_for(cast.pmu, view).national
    assert scope_for(cast.pokja_provinsi, view).roots() == ["15"]
    assert scope_for(cast.pf, view).covers("15.71.01")
    assert scope_for(cast.cf, view).roots() == ["15.07"]
    assert not scope_for(cast.cf, view).covers("15.71")
    assert scope_for(cast.kepala_daerah, view).covers("15.07.01.2001")
    assert scope_for(cast.public, view).empty
    assert has_permission(cast.pokja_kabkota, Permission.EDIT_REGION_DATA, "15.07.01.2001")
    assert not has_permission(cast.cf, Permission.EDIT_REGION_DATA, "15.07.01.2001")


def test_it_ends_an_assignment_and_audits_it(cast: Cast) -> None:
    assignment = cast.cf.assignments.get()
    role_assignment_end(
        assignment=assignment, on=dt.date(2021, 6, 30), by=cast.pmu, reason="kontrak selesai"
    )
    event = AuditEvent.objects.filter(object_type="accounts.roleassignment").latest("id")
    assert event.changes == [{"field": "valid_to", "old": None, "new": "2021-06-30"}]
    assert event.actor == cast.pmu
    cast.cf.__dict__.pop("_ppsp_scopes", None)
    assert scope_for(cast.cf, Permission.VIEW_REGION).empty


def test_it_logs_in_and_out(cast: Cast) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "cf.tanjabtim", "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == "/"
    assert "Budi" not in client.get("/").content.decode()  # cast names are the usernames
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get("/").status_code == 302


def test_it_rejects_a_wrong_password_in_indonesian(cast: Cast) -> None:
    response = Client().post(
        reverse("accounts:login"), {"username": "cf.tanjabtim", "password": "salah"}
    )
    assert "Masukkan nama pengguna" in response.content.decode()


def test_it_audits_a_password_change_without_storing_it(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Sanitasi-Baru-2026!",
            "new_password2": "Sanitasi-Baru-2026!",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="password", object_id=str(cast.cf.pk))
    assert event.changes == [] and event.actor == cast.cf


def test_it_audits_admin_changes_with_old_and_new_values(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pmu)
    desa = Region.objects.get(code="15.07.01.2001")
    url = reverse("admin:regions_region_change", args=[desa.pk])
    form = {
        "code": desa.code,
        "name": "Alang-Alang Baru",
        "level": desa.level,
        "kind": desa.kind,
        "parent": desa.parent_id,
    }
    assert client.post(url, form).status_code == 302
    event = AuditEvent.objects.filter(object_type="regions.region", reason="admin").get()
    assert {"field": "name", "old": "Alang-Alang", "new": "Alang-Alang Baru"} in event.changes


def test_it_locks_a_username_after_repeated_failures(cast: Cast) -> None:
    client = Client()
    url = reverse("accounts:login")
    for _ in range(4):
        assert (
            client.post(url, {"username": "cf.tanjabtim", "password": "salah"}).status_code == 200
        )
    fifth = client.post(url, {"username": "cf.tanjabtim", "password": "salah"})
    assert fifth.status_code == 429  # the fifth failure locks (django-axes)
    response = client.post(url, {"username": "cf.tanjabtim", "password": PASSWORD})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()
    other = client.post(url, {"username": "pf.jambi", "password": PASSWORD})
    assert other.status_code == 302  # only that username is locked
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.filter(username="cf.tanjabtim").exists()  # kept for review
