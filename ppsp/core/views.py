from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ppsp.accounts.selectors import active_assignments
from ppsp.regions.selectors import scope_root_regions


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {
            "assignments": active_assignments(request.user),
            "roots": scope_root_regions(request.user),
        },
    )


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Liveness + database check for load balancers (no login, no data)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
