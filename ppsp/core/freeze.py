"""Approval freezes: one mechanism that refuses writes to data an approved document binds.

An approved document version stores a snapshot (``documents.ApprovedSnapshot``) together
with the *input keys* it bound: ``{"plan": [7], "scenario": [3], "ehra_round": [2],
"form2_year": [2025], ...}``. A piece of data is frozen while a snapshot that binds its
key belongs to the *latest* version of its document and that version is approved; starting
a revision (perubahan, a new draft version) opens the data again, approving the revision
freezes them again with a new snapshot.

Apps do not know about documents: ``ppsp.documents.freeze_keys`` registers, per model, a
function giving the kab/kota code and the input keys of an object (`register`). Write
services call ``ensure_not_frozen(obj)`` (one line) before they change or delete ``obj``;
the admin uses `FrozenAdminMixin` (read-only, no delete) and the API goes through the same
services. The lookup of active snapshots is plugged in by the documents app
(`set_active_lookup`), so this module imports no app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _

# An input key: (kab/kota code, kind, value), e.g. ("15.07", "plan", 7).
Key = tuple[str, str, int]
Resolver = Callable[[Any], Iterable[Key]]


@dataclass(frozen=True)
class Holder:
    """The approved version that freezes a key (for the message)."""

    label: str  # "SSK 2027–2031 versi 3"
    version_id: int
    region_code: str = ""


_REGISTRY: dict[type[models.Model], Resolver] = {}
# Objects locked by themselves (a version that is approved, its narrative and files).
_LOCKS: dict[type[models.Model], Callable[[Any], Holder | None]] = {}
_lookup: Callable[[str], list[tuple[Holder, dict[str, list[int]]]]] | None = None


def register(model: type[models.Model], resolver: Resolver) -> None:
    """Declare which input keys an object of `model` belongs to."""
    _REGISTRY[model] = resolver


def register_lock(model: type[models.Model], check: Callable[[Any], Holder | None]) -> None:
    """Declare a direct check for objects that are locked by their own state."""
    _LOCKS[model] = check


def registered(model: type[models.Model]) -> bool:
    return any(issubclass(model, m) for m in (*_REGISTRY, *_LOCKS))


def set_active_lookup(lookup: Callable[[str], list[tuple[Holder, dict[str, list[int]]]]]) -> None:
    """Plugged in by the documents app: code -> [(holder, bound inputs)] of active snapshots."""
    global _lookup
    _lookup = lookup


def frozen_message(holder: Holder) -> str:
    return _(
        "Data ini termasuk %(doc)s yang sudah disahkan sehingga terkunci dan tidak dapat "
        "diubah atau dihapus. Untuk mengubahnya, mulai perubahan (revisi) dokumen itu."
    ) % {"doc": holder.label}


class Frozen(ValidationError):
    """A write to data bound by an approved version, refused."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(frozen_message(holder), code="frozen")
        self.holder = holder


def keys_of(obj: Any) -> list[Key]:
    for model, resolver in _REGISTRY.items():
        if isinstance(obj, model):
            return [k for k in resolver(obj) if k[0]]
    return []


def holder_of_keys(keys: Iterable[Key]) -> Holder | None:
    """The approved version freezing any of `keys`, or None."""
    if _lookup is None:
        return None
    wanted: dict[str, list[tuple[str, int]]] = {}
    for code, kind, value in keys:
        wanted.setdefault(code, []).append((kind, value))
    for code, pairs in wanted.items():
        for holder, bound in _lookup(code):
            if any(value in bound.get(kind, ()) for kind, value in pairs):
                return holder
    return None


def frozen_by(obj: Any) -> Holder | None:
    for model, check in _LOCKS.items():
        if isinstance(obj, model):
            holder = check(obj)
            if holder is not None:
                return holder
    return holder_of_keys(keys_of(obj))


# Refusals raised inside a service's transaction are rolled back with it; they are kept
# here and audited after the view by `RefusalAuditMiddleware` (who, when, what, why).
_pending: ContextVar[list[tuple[Any, Holder]] | None] = ContextVar("freeze_pending", default=None)


def _refuse(obj: Any, holder: Holder) -> Frozen:
    pending = _pending.get()
    if pending is not None:
        pending.append((obj, holder))
    return Frozen(holder)


def ensure_not_frozen(*objs: Any) -> None:
    """Raise `Frozen` when any object belongs to an approved (locked) version."""
    for obj in objs:
        if obj is None:
            continue
        holder = frozen_by(obj)
        if holder is not None:
            raise _refuse(obj, holder)


def ensure_keys_not_frozen(keys: Iterable[Key]) -> None:
    """For writes that create data (no object yet): refuse when the keys are frozen."""
    holder = holder_of_keys(keys)
    if holder is not None:
        raise _refuse(None, holder)


class RefusalAuditMiddleware:
    """Audit every write refused by the freeze during a request, after its rollback."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        token = _pending.set([])
        try:
            response = self.get_response(request)
            refused = _pending.get() or []
        finally:
            _pending.reset(token)
        if refused:
            _audit_refusals(request, refused)
        return response


def _audit_refusals(request: HttpRequest, refused: list[tuple[Any, Holder]]) -> None:
    from ppsp.audit.models import Action
    from ppsp.audit.services import audit_record
    from ppsp.documents.models import DocumentVersion

    for obj, holder in refused:
        target = obj if obj is not None and obj.pk is not None else None
        target = target or DocumentVersion.objects.filter(pk=holder.version_id).first()
        if target is None:
            continue
        audit_record(
            actor=request.user,
            obj=target,
            action=Action.UPDATE,
            reason=f"DITOLAK: {frozen_message(holder)}",
            region_code=holder.region_code,
        )


class FrozenAdminMixin:
    """Admin: objects bound by an approved version are read-only and cannot be deleted.

    Put before the admin base class: ``class XAdmin(FrozenAdminMixin, AuditedAdmin)``.
    A POST that slips through (stale form) is refused by `save_model` as well.
    """

    def _frozen(self, obj: Any) -> Holder | None:
        return frozen_by(obj) if obj is not None and obj.pk is not None else None

    def _audit_refusal(self, request: HttpRequest, object_id: str | None, what: str) -> None:
        """A POST on a frozen object is refused by Django (403); record who tried."""
        if request.method != "POST" or not object_id:
            return
        model = self.model  # type: ignore[attr-defined]
        obj = model._default_manager.filter(pk=object_id).first()
        holder = self._frozen(obj)
        if holder is None:
            return
        from ppsp.audit.models import Action
        from ppsp.audit.services import audit_record

        action = Action.DELETE if what == "hapus" else Action.UPDATE
        audit_record(
            actor=request.user,
            obj=obj,
            action=action,
            reason=f"DITOLAK (admin, {what}): {frozen_message(holder)}",
            region_code=holder.region_code,
        )

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> Any:
        self._audit_refusal(request, object_id, "ubah")
        return super().changeform_view(  # type: ignore[misc]
            request, object_id, form_url, extra_context
        )

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> Any:
        self._audit_refusal(request, object_id, "hapus")
        return super().delete_view(request, object_id, extra_context)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self._frozen(obj) is not None:
            return False
        allowed: bool = super().has_change_permission(request, obj)  # type: ignore[misc]
        return allowed

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self._frozen(obj) is not None:
            return False
        allowed: bool = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return allowed

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first() if change else None
        try:
            ensure_not_frozen(stored, obj)
        except Frozen as refused:  # a stale form or a move into frozen data: 403, not 500
            raise PermissionDenied(refused.messages[0]) from refused
        super().save_model(request, obj, form, change)  # type: ignore[misc]

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        try:
            ensure_not_frozen(obj)
        except Frozen as refused:
            raise PermissionDenied(refused.messages[0]) from refused
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        frozen = [obj for obj in queryset if frozen_by(obj) is not None]
        if frozen:
            holder = frozen_by(frozen[0])
            messages.error(request, frozen_message(holder) if holder else "")
            return
        super().delete_queryset(request, queryset)  # type: ignore[misc]


def lock_admin(site: Any) -> int:
    """Give every admin of a registered model the `FrozenAdminMixin` (one mechanism, no
    per-app edits). Run after admin autodiscovery (the documents app's ready()); returns
    the number of admins locked."""
    count = 0
    for model, model_admin in list(site._registry.items()):
        cls = type(model_admin)
        if not registered(model) or issubclass(cls, FrozenAdminMixin):
            continue
        locked = type(f"Frozen{cls.__name__}", (FrozenAdminMixin, cls), {})
        site._registry[model] = locked(model, site)
        count += 1
    return count
