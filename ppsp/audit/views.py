from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ppsp.audit.selectors import audit_events_for
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission

# object type ("app_label.model") -> (access helper, region code of the object)
AUDITABLE: dict[str, tuple[Callable[[Any, int], models.Model], Callable[[Any], str]]] = {}


def register(
    object_type: str,
    getter: Callable[[Any, int], models.Model],
    region_code: Callable[[Any], str],
) -> None:
    AUDITABLE[object_type] = (getter, region_code)


@login_required
def object_history(request: HttpRequest, object_type: str, object_id: int) -> HttpResponse:
    """Audit trail of one object; the object's own access helper decides visibility."""
    if object_type not in AUDITABLE:
        raise Http404
    getter, region_code = AUDITABLE[object_type]
    obj = getter(request.user, object_id)
    if not has_permission(request.user, Permission.VIEW_AUDIT, region_code(obj)):
        raise Http404
    events = audit_events_for(obj)[:500]
    return render(request, "audit/object_history.html", {"object": obj, "events": events})
