"""Ending a Pokja membership or a facilitator assignment: the row is kept in the history
with the date and the reason, never deleted, and the end is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record


def record_end(obj: Any, *, ended_on: dt.date, reason: str, by: Any, region_code: str) -> None:
    """Set `ended_on` and `end_reason` on `obj` (a PokjaMember or FacilitatorAssignment),
    save them and write the audit row; the caller checks its own rules first."""
    obj.ended_on, obj.end_reason = ended_on, reason.strip()
    obj.full_clean()
    obj.save(update_fields=["ended_on", "end_reason"])
    audit_record(
        actor=by,
        obj=obj,
        action=Action.UPDATE,
        changes=[
            {"field": "ended_on", "old": None, "new": ended_on.isoformat()},
            {"field": "end_reason", "old": "", "new": obj.end_reason},
        ],
        reason=obj.end_reason,
        region_code=region_code,
    )
