"""Writes for users and role assignments (audited)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ppsp.accounts.models import ROLE_SCOPE_LEVEL, PokjaPosition, Role, RoleAssignment, User
from ppsp.audit.services import audited_update
from ppsp.regions.models import Level, Region


@transaction.atomic
def user_create(
    *, username: str, password: str | None, full_name: str = "", email: str = "", by: Any = None
) -> User:
    user = User(username=username, full_name=full_name, email=email)
    with audited_update(user, ("username", "full_name"), actor=by, created=True):
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
    return user


def _check_scope(role: str, region: Region | None, position: str) -> None:
    level = ROLE_SCOPE_LEVEL[role]
    label = Role(role).label
    if level is None and region is not None:
        raise ValidationError({"region": f"Peran {label} tidak dibatasi wilayah."})
    if level is not None and (region is None or region.level != level):
        raise ValidationError(
            {"region": f"Peran {label} harus ditugaskan pada wilayah {Level(level).label}."}
        )
    if position and role != Role.POKJA_KABKOTA:
        raise ValidationError({"position": "Jabatan Pokja hanya untuk peran Pokja Kab/Kota."})


@transaction.atomic
def role_assignment_create(
    *,
    user: User,
    role: str,
    region: Region | None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    position: str = PokjaPosition.NONE,
    opd: str = "",
    by: Any = None,
) -> RoleAssignment:
    _check_scope(role, region, position)
    assignment = RoleAssignment(
        user=user,
        role=role,
        region=region,
        position=position,
        opd=opd,
        valid_from=valid_from or timezone.localdate(),
        valid_to=valid_to,
    )
    with audited_update(
        assignment,
        ("user", "role", "region", "position", "opd", "valid_from"),
        actor=by,
        created=True,
        region_code=region.code if region else "",
    ):
        assignment.full_clean()
        assignment.save()
    return assignment


@transaction.atomic
def role_assignment_end(
    *, assignment: RoleAssignment, on: dt.date, by: Any, reason: str = ""
) -> RoleAssignment:
    with audited_update(
        assignment,
        ("valid_to",),
        actor=by,
        always=True,  # the end is recorded even when the date was already set
        reason=reason,
        region_code=assignment.region.code if assignment.region else "",
    ):
        assignment.valid_to = on
        assignment.full_clean()
        assignment.save(update_fields=["valid_to"])
    return assignment
