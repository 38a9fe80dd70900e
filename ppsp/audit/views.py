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

# object type ("app_label.model") -> (access helper, region code of the object, whether its
# trail also lists every event recorded inside that region)
AUDITABLE: dict[str, tuple[Callable[[Any, int], models.Model], Callable[[Any], str], bool]] = {}


def register(
    object_type: str,
    getter: Callable[[Any, int], models.Model],
    region_code: Callable[[Any], str],
    *,
    include_region_events: bool = False,
) -> None:
    AUDITABLE[object_type] = (getter, region_code, include_region_events)


@login_required
def object_history(request: HttpRequest, object_type: str, object_id: int) -> HttpResponse:
    """Audit trail of one object; the object's own access helper decides visibility."""
    if object_type not in AUDITABLE:
        raise Http404
    getter, region_code, include_region_events = AUDITABLE[object_type]
    obj = getter(request.user, object_id)
    code = region_code(obj)
    if not has_permission(request.user, Permission.VIEW_AUDIT, code):
        raise Http404
    events = audit_events_for(obj, within_region=code if include_region_events else "")[:500]
    return render(request, "audit/object_history.html", {"object": obj, "events": events})
