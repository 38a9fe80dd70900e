"""Write audit rows. Every service that changes data calls `audit_record` in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from django.db import models

from ppsp.audit.models import Action, AuditEvent
from ppsp.core.actors import user_of


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


def audit_event(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    changes: list[dict[str, Any]] | None = None,
    reason: str = "",
    region_code: str = "",
) -> AuditEvent:
    """One audit row, not yet saved (``audit_record`` saves it; ``audit_record_many`` saves
    many in one INSERT)."""
    return AuditEvent(
        actor=user_of(actor),
        action=Action(action),
        object_type=object_type_of(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes or [],
        reason=reason,
        region_code=region_code,
    )


def audit_record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    changes: list[dict[str, Any]] | None = None,
    reason: str = "",
    region_code: str = "",
) -> AuditEvent:
    event = audit_event(
        actor=actor,
        obj=obj,
        action=action,
        changes=changes,
        reason=reason,
        region_code=region_code,
    )
    event.save()
    return event


def created_event(
    obj: models.Model, fields: Iterable[str], *, actor: Any, region_code: str = ""
) -> AuditEvent:
    """The CREATE row ``audited_update(..., created=True)`` would write for ``obj``, not yet
    saved: for bulk services that insert many rows and save their events with
    ``audit_record_many``."""
    return audit_event(
        actor=actor,
        obj=obj,
        action=Action.CREATE,
        changes=field_changes({}, snapshot(obj, fields)),
        region_code=region_code,
    )


def audit_record_many(events: Iterable[AuditEvent]) -> list[AuditEvent]:
    """Save rows built with ``audit_event`` in one INSERT (bulk services)."""
    return AuditEvent.objects.bulk_create(list(events))


@dataclass
class AuditedChange:
    """What ``audited_update`` found: the {field, old, new} list and the row it wrote."""

    changes: list[dict[str, Any]] = dc_field(default_factory=list)
    event: AuditEvent | None = None
    reason: str = ""
    field_prefix: str = ""
    _pending: Callable[[], list[dict[str, Any]]] | None = dc_field(default=None, repr=False)

    def pending(self) -> list[dict[str, Any]]:
        """Inside the block: the changes so far (unprefixed), e.g. to skip a save that
        would change nothing."""
        return self._pending() if self._pending is not None else []


@contextmanager
def audited_update(
    obj: models.Model,
    fields: Iterable[str],
    *,
    actor: Any,
    region_code: str = "",
    reason: str = "",
    action: str | None = None,
    created: bool = False,
    always: bool | None = None,
    audit_obj: models.Model | None = None,
    field_prefix: str = "",
    secret: Iterable[str] = (),
    stored: models.Model | None = None,
    also: Mapping[str, Callable[[], Any]] | None = None,
) -> Iterator[AuditedChange]:
    """Snapshot ``fields`` of ``obj``, run the block (which changes and saves it), then write
    one audit row with the fields that changed — the one way to audit an edit.

    Nothing is written when no field changed, unless ``always`` (default: ``created``).
    ``created`` diffs against nothing (every field with a value counts as new) and makes
    the action CREATE unless given; otherwise it is UPDATE unless given.
    ``audit_obj`` records the row on another object (e.g. a child row's change on its
    document), each field named ``field_prefix + field``. ``stored`` is the row as stored,
    read for the values before when a form already changed ``obj``. ``also`` names values
    that are not concrete fields (many-to-many keys, attendance), each read by its callable
    before and after the block, diffed after the fields. The block may set
    ``change.reason`` and ``change.field_prefix`` and call ``change.pending()``; an
    exception in the block writes nothing. Call it inside the service's transaction::

        with audited_update(capacity, SETTINGS_FIELDS, actor=by, region_code=code):
            capacity.growth_method = "cagr"
            capacity.save()
    """
    names = list(fields)
    extra = dict(also or {})

    def values(source: models.Model) -> dict[str, Any]:
        return {**snapshot(source, names), **{k: read() for k, read in extra.items()}}

    before: dict[str, Any] = {} if created else values(stored if stored is not None else obj)
    change = AuditedChange(reason=reason, field_prefix=field_prefix)
    change._pending = lambda: field_changes(before, values(obj), secret=secret)
    yield change
    change.changes = [
        {**c, "field": f"{change.field_prefix}{c['field']}"} for c in change.pending()
    ]
    if change.changes or (created if always is None else always):
        change.event = audit_record(
            actor=actor,
            obj=audit_obj if audit_obj is not None else obj,
            action=action or (Action.CREATE if created else Action.UPDATE),
            changes=change.changes,
            reason=change.reason,
            region_code=region_code,
        )
