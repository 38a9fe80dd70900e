from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ppsp.core.access import kabkota_for_user, province_for_user, require_national
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme import selectors, stats
from ppsp.programme.exports import HEADER, respond, summary_workbook, table_rows
from ppsp.programme.models import FacilitatorKind, Participation
from ppsp.programme.overview import SUMMARY, summary_sheets
from ppsp.programme.summary import (
    SUMMARY_SECONDS,
    dashboard_summary,
    data_stamp,
    summary_stamp,
)
from ppsp.programme.transitions import ACTION_LABELS, actions_from
from ppsp.regions.models import Region

FORMATS = ("csv", "xlsx", SUMMARY)


def _require_national(request: HttpRequest) -> None:
    require_national(request.user, Permission.VIEW_NATIONAL_DASHBOARD)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, Permission.VIEW_PROGRAMME)
    context = {
        "national": scope_for(request.user, Permission.VIEW_NATIONAL_DASHBOARD).national,
        "provinces": Region.objects.filter(code__in=sorted(scope.provinces)),
        "kabkotas": Region.objects.filter(code__in=sorted(scope.kabkotas)),
        "can_import": scope_for(request.user, Permission.MANAGE_PROGRAMME).national,
        "can_manage_facilitators": scope_for(request.user, Permission.MANAGE_FACILITATORS).national,
    }
    return render(request, "programme/index.html", context)


TABLE_PAGE = 50  # kab/kota rows per page of the dashboard table (514 nationally)


def _dashboard_context(request: HttpRequest, province: Region | None) -> dict[str, Any]:
    """The summary comes from the per-process cache; the kab/kota table page is read only
    when the template's fragment (keyed by the same stamp and the query) is not cached."""
    code = province.code if province else ""
    table = stats.TableFilter.from_query(request.GET, province=code)
    participations = stats.participations_for(request.user, province=table.province)
    rows = stats.kabkota_table(participations, table)
    page: Any = SimpleLazyObject(
        lambda: Paginator(rows, TABLE_PAGE).get_page(request.GET.get("halaman"))
    )
    query = request.GET.copy()
    query.pop("urut", None)
    query.pop("halaman", None)
    page_query = request.GET.copy()
    page_query.pop("halaman", None)
    stamp = summary_stamp(request.user, table.province)
    return {
        "province": province,
        "table": table,
        "page": page,
        "rows": SimpleLazyObject(lambda: page.object_list),
        "filter_query": query.urlencode(),
        "page_query": page_query.urlencode(),
        "export_query": page_query.urlencode(),
        "stamp": stamp,
        "area": table.province or "nasional",
        "cache_query": request.GET.urlencode(),
        **dashboard_summary(request.user, province=table.province, stamp=stamp),
    }


@login_required
@require_GET
def national(request: HttpRequest) -> HttpResponse:
    _require_national(request)
    return render(request, "programme/dashboard.html", _dashboard_context(request, None))


@login_required
@require_GET
def province(request: HttpRequest, code: str) -> HttpResponse:
    region = province_for_user(request.user, code, Permission.VIEW_PROGRAMME)
    return render(request, "programme/dashboard.html", _dashboard_context(request, region))


def _export(request: HttpRequest, fmt: str, province: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    if fmt == SUMMARY:
        return summary_workbook(name, summary_sheets(request.user, province=province))
    table = stats.TableFilter.from_query(request.GET, province=province)
    rows = table_rows(
        stats.kabkota_table(stats.participations_for(request.user, province=table.province), table)
    )
    return respond(fmt, name, HEADER, rows)


@login_required
@require_GET
def national_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _require_national(request)
    return _export(request, fmt, "", "peserta-ppsp-nasional")


@login_required
@require_GET
def province_export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    region = province_for_user(request.user, code, Permission.VIEW_PROGRAMME)
    return _export(request, fmt, region.code, f"peserta-ppsp-{region.code}")


CSRF_SLOT = "@@csrf-token@@"  # replaced per request in the cached kab/kota fragment


def _kabkota_body(region: Region, flags: dict[str, bool]) -> str:
    participation = (  # one query with what the page shows of it (phase, current stage)
        Participation.objects.select_related("phase", "current_stage").filter(region=region).first()
    )
    records = selectors.stage_timeline(region)
    sks = selectors.pokja_sks(region)
    for record in records:
        record.actions = [  # type: ignore[attr-defined]
            (action, ACTION_LABELS[action]) for action in actions_from(record.status)
        ]
    context = {
        "region": region,
        "participation": participation,
        "records": records,
        "sk": sks[0] if sks else None,
        "opd_check": selectors.pokja_opd_check(sks[0] if sks else None),
        "facilitators": selectors.facilitators_of(region),
        "pf": FacilitatorKind.PF,
        "csrf_token": CSRF_SLOT,
        **flags,
    }
    return render_to_string("programme/_kabkota_body.html", context)


@login_required
@require_GET
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    """The kab/kota's programme page. Its body is the same for every user with the same
    rights on it, so it is kept per data stamp (see ppsp.programme.summary) and rights in
    the per-process cache, with the user's CSRF token put into its forms per request."""
    region = kabkota_for_user(request.user, code, Permission.VIEW_PROGRAMME)
    user = request.user
    province_scope = scope_for(user, Permission.VIEW_PROGRAMME)
    flags = {
        "can_edit": selectors.can(user, Permission.EDIT_PROGRAMME, code),
        "can_edit_stages": selectors.can(user, Permission.EDIT_STAGES, code),
        "can_audit": selectors.can(user, Permission.VIEW_AUDIT, code),
        "can_see_province": bool(
            province_scope.national or region.province_code in province_scope.provinces
        ),
    }
    rights = "".join("1" if v else "0" for v in flags.values())
    key = f"programme-kabkota:{code}:{get_language()}:{rights}:{data_stamp(region_code=code)}"
    body = caches["local"].get(key)
    if body is None:
        body = _kabkota_body(region, flags)
        caches["local"].set(key, body, SUMMARY_SECONDS * 2)
    page = mark_safe(body.replace(CSRF_SLOT, get_token(request)))
    return render(request, "programme/kabkota.html", {"region": region, "body": page, **flags})
