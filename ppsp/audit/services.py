"""Write audit rows. Every service that changes data calls `audit_record` in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from ppsp.audit.models import Action, AuditEvent


def object_type_of(obj: models.Model) -> str:
    return obj._meta.label_lower


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, decimal.Decimal | dt.date | dt.datetime):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return repr(value)


def field_changes(
    before: Mapping[str, Any], after: Mapping[str, Any], *, secret: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """List of {field, old, new} for the keys whose value differs; secrets are masked."""
    hidden = set(secret)
    changes = []
    for field in after:
        old, new = before.get(field), after[field]
        if old != new:
            if field in hidden:
                old, new = ("***" if old else None), "***"
            changes.append({"field": field, "old": _jsonable(old), "new": _jsonable(new)})
    return changes


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Current values of `fields` (FKs by their id), for diffing before/after a change."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)  # FKs by their id, not the related object
        values[name] = getattr(obj, attname)
    return values


def audit_record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    changes: list[dict[str, Any]] | None = None,
    reason: str = "",
    region_code: str = "",
) -> AuditEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        action=Action(action),
        object_type=object_type_of(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes or [],
        reason=reason,
        region_code=region_code,
    )
