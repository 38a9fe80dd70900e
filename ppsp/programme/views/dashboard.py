from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ppsp.audit.models import AuditEvent
from ppsp.core.access import province_for_user, require, require_national
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme import selectors, stats
from ppsp.programme.exports import HEADER, respond, summary_workbook, table_rows
from ppsp.programme.models import FacilitatorKind, Participation
from ppsp.programme.overview import SUMMARY, summary_sheets
from ppsp.programme.page_cache import CSRF_SLOT, cached_page
from ppsp.programme.summary import (
    SUMMARY_SECONDS,
    dashboard_summary,
    data_stamp,
    summary_stamp,
)
from ppsp.programme.transitions import ACTION_LABELS, actions_from
from ppsp.regions.models import Level, Region

FORMATS = ("csv", "xlsx", SUMMARY)
# the id of the latest audit row filed under the region (its kab/kota page's data stamp)
_LAST_AUDIT = Subquery(
    AuditEvent.objects.filter(region_code=OuterRef("code")).order_by("-id").values("id")[:1]
)


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


def _dashboard(request: HttpRequest, province: Region | None) -> HttpResponse:
    """The whole page is shared (ppsp.programme.page_cache) by the users whose scope covers
    the area, per data stamp; anyone else gets it rendered for their scope."""
    stamp = summary_stamp(request.user, province.code if province else "")
    if not stamp:
        return render(request, "programme/dashboard.html", _dashboard_context(request, province))
    key = f"dashboard:{province.code if province else 'nasional'}:{stamp}"
    return cached_page(
        request, key, "programme/dashboard.html", lambda: _dashboard_context(request, province)
    )


@login_required
@require_GET
def national(request: HttpRequest) -> HttpResponse:
    _require_national(request)
    return _dashboard(request, None)


@login_required
@require_GET
def province(request: HttpRequest, code: str) -> HttpResponse:
    return _dashboard(request, province_for_user(request.user, code, Permission.VIEW_PROGRAMME))


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
    the per-process cache, with the user's CSRF token put into its forms per request; the
    whole page around it is shared the same way (ppsp.programme.page_cache). The region and
    its stamp's latest audit row come in one query."""
    require(request.user, Permission.VIEW_PROGRAMME, code)
    region = get_object_or_404(
        Region.objects.select_related("parent").annotate(last_audit=_LAST_AUDIT),
        code=code,
        level=Level.KABKOTA,
    )
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
    last_audit = region.last_audit or 0  # type: ignore[attr-defined]
    stamp = data_stamp(region_code=code, last_audit=last_audit)
    key = f"programme-kabkota:{code}:{get_language()}:{rights}:{stamp}"

    def context() -> dict[str, Any]:
        body = caches["local"].get(key)
        if body is None:
            body = _kabkota_body(region, flags)
            caches["local"].set(key, body, SUMMARY_SECONDS * 2)
        return {"region": region, "body": mark_safe(body), **flags}

    return cached_page(
        request, f"kabkota:{code}:{rights}:{stamp}", "programme/kabkota.html", context
    )
