"""Refused changes are audited the same way everywhere (issue 21 item 7).

A service that refuses a change (a locked version or consultation, an action the workflow
table does not allow from the current state, a missing permission) raises `Refused` (a
`ValidationError`, shown as a message) or `RefusedPermission` (a `PermissionDenied`, shown
as 404); `audits_refusals`, put outside the service's `transaction.atomic`, writes the audit
row after the rollback so it persists. Code that refuses without a service call (a view
that turns a locked object away) calls `audit_refusal` directly. Every refusal row has
action "update", no field changes and the reason "DITOLAK: <attempted>. <message>".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from ppsp.audit.models import Action, AuditEvent
from ppsp.audit.services import audit_record

P = ParamSpec("P")
T = TypeVar("T")
PREFIX = "DITOLAK"


@dataclass(frozen=True)
class Refusal:
    obj: models.Model
    by: Any
    attempted: str
    message: str
    region_code: str = ""


def audit_refusal(
    *, actor: Any, obj: models.Model, attempted: str, message: str, region_code: str = ""
) -> AuditEvent:
    """One audit row for a refused change (the Indonesian text, whatever the language)."""
    return audit_record(
        actor=actor,
        obj=obj,
        action=Action.UPDATE,
        reason=f"{PREFIX}: {attempted}. {message}".strip(),
        region_code=region_code,
    )


class Refused(ValidationError):
    """A change refused by a rule (lock, workflow state, precondition); audited."""

    audited = False  # set once its row is written outside any transaction

    def __init__(self, refusal: Refusal, *, shown: Any = None) -> None:
        super().__init__(shown if shown is not None else refusal.message)
        self.refusal = refusal


class RefusedPermission(PermissionDenied):
    """A change refused because the user lacks the permission in that region; audited."""

    audited = False

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


def audits_refusals(fn: Callable[P, T]) -> Callable[P, T]:
    """Put outside `transaction.atomic`: a refused change is audited after the rollback."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return fn(*args, **kwargs)
        except (Refused, RefusedPermission) as refused:
            if getattr(refused, "audited", False):
                raise  # a nested service already wrote the row outside any transaction
            r = refused.refusal
            # Inside an outer atomic block the row may be rolled back with it: the outer
            # wrapper (or the caller that catches the refusal) keeps it.
            refused.audited = not transaction.get_connection().in_atomic_block
            audit_refusal(
                actor=r.by,
                obj=r.obj,
                attempted=r.attempted,
                message=r.message,
                region_code=r.region_code,
            )
            raise

    return wrapper
