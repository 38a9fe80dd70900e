from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ppsp.accounts.selectors import active_assignments
from ppsp.core.workspace import workspace_links
from ppsp.regions.models import Level
from ppsp.regions.selectors import scope_root_regions


@login_required
def home(request: HttpRequest) -> HttpResponse:
    roots = scope_root_regions(request.user)
    # a Pokja or CF of one kab/kota lands on its workspace; wider roles choose a region
    only = roots[0] if len(roots) == 1 and roots[0].level == Level.KABKOTA else None
    return render(
        request,
        "core/home.html",
        {
            "assignments": active_assignments(request.user),
            "roots": roots,
            "workspace": workspace_links(request.user, only.code) if only else [],
        },
    )


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Liveness + database check for load balancers (no login, no data)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
