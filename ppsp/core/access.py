"""Where access is decided: one scope check, one kab/kota helper, one object helper (404).

Every view, API endpoint, service and the audit trail ask here whether ``user`` may act with
a ``Permission`` on a region; the answer comes from the role table (``permissions.py``) and
the user's assignments (``scope.py``). Outside the scope the answer is 404, never 403, so a
URL does not reveal whether an object exists in another region.

- ``require(user, permission, code)``: raise 404 unless the region ``code`` is in scope;
- ``kabkota_for_user(user, code, permission)``: the kab/kota ``Region`` with that code;
- ``require_permission(by, permission, code)``: the same check inside a service, where the
  refusal is ``PermissionDenied`` (``by=None`` is the system: imports, jobs, migrations);
- ``object_for_user(user, model_or_queryset, pk, permission, code_of=...)``: any object whose
  region code ``code_of`` gives (a callable or a dotted attribute path such as
  ``"plan.region.code"``, whose relations are joined in the same query).

Apps keep their named getters (``mps.selectors.get_plan_for_user`` ...) as thin wrappers that
choose the permission; the scope rule itself lives only here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.regions.models import Level, Region

M = TypeVar("M", bound=models.Model)
CodeOf = Callable[[Any], str] | str


def require(user: Any, permission: Permission, code: str) -> None:
    """404 unless ``user`` holds ``permission`` over the region with Kemendagri ``code``."""
    if not scope_for(user, permission).covers(code):
        raise Http404


DENIED = "Anda tidak berwenang melakukan tindakan ini di wilayah ini."


def require_permission(
    by: Any,
    permission: Permission,
    code: str,
    message: str | None = DENIED,
    *,
    exception: type[Exception] = PermissionDenied,
) -> None:
    """``exception(message)`` unless ``by`` holds ``permission`` over ``code``; the system
    (``by=None``) may always act."""
    if by is not None and not scope_for(by, permission).covers(code):
        raise exception(message) if message is not None else exception()


def kabkota_for_user(user: Any, code: str, permission: Permission) -> Region:
    """The kab/kota (level 2) with this code if ``user`` holds ``permission`` there; else 404.

    The province (``region.parent``) comes in the same query: every kab/kota page shows it.
    """
    require(user, permission, code)
    return get_object_or_404(
        Region.objects.select_related("parent"), code=code, level=Level.KABKOTA
    )


def province_for_user(user: Any, code: str, permission: Permission) -> Region:
    """The province with this code if ``user`` holds ``permission`` over the whole province
    (national or a provincial assignment; a kab/kota role does not); else 404."""
    scope = scope_for(user, permission)
    if not (scope.national or code in scope.provinces):
        raise Http404
    return get_object_or_404(Region, code=code, level=Level.PROVINSI)


def require_national(user: Any, permission: Permission) -> None:
    """404 unless ``user`` holds ``permission`` nationally (PMU)."""
    if not scope_for(user, permission).national:
        raise Http404


def _relations(path: str) -> str:
    """``"plan.region.code"`` -> ``"plan__region"`` (the joins that reach the code)."""
    return "__".join(path.split(".")[:-1])


def code_getter(code_of: CodeOf) -> Callable[[Any], str]:
    """``code_of`` as a callable (a dotted path is read attribute by attribute)."""
    if callable(code_of):
        return code_of
    parts = code_of.split(".")

    def read(obj: Any) -> str:
        for part in parts:
            obj = getattr(obj, part)
        return str(obj)

    return read


def object_for_user(
    user: Any,
    model_or_queryset: type[M] | QuerySet[M],
    pk: Any,
    permission: Permission,
    code_of: CodeOf = "region.code",
) -> M:
    """The object with this primary key if ``user`` holds ``permission`` over its region
    (``code_of(obj)``); 404 when it does not exist or lies outside the scope.

    With a model and a dotted ``code_of`` the relations on the path are joined
    (``select_related``); pass a queryset to join more.
    """
    if isinstance(model_or_queryset, QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
        if isinstance(code_of, str) and _relations(code_of):
            queryset = queryset.select_related(_relations(code_of))
    obj = get_object_or_404(queryset, pk=pk)
    require(user, permission, code_getter(code_of)(obj))
    return obj
