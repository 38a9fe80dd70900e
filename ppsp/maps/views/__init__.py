"""Risk map pages: Leaflet choropleth (or ranked table + tile grid), PNG/PDF, boundary upload."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.ehra.labels import risk_classes_for_round
from ppsp.ehra.selectors import results_hidden_for
from ppsp.maps import render as renderer
from ppsp.maps import selectors, services
from ppsp.maps.forms import BoundaryUploadForm
from ppsp.maps.loading import ATTRIBUTION, SOURCE
from ppsp.maps.models import BoundarySet
from ppsp.regions.models import Level, Region


def _component(request: HttpRequest) -> str:
    value = request.GET.get("komponen", "area")
    return value if value in selectors.MAP_COMPONENTS else "area"


def _tile_url() -> str:
    return str(settings.PPSP_MAP_TILE_URL)


def boundary_attribution(boundary_set: BoundarySet | None) -> str:
    """What the map credits for its desa outlines: the vendored set or the uploaded file."""
    if boundary_set is None:
        return ""
    if boundary_set.source == SOURCE:
        return ATTRIBUTION
    label = _("Batas desa")
    return f"{label}: {boundary_set.source or boundary_set.filename}"


@login_required
def risk_map(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_EHRA)
    survey = selectors.pick_round(region, request.GET.get("putaran"))
    if survey is not None and results_hidden_for(request.user, survey):
        return render(request, "ehra/blind.html", {"survey": survey})
    component = _component(request)
    boundary_set = selectors.active_set(region.code)
    desa = list(
        Region.objects.filter(kabkota_code=region.code, level=Level.DESA)
        .select_related("parent")
        .order_by("code")
    )
    rows = selectors.ranked_rows(survey, component, desa)
    scheme = risk_classes_for_round(survey)
    classes = {k: scheme.of(k) for k in scheme.table}
    grid: dict[Any, list[tuple[Region, Any, tuple[str, str]]]] = defaultdict(list)
    for d, cell in sorted(rows, key=lambda row: row[0].code):
        grid[d.parent].append((d, cell, classes[cell.klass]))
    context = {
        "region": region,
        "survey": survey,
        "component": component,
        "components": list(selectors.MAP_COMPONENTS.items()),
        "boundary_set": boundary_set,
        "payload": selectors.map_payload(region, survey) if boundary_set else None,
        "rows": [(d, cell, classes[cell.klass]) for d, cell in rows],
        "grid": sorted(grid.items(), key=lambda item: item[0].code),
        "legend": scheme.legend(),
        "classes": {str(k): [str(label), colour] for k, (label, colour) in classes.items()},
        "tile_url": _tile_url(),
        "attribution": boundary_attribution(boundary_set),
        "can_upload": has_permission(request.user, Permission.EDIT_REGION_DATA, region.code),
    }
    return render(request, "maps/map.html", context)


def _export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_EHRA)
    survey = selectors.pick_round(region, request.GET.get("putaran"))
    if survey is not None and results_hidden_for(request.user, survey):
        raise Http404
    component = _component(request)
    make = renderer.choropleth_png if fmt == "png" else renderer.choropleth_pdf
    content = make(region.code, component, round_pk=survey.pk if survey else None)
    if content is None:
        raise Http404
    response = HttpResponse(
        content, content_type="image/png" if fmt == "png" else "application/pdf"
    )
    name = f"peta-area-berisiko-{region.code}-{component}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_png(request: HttpRequest, code: str) -> HttpResponse:
    return _export(request, code, "png")


@login_required
def export_pdf(request: HttpRequest, code: str) -> HttpResponse:
    return _export(request, code, "pdf")


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_REGION_DATA)
    form = BoundaryUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft = services.boundary_upload(
                region=region,
                content=upload.read(),
                filename=upload.name,
                source=form.cleaned_data["source"],
                by=request.user,
            )
        except ValidationError as error:
            errors = list(error.messages)
        else:
            return redirect("maps:preview", pk=draft.pk)
    context = {
        "region": region,
        "form": form,
        "errors": errors,
        "active": selectors.active_set(region.code),
    }
    return render(request, "maps/upload.html", context, status=400 if errors else 200)


@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    boundary_set = selectors.get_boundary_set_for_user(request.user, pk)
    region = boundary_set.region
    matched = {b.desa_id: b for b in boundary_set.desa.select_related("desa", "desa__parent").all()}
    desa = (
        Region.objects.filter(kabkota_code=region.code, level=Level.DESA)
        .select_related("parent")
        .order_by("code")
    )
    context = {
        "boundary_set": boundary_set,
        "region": region,
        "matched": [matched[d.pk] for d in desa if d.pk in matched],
        "missing": [d for d in desa if d.pk not in matched],
    }
    active = None if boundary_set.active else selectors.active_set(region.code)
    if active is not None:
        context["active"] = active
        context["active_count"] = active.desa.count()
    return render(request, "maps/preview.html", context)


@login_required
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    boundary_set: BoundarySet = selectors.get_boundary_set_for_user(request.user, pk)
    try:
        services.boundary_commit(boundary_set=boundary_set, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("maps:preview", pk=pk)
    messages.success(request, _("Batas desa diterapkan pada peta."))
    return redirect("maps:map", code=boundary_set.region.code)
