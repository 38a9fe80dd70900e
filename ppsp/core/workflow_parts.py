"""The parts of a workflow table (see `core.workflow`): steps, named guards, the context a
guard sees, the options `available` lists, and the model-level check that keeps a state
change inside the engine."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models

from ppsp.core.permissions import Permission

if TYPE_CHECKING:
    from ppsp.core.workflow import Workflow

ENGINE_ONLY = (
    "Status ini hanya dapat diubah melalui alur kerja (halaman atau layanan yang "
    "berwenang), tidak secara langsung."
)
# Set on an object while the engine saves it; models that refuse direct state changes
# (`ensure_saved_by_engine`) look for it.
SAVING_FLAG = "_saved_by_workflow"


class WorkflowError(ImproperlyConfigured):
    """A workflow table that names an unknown state or action, or repeats a pair."""


Reasons = str | Sequence[str] | None


@dataclass(frozen=True)
class Guard:
    """A named precondition: ``check(ctx)`` gives the refusal reason(s), or None."""

    name: str
    check: Callable[[Context], Reasons]

    def reasons(self, ctx: Context) -> list[str]:
        found = self.check(ctx)
        if not found:
            return []
        return [str(found)] if isinstance(found, str) else [str(r) for r in found]


def guard(name: str) -> Callable[[Callable[[Context], Reasons]], Guard]:
    """Decorator: ``@guard("konsultasi_ditutup") def closed(ctx): ...``."""

    def wrap(check: Callable[[Context], Reasons]) -> Guard:
        return Guard(name, check)

    return wrap


@dataclass(frozen=True)
class Step:
    source: str
    action: str
    target: str
    permission: Permission | None
    guards: tuple[Guard, ...] = ()
    offered: bool = True  # listed by `available` (False: only services take it)
    system: bool = False  # may be taken without a user (by=None) in a strict workflow


@dataclass
class Context:
    """What a guard sees: the (locked) object, who acts, the step and the caller's kw."""

    obj: Any
    by: Any
    action: str
    step: Step
    workflow: Workflow
    kw: dict[str, Any]
    _memo: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.workflow.region_code(self.obj)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute once per transition what several guards read (e.g. the gate facts)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass(frozen=True)
class Option:
    """One action offered to a user: disabled (``allowed`` False) with its reasons."""

    action: str
    label: str
    target: str
    allowed: bool
    reasons: tuple[str, ...] = ()


@contextlib.contextmanager
def saving_by_engine(obj: Any) -> Iterator[None]:
    setattr(obj, SAVING_FLAG, True)
    try:
        yield
    finally:
        with contextlib.suppress(AttributeError):
            delattr(obj, SAVING_FLAG)


def ensure_saved_by_engine(obj: models.Model, field_name: str, targets: Iterable[str]) -> None:
    """Model-level check for ``save()``: moving `field_name` of an existing row into one of
    `targets` is refused unless the workflow engine saves it (admin, shell, a stray
    ``save()``)."""
    new = getattr(obj, field_name)
    if obj.pk is None or new not in set(targets) or getattr(obj, SAVING_FLAG, False):
        return
    stored = type(obj)._default_manager.filter(pk=obj.pk).values_list(field_name, flat=True).first()
    if stored is not None and stored != new:
        raise ValidationError(ENGINE_ONLY, code="workflow_only")
