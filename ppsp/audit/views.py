from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.contrib.auth.decorators import login_required
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ppsp.audit.selectors import audit_events_for
from ppsp.core.access import CodeOf, code_getter, object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission


class Auditable(NamedTuple):
    """How the trail of one object type is reached: the rows (model or queryset), the
    permission that lets a user see such an object, the region code of an object, and
    whether the trail also lists every event recorded inside that region."""

    source: type[models.Model] | QuerySet[Any]
    permission: Permission
    code_of: Callable[[Any], str]
    include_region_events: bool
    path: CodeOf


# object type ("app_label.model") -> how its trail is reached
AUDITABLE: dict[str, Auditable] = {}


def register(
    model: type[models.Model] | QuerySet[Any],
    permission: Permission,
    code_of: CodeOf,
    *,
    include_region_events: bool = False,
) -> None:
    """Open the audit trail of ``model`` to whoever holds ``permission`` over the region
    ``code_of`` gives (a callable or a dotted path such as ``"plan.region.code"``)."""
    label = (model.model if isinstance(model, QuerySet) else model)._meta.label_lower
    AUDITABLE[label] = Auditable(
        model, permission, code_getter(code_of), include_region_events, code_of
    )


@login_required
def object_history(request: HttpRequest, object_type: str, object_id: int) -> HttpResponse:
    """Audit trail of one object; the permission registered for its type decides visibility."""
    if object_type not in AUDITABLE:
        raise Http404
    entry = AUDITABLE[object_type]
    obj = object_for_user(request.user, entry.source, object_id, entry.permission, entry.path)
    code = entry.code_of(obj)
    if not has_permission(request.user, Permission.VIEW_AUDIT, code):
        raise Http404
    events = audit_events_for(obj, within_region=code if entry.include_region_events else "")
    return render(request, "audit/object_history.html", {"object": obj, "events": events[:500]})
