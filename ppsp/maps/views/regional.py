"""National and provincial choropleth data: kab/kota outlines (gzipped GeoJSON, cached,
simplified per zoom level) and indicator values, fetched by the dashboards' map block."""

from __future__ import annotations

import gzip
import hashlib

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.views.decorators.http import require_GET

from ppsp.maps import regional


def _outlines(request: HttpRequest, scope: str) -> HttpResponse:
    regional.scope_region_for_user(request.user, scope)
    detail = request.GET.get("detail") or regional.DEFAULT_DETAIL.get(scope, "medium")
    if detail not in regional.DETAILS:
        detail = "low"
    content, key = regional.outlines_gzip(scope, detail)
    etag = f'"{hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()[:16]}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified()
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(content, content_type="application/geo+json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(content), content_type="application/geo+json")
    response["ETag"] = etag
    response["Vary"] = "Accept-Encoding, Cookie"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _indicators(request: HttpRequest, scope: str) -> JsonResponse:
    province = regional.scope_region_for_user(request.user, scope)
    response = JsonResponse(regional.indicators(request.user, province))
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_GET
def national_outlines(request: HttpRequest) -> HttpResponse:
    return _outlines(request, regional.NATIONAL)


@login_required
@require_GET
def province_outlines(request: HttpRequest, code: str) -> HttpResponse:
    return _outlines(request, code)


@login_required
@require_GET
def national_indicators(request: HttpRequest) -> JsonResponse:
    return _indicators(request, regional.NATIONAL)


@login_required
@require_GET
def province_indicators(request: HttpRequest, code: str) -> JsonResponse:
    return _indicators(request, code)


def _export(request: HttpRequest, scope: str, fmt: str) -> HttpResponse:
    from ppsp.maps.render_regions import regions_export

    if fmt not in ("png", "pdf"):
        raise Http404
    province = regional.scope_region_for_user(request.user, scope)
    key = request.GET.get("indikator", "stage")
    content = regions_export(request.user, province, key, fmt)
    if content is None:
        raise Http404
    response = HttpResponse(
        content, content_type="image/png" if fmt == "png" else "application/pdf"
    )
    key = key if key in regional.SCALES else "stage"
    response["Content-Disposition"] = f'attachment; filename="peta-{scope}-{key}.{fmt}"'
    return response


@login_required
@require_GET
def national_export(request: HttpRequest, fmt: str) -> HttpResponse:
    return _export(request, regional.NATIONAL, fmt)


@login_required
@require_GET
def province_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    return _export(request, code, fmt)
