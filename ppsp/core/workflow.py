"""One table-driven workflow engine (DESIGN.md §3 "Workflows").

A workflow is declared once, in its app's ``workflow.py``, as a table of steps
``(state, action) → state`` with the permission the step needs and its guards: named,
explicit preconditions that each return the reason (Bahasa Indonesia) why the step may not
happen now, or None. The engine is the only writer of the state field:

- ``wf.transition(obj, action, by, **kw)`` locks the row (``select_for_update``), reads
  the state again, refuses an action the table does not allow from that state, a user
  without the step's permission in the object's kab/kota and a failing guard, then writes
  the new state and one audit row (who, when, old → new). A refusal raises
  ``audit.refusals.Refused`` / ``RefusedPermission`` and is audited after the rollback like
  every other refusal (``audits_refusals``).
- ``wf.available(obj, user)`` lists the actions the user may take now, each with the
  reasons it is disabled (a failing guard); actions outside the user's permission are left
  out.
- ``wf.next_state(state, action)`` and ``wf.actions_from(state)`` read the table alone.

The table is checked when the module is imported: an unknown state or action, or a pair
given twice, raises ``WorkflowError``. Apps add guards to another app's workflow from their
``AppConfig.ready()`` with ``wf.add_guard(action, guard)`` (no signal, no import cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from ppsp.audit.models import Action
from ppsp.audit.refusals import Refusal, Refused, RefusedPermission, audits_refusals
from ppsp.audit.services import audit_record, field_changes, snapshot
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.workflow_parts import (
    ENGINE_ONLY,
    Context,
    Guard,
    Option,
    Reasons,
    Step,
    WorkflowError,
    ensure_saved_by_engine,
    guard,
    saving_by_engine,
)

__all__ = [
    "ENGINE_ONLY",
    "Context",
    "Guard",
    "Option",
    "Reasons",
    "Step",
    "Workflow",
    "WorkflowError",
    "ensure_saved_by_engine",
    "guard",
    "saving_by_engine",
]

DENIED = "Anda tidak berwenang melakukan tindakan ini di wilayah ini."
NEEDS_USER = "Tindakan ini harus dilakukan oleh pengguna."


def _values(states: Iterable[Any]) -> frozenset[str]:
    if isinstance(states, type) and issubclass(states, models.Choices):
        return frozenset(str(v) for v in states.values)
    return frozenset(str(s) for s in states)


class Workflow:
    """One state machine; see the module docstring."""

    def __init__(
        self,
        *,
        name: str,
        field: str,
        states: Iterable[Any],
        actions: Mapping[str, Any],
        steps: Iterable[Step],
        region_code: Callable[[Any], str],
        attempted: Callable[[Any, str], str] | None = None,
        not_allowed: Callable[[Any, str, str], str] | None = None,
        denied: Callable[[Any, str], str] | None = None,
        denied_as_validation: bool = False,
        strict_user: bool = False,
        validate: Callable[[Context], None] | None = None,
        select_related: Sequence[str] = (),
        full_clean: bool = True,
        state_labels: Mapping[str, Any] | None = None,
        permission_for: Callable[[Any, Step], Permission | None] | None = None,
        state_of: Callable[[Any], str] | None = None,
        write: Callable[[Context], None] | None = None,
        locker: Callable[[Any], Any] | None = None,
        audit_target: Callable[[Any], models.Model] | None = None,
        audit_field: Callable[[Any], str] | None = None,
    ) -> None:
        """`field` names the state field. Workflows whose state is not one field (an MPS
        year's sign-off is a row that exists or not) give `state_of`, `write` (store the
        new state), `locker` (lock and read again), `audit_target` (the object the audit
        row is about) and `audit_field` (the name of the change); `permission_for` picks
        the permission per object (a commitment's party) instead of the step's."""
        self.name = name
        self.field = field
        self.states = _values(states)
        self.actions = dict(actions)
        self.region_code = region_code
        self._attempted = attempted
        self._not_allowed = not_allowed
        self._denied = denied
        self.denied_as_validation = denied_as_validation
        self.strict_user = strict_user
        self.validate = validate
        self.select_related = tuple(select_related)
        self.full_clean = full_clean
        self.state_labels = dict(state_labels or {})
        self._permission_for = permission_for
        self._state_of = state_of
        self._write = write
        self._locker = locker
        self._audit_target = audit_target
        self._audit_field = audit_field
        if isinstance(states, type) and issubclass(states, models.Choices):
            self.state_labels = {str(v): lbl for v, lbl in states.choices} | self.state_labels
        self.table: dict[tuple[str, str], Step] = {}
        for step in steps:
            self._check(step)
            self.table[(step.source, step.action)] = step

    # -- the table ----------------------------------------------------------------------

    def _check(self, step: Step) -> None:
        for state in (step.source, step.target):
            if state not in self.states:
                raise WorkflowError(f"{self.name}: unknown state {state!r} in {step}")
        if step.action not in self.actions:
            raise WorkflowError(f"{self.name}: unknown action {step.action!r} in {step}")
        if (step.source, step.action) in self.table:
            raise WorkflowError(f"{self.name}: ({step.source!r}, {step.action!r}) given twice")

    def add_guard(self, action: str, extra: Guard) -> None:
        """Add a guard to every step of `action` (idempotent; by guard name)."""
        if action not in self.actions:
            raise WorkflowError(f"{self.name}: unknown action {action!r}")
        for key, step in list(self.table.items()):
            if step.action == action and all(g.name != extra.name for g in step.guards):
                self.table[key] = Step(
                    step.source,
                    step.action,
                    step.target,
                    step.permission,
                    (*step.guards, extra),
                    step.offered,
                    step.system,
                )

    def next_state(self, state: str, action: str) -> tuple[str, Permission | None] | None:
        step = self.table.get((state, action))
        return None if step is None else (step.target, step.permission)

    def actions_from(self, state: str, *, offered_only: bool = True) -> list[str]:
        return [
            action
            for action in self.actions
            if (step := self.table.get((state, action))) is not None
            and (step.offered or not offered_only)
        ]

    def label(self, action: str) -> str:
        return str(self.actions.get(action, action))

    def state_label(self, state: str) -> str:
        return str(self.state_labels.get(state, state))

    def state_of(self, obj: Any) -> str:
        if self._state_of is not None:
            return self._state_of(obj)
        return str(getattr(obj, self.field))

    def permission(self, obj: Any, step: Step) -> Permission | None:
        return self._permission_for(obj, step) if self._permission_for else step.permission

    # -- reading ------------------------------------------------------------------------

    def _permitted(self, user: Any, obj: Any, step: Step, code: str) -> bool:
        permission = self.permission(obj, step)
        return user is None or permission is None or has_permission(user, permission, code)

    def blocked(self, obj: Any, action: str, by: Any, **kw: Any) -> list[str]:
        """The guards' reasons against `action` now (empty when they all hold)."""
        step = self.table.get((self.state_of(obj), action))
        if step is None:
            return [self.not_allowed_message(obj, action)]
        ctx = Context(obj=obj, by=by, action=action, step=step, workflow=self, kw=kw)
        return [r for g in step.guards for r in g.reasons(ctx)]

    def available(self, obj: Any, user: Any, **kw: Any) -> list[Option]:
        """Actions `user` may take on `obj` now; disabled ones carry their reasons."""
        state, code = self.state_of(obj), self.region_code(obj)
        options = []
        for action in self.actions_from(state):
            step = self.table[(state, action)]
            if user is not None and not self._permitted(user, obj, step, code):
                continue
            ctx = Context(obj=obj, by=user, action=action, step=step, workflow=self, kw=kw)
            reasons = tuple(r for g in step.guards for r in g.reasons(ctx))
            options.append(Option(action, self.label(action), step.target, not reasons, reasons))
        return options

    # -- messages -----------------------------------------------------------------------

    def attempted(self, obj: Any, action: str) -> str:
        return self._attempted(obj, action) if self._attempted else f"status '{action}'"

    def not_allowed_message(self, obj: Any, action: str) -> str:
        state = self.state_of(obj)
        if self._not_allowed:
            return self._not_allowed(obj, action, state)
        return (
            f"Tindakan '{self.label(action)}' tidak dapat dilakukan pada status "
            f"'{self.state_label(state)}'."
        )

    def denied_message(self, obj: Any, action: str) -> str:
        return self._denied(obj, action) if self._denied else DENIED

    # -- writing ------------------------------------------------------------------------

    def lock(self, obj: Any) -> Any:
        """The object's row, locked for the transaction and read again."""
        if self._locker is not None:
            return self._locker(obj)
        if obj.pk is None:
            return obj
        manager = type(obj)._default_manager.select_for_update()
        if self.select_related:
            manager = manager.select_related(*self.select_related)
        return manager.get(pk=obj.pk)

    def _refusal(self, obj: Any, by: Any, action: str, message: str) -> Refusal:
        return Refusal(
            obj=obj,
            by=by,
            attempted=self.attempted(obj, action),
            message=message,
            region_code=self.region_code(obj),
        )

    def transition(
        self,
        obj: Any,
        action: str,
        by: Any,
        *,
        reason: str = "",
        apply: Callable[[Context], None] | None = None,
        after: Callable[[Context], None] | None = None,
        audit_fields: Sequence[str] = (),
        audit_reason: str | None = None,
        extra_changes: Sequence[dict[str, Any]] = (),
        lock: bool = True,
        **kw: Any,
    ) -> Any:
        """Check, change the state, save and audit; returns the (locked, saved) object.

        `apply(ctx)` sets the other fields of the step (dates, comments) before the save,
        `after(ctx)` runs after it (hooks, inside the transaction, before the audit row);
        `audit_fields` are diffed besides the state field; `kw` reaches the guards as
        ``ctx.kw`` (with `reason`)."""
        return _transition(
            self,
            obj,
            action,
            by,
            reason,
            apply,
            after,
            audit_fields,
            audit_reason,
            extra_changes,
            lock,
            kw,
        )


@audits_refusals
@transaction.atomic
def _transition(
    wf: Workflow,
    obj: Any,
    action: str,
    by: Any,
    reason: str,
    apply: Callable[[Context], None] | None,
    after: Callable[[Context], None] | None,
    audit_fields: Sequence[str],
    audit_reason: str | None,
    extra_changes: Sequence[dict[str, Any]],
    lock: bool,
    kw: dict[str, Any],
) -> Any:
    current = wf.lock(obj) if lock else obj
    state = wf.state_of(current)
    step = wf.table.get((state, action))
    if step is None:
        raise Refused(wf._refusal(current, by, action, wf.not_allowed_message(current, action)))
    if by is None and wf.strict_user and not step.system:
        raise PermissionDenied(NEEDS_USER)
    code = wf.region_code(current)
    if by is not None and not wf._permitted(by, current, step, code):
        refusal = wf._refusal(current, by, action, wf.denied_message(current, action))
        raise Refused(refusal) if wf.denied_as_validation else RefusedPermission(refusal)
    ctx = Context(
        obj=current, by=by, action=action, step=step, workflow=wf, kw={**kw, "reason": reason}
    )
    if wf.validate is not None:
        wf.validate(ctx)
    reasons = [r for g in step.guards for r in g.reasons(ctx)]
    if reasons:
        raise Refused(wf._refusal(current, by, action, " ".join(reasons)), shown=reasons)
    fields = tuple(f for f in audit_fields if f != wf.field)
    before = snapshot(current, fields)
    if wf._write is None:
        setattr(current, wf.field, step.target)
    if apply is not None:
        apply(ctx)
    with saving_by_engine(current):
        if wf._write is not None:
            wf._write(ctx)
        else:
            if wf.full_clean:
                current.full_clean()
            current.save()
    if after is not None:
        after(ctx)
    name = wf._audit_field(current) if wf._audit_field else wf.field
    audit_record(
        actor=by,
        obj=wf._audit_target(current) if wf._audit_target else current,
        action=Action.TRANSITION,
        changes=[
            {"field": name, "old": state, "new": str(step.target)},
            *field_changes(before, snapshot(current, fields)),
            *extra_changes,
        ],
        reason=audit_reason if audit_reason is not None else (reason or action),
        region_code=code,
    )
    if current is not obj and wf._write is None:
        setattr(obj, wf.field, step.target)
    return current
