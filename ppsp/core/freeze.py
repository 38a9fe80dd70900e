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

Approvals that are not a document version (the sign-off of an MPS year, the lock of a monev
realisation report) store their figures with `snapshot_store` (`core.DataSnapshot`, the same
canonical JSON and SHA-256 as the document snapshots) and register a direct lock
(`register_lock`) that compares live data with it; refusals go through the same
`ensure_not_frozen`, message and audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core.canonical import digest, normalised

# An input key: (kab/kota code, kind, value), e.g. ("15.07", "plan", 7).
Key = tuple[str, str, int]
Resolver = Callable[[Any], Iterable[Key]]


@dataclass(frozen=True)
class Holder:
    """The approved version that freezes a key (for the message)."""

    label: str  # "SSK 2027–2031 versi 3"
    version_id: int  # 0 when the holder is not a document version
    region_code: str = ""
    # "disahkan" (a document), "disetujui" (an MPS year), "diajukan" (a monev report)
    state: str = ""
    hint: str = ""  # how to change the data after all; empty: start a revision
    sha256: str = ""  # of the data snapshot, shown with the message
    subject: Any = field(default=None, compare=False)  # audited when the object is unsaved


_REGISTRY: dict[type[models.Model], Resolver] = {}
# Objects locked by themselves (a version that is approved, its narrative and files).
_LOCKS: dict[type[models.Model], Callable[[Any], Holder | None]] = {}
# Direct checks used instead of `_LOCKS` when the object is deleted (it leaves the data).
_DELETE_LOCKS: dict[type[models.Model], Callable[[Any], Holder | None]] = {}
_lookup: Callable[[str], list[tuple[Holder, dict[str, list[int]]]]] | None = None


def register(model: type[models.Model], resolver: Resolver) -> None:
    """Declare which input keys an object of `model` belongs to."""
    _REGISTRY[model] = resolver


def register_lock(
    model: type[models.Model],
    check: Callable[[Any], Holder | None],
    *,
    on_delete: Callable[[Any], Holder | None] | None = None,
) -> None:
    """Declare a direct check for objects that are locked by their own state; `on_delete`
    (default: `check`) decides whether the object may be deleted."""
    _LOCKS[model] = check
    if on_delete is not None:
        _DELETE_LOCKS[model] = on_delete


def registered(model: type[models.Model]) -> bool:
    return any(issubclass(model, m) for m in (*_REGISTRY, *_LOCKS))


def set_active_lookup(lookup: Callable[[str], list[tuple[Holder, dict[str, list[int]]]]]) -> None:
    """Plugged in by the documents app: code -> [(holder, bound inputs)] of active snapshots."""
    global _lookup
    _lookup = lookup


def frozen_message(holder: Holder) -> str:
    """The one refusal message (Indonesian msgid; English through the catalogue)."""
    if not holder.state and not holder.hint:
        return _(
            "Data ini termasuk %(doc)s yang sudah disahkan sehingga terkunci dan tidak dapat "
            "diubah atau dihapus. Untuk mengubahnya, mulai perubahan (revisi) dokumen itu."
        ) % {"doc": holder.label}
    message = _(
        "Data ini termasuk %(doc)s yang sudah %(state)s sehingga terkunci dan tidak dapat "
        "diubah atau dihapus."
    ) % {"doc": holder.label, "state": _(holder.state) if holder.state else _("disahkan")}
    if holder.sha256:
        message += " " + _("Snapshot SHA-256 %(hash)s.") % {"hash": holder.sha256[:16]}
    return f"{message} {_(holder.hint) if holder.hint else ''}".strip()


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


def frozen_by(obj: Any, *, deleting: bool = False) -> Holder | None:
    """The holder that freezes `obj` (or forbids deleting it, with `deleting`), or None."""
    locks = {**_LOCKS, **_DELETE_LOCKS} if deleting else _LOCKS
    for model, check in locks.items():
        if isinstance(obj, model):
            holder = check(obj)
            if holder is not None:
                return holder
    return holder_of_keys(keys_of(obj))


# Refusals raised inside a service's transaction are rolled back with it; they are kept
# here and audited after the view by `RefusalAuditMiddleware` (who, when, what, why).
_pending: ContextVar[list[tuple[Any, Holder]] | None] = ContextVar("freeze_pending", default=None)


_NOBODY = object()


def _refuse(obj: Any, holder: Holder, by: Any = _NOBODY) -> Frozen:
    """Keep the refusal for the request's audit (`RefusalAuditMiddleware`); outside a
    request, a caller that names `by` gets the audit row written at once (call it outside
    the transaction that is rolled back)."""
    pending = _pending.get()
    if pending is not None:
        pending.append((obj, holder))
    elif by is not _NOBODY:
        _audit_one(by, obj, holder)
    return Frozen(holder)


def ensure_not_frozen(*objs: Any, by: Any = _NOBODY, deleting: bool = False) -> None:
    """Raise `Frozen` when any object belongs to an approved (locked) version or data
    snapshot; `deleting` asks whether the object may be removed."""
    for obj in objs:
        if obj is None:
            continue
        holder = frozen_by(obj, deleting=deleting)
        if holder is not None:
            raise _refuse(obj, holder, by)


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
    for obj, holder in refused:
        _audit_one(request.user, obj, holder)


def _audit_one(actor: Any, obj: Any, holder: Holder) -> None:
    """One audit row "DITOLAK: <message>" on the object (or what holds it when unsaved)."""
    from django.apps import apps

    target = obj if obj is not None and obj.pk is not None else holder.subject
    if target is None and holder.version_id:
        version = apps.get_model("documents", "DocumentVersion")
        target = version._default_manager.filter(pk=holder.version_id).first()
    if target is None:
        return
    audit_record(
        actor=actor,
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

    def _frozen(self, obj: Any, deleting: bool = False) -> Holder | None:
        if obj is None or obj.pk is None:
            return None
        return frozen_by(obj, deleting=deleting)

    def _audit_refusal(self, request: HttpRequest, object_id: str | None, what: str) -> None:
        """A POST on a frozen object is refused by Django (403); record who tried."""
        if request.method != "POST" or not object_id:
            return
        model = self.model  # type: ignore[attr-defined]
        obj = model._default_manager.filter(pk=object_id).first()
        holder = self._frozen(obj, deleting=what == "hapus")
        if holder is None:
            return
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
        if self._frozen(obj, deleting=True) is not None:
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
            ensure_not_frozen(obj, deleting=True)
        except Frozen as refused:
            raise PermissionDenied(refused.messages[0]) from refused
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        frozen = [obj for obj in queryset if frozen_by(obj, deleting=True) is not None]
        if frozen:
            holder = frozen_by(frozen[0], deleting=True)
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


# Data snapshots of approvals that are not a document version (MPS year, monev report).


def snapshot_store(
    *,
    kind: str,
    subject: models.Model,
    year: int,
    region_code: str,
    label: str,
    event: str,
    data: Any,
    by: Any,
) -> Any:
    """Store `data` frozen as canonical JSON with its SHA-256 (`core.DataSnapshot`) and audit
    it on `subject`. Call inside the transaction of the approval it belongs to."""
    from ppsp.core.models import DataSnapshot

    stored = normalised(data)
    snap = DataSnapshot.objects.create(
        kind=kind,
        subject_id=subject.pk,
        year=year,
        region_code=region_code,
        label=label[:200],
        event=event[:120],
        data=stored,
        sha256=digest(stored),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit_record(
        actor=by,
        obj=subject,
        action=Action.UPDATE,
        changes=[{"field": "snapshot sha256", "old": None, "new": snap.sha256}],
        reason=f"Snapshot data disimpan: {event}.",
        region_code=region_code,
    )
    return snap


def snapshot_latest(kind: str, subject_id: int, year: int | None = None) -> Any:
    """The newest data snapshot of a subject (and year), or None."""
    from ppsp.core.models import DataSnapshot

    rows = DataSnapshot.objects.filter(kind=kind, subject_id=subject_id)
    if year is not None:
        rows = rows.filter(year=year)
    return rows.order_by("-pk").first()


def snapshot_intact(snap: Any) -> bool:
    """True when the stored data still hash to the stored SHA-256."""
    return bool(digest(snap.data) == snap.sha256)
