from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ppsp.core.permissions import Permission
from ppsp.core.safe_cells import safe_row
from ppsp.core.scope import has_permission
from ppsp.core.workspace import workspace_links
from ppsp.regions import selectors
from ppsp.regions.forms import PopulationForm
from ppsp.regions.models import Level
from ppsp.regions.services import population_upsert


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "regions/index.html",
        {"roots": selectors.scope_root_regions(request.user), "query": ""},
    )


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = selectors.search_regions(request.user, query)
    template = "regions/_results.html" if request.htmx else "regions/search.html"  # type: ignore[attr-defined]
    return render(request, template, {"query": query, "results": results})


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.get_region_for_user(request.user, code)
    context = {
        "region": region,
        "ancestors": selectors.region_ancestors(region),
        "children": selectors.region_children(region) if region.level < Level.DESA else [],
        "totals": selectors.population_totals(region),
        "populations": selectors.populations_of(region) if region.level == Level.DESA else [],
        "can_edit": has_permission(request.user, Permission.EDIT_REGION_DATA, region.code),
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, region.code),
        "workspace": (
            workspace_links(request.user, region.code) if region.level == Level.KABKOTA else []
        ),
    }
    return render(request, "regions/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def population_edit(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.get_region_for_user(request.user, code, write=True)
    if region.level != Level.DESA:
        messages.error(request, _("Data penduduk dicatat per desa/kelurahan."))
        return redirect("regions:detail", code=code)
    form = PopulationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            population_upsert(
                region=region,
                year=data["year"],
                penduduk=data["penduduk"],
                kk=data["kk"],
                source=data["source"],
                reason=data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Data penduduk tersimpan."))
            return redirect("regions:detail", code=code)
    return render(
        request,
        "regions/population_form.html",
        {"region": region, "form": form, "ancestors": selectors.region_ancestors(region)},
    )


@login_required
def export_children(request: HttpRequest, code: str) -> HttpResponse:
    """CSV of the region's children with codes (for Excel users)."""
    region = selectors.get_region_for_user(request.user, code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wilayah-{region.code}.csv"'
    response.write("\ufeff")  # BOM so Excel opens UTF-8 correctly
    writer = csv.writer(response)
    writer.writerow(["kode", "nama", "tingkat", "jenis", "kode_induk"])
    for child in selectors.region_children(region):
        writer.writerow(
            safe_row([child.code, child.name, child.get_level_display(), child.kind, region.code])
        )
    return response
