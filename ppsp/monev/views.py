"""Monev pages: the kab/kota realisation grid and review, province and national dashboards
and the ranking. Thin: forms validate, services write, selectors/aggregates read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ppsp.compute import monev as formulas
from ppsp.core.access import kabkota_for_user, province_for_user, require_national
from ppsp.core.models import PENDING, BackgroundJob
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.core.upload_jobs import start_import
from ppsp.core.uploads import upload_errors
from ppsp.monev import freeze as monev_freeze
from ppsp.monev import import_jobs, selectors, services
from ppsp.monev.forms import (
    ImportForm,
    IndicatorValueForm,
    ReviewForm,
    RowValueForm,
    indicator_initial,
    row_initial,
)
from ppsp.monev.importer import HEADER
from ppsp.monev.models import Aggregate, DataSource, KabkotaScore, Report, ReportStatus
from ppsp.monev.services import RECOMPUTE_KIND
from ppsp.mps.codes import Source, Subsector
from ppsp.mps.models import Plan  # monev reads the MPS plans it monitors
from ppsp.regions.models import Region

RANKING_PAGE = 100


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, Permission.VIEW_MONEV)
    # open on the latest year with data in scope, not on an empty current year: dashboards
    # show approved reports, the kab/kota grids any report (a draft is still being filled)
    reports = Report.objects.filter(scope.region_q("region__")) if not scope.empty else None
    latest = reports.aggregate(latest=Max("year"))["latest"] if reports is not None else None
    approved = (
        reports.filter(status=ReportStatus.APPROVED).aggregate(latest=Max("year"))["latest"]
        if reports is not None
        else None
    )
    this_year = timezone.now().year
    context = {
        "year": approved or latest or this_year,
        "kabkota_year": latest or this_year,
        "national": scope_for(request.user, Permission.VIEW_NATIONAL_DASHBOARD).national,
        "provinces": Region.objects.filter(code__in=sorted(scope.provinces)),
        "kabkotas": Region.objects.filter(code__in=sorted(scope.kabkotas)),
    }
    return render(request, "monev/index.html", context)


def _grid_forms(data: Any, monev: selectors.KabkotaMonev) -> tuple[list[Any], list[Any]]:
    row_forms = [
        RowValueForm(data=data, prefix=f"r{line.row.pk}", initial=row_initial(line.value))
        for line in monev.rows
    ]
    indicator_forms = [
        IndicatorValueForm(
            data=data, prefix=f"i{line.node.pk}", initial=indicator_initial(line.value)
        )
        for line in monev.indicators
    ]
    return row_forms, indicator_forms


def _kabkota_context(
    request: HttpRequest,
    region: Region,
    year: int,
    data: Any = None,
    monev: selectors.KabkotaMonev | None = None,
) -> dict[str, Any]:
    monev = monev or selectors.kabkota_monev(region, year)
    report = monev.report
    can_edit = scope_for(request.user, Permission.EDIT_MONEV).covers(region.code)
    can_review = scope_for(request.user, Permission.REVIEW_MONEV).covers(region.code)
    editable = can_edit and (report is None or not report.locked)
    row_forms, indicator_forms = _grid_forms(data, monev) if editable else ([], [])
    return {
        "region": region,
        "year": year,
        "years": [year - 1, year, year + 1],
        "monev": monev,
        "report": report,
        "editable": editable,
        "can_edit": can_edit,
        "can_review": can_review,
        "row_lines": list(zip(monev.rows, row_forms or [None] * len(monev.rows), strict=True)),
        "indicator_lines": list(
            zip(monev.indicators, indicator_forms or [None] * len(monev.indicators), strict=True)
        ),
        "review_form": ReviewForm(),
        "import_form": ImportForm(),
        "import_header": ", ".join(HEADER),
        "chart": selectors.trend(region),
        "snapshot": monev_freeze.snapshot_of(report) if report is not None else None,
    }


@login_required
@require_GET
def kabkota(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_MONEV)
    return render(request, "monev/kabkota.html", _kabkota_context(request, region, year))


@login_required
def kabkota_latest(request: HttpRequest, code: str) -> HttpResponse:
    """Open a kab/kota's monev on a year that has something to show: the latest report, else
    the first year of its latest MPS plan, else the current year (never an empty 2025 while
    the plan runs 2027–2031)."""
    region = kabkota_for_user(request.user, code, Permission.VIEW_MONEV)
    year = Report.objects.filter(region=region).aggregate(latest=Max("year"))["latest"]
    if year is None:
        plan = Plan.objects.filter(region=region).order_by("-first_year").first()
        year = plan.first_year if plan else timezone.now().year
    return redirect("monev:kabkota", code=region.code, year=year)


def _with_offer(post: QueryDict, monev: selectors.KabkotaMonev) -> tuple[Any, dict[str, str]]:
    """'Pakai nilai ini': put the value derived from sector figures into the posted grid.

    The value is recomputed here (never taken from the browser); returns the grid data and
    the source note ("STBM 2024") of the accepted line by form prefix.
    """
    choice = post.get("pakai", "")
    for line in monev.indicators:
        if choice == f"i{line.node.pk}" and line.offered is not None:
            data = post.copy()
            data[f"{choice}-value"] = str(line.offered.value)
            data[f"{choice}-source"] = DataSource.SEKTOR
            data[f"{choice}-na_code"] = data[f"{choice}-na_reason"] = ""
            return data, {choice: line.offered.note}
    for row in monev.rows:
        if choice == f"r{row.row.pk}" and row.offered is not None:
            data = post.copy()
            data[f"{choice}-budget"] = str(int(row.offered.value))
            return data, {choice: row.offered.note}
    return post, {}


@login_required
@require_POST
def save(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_MONEV)
    monev = selectors.kabkota_monev(region, year)
    data, notes = _with_offer(request.POST, monev)
    context = _kabkota_context(request, region, year, data=data, monev=monev)
    rows: dict[int, Any] = {}
    indicators: dict[int, Any] = {}
    valid = True
    for line, form in context["row_lines"]:
        if form is None or form.is_blank():
            continue
        valid &= form.is_valid()
        if form.is_valid():
            rows[line.row.pk] = form.cleaned_data | _note(notes, form.prefix)
    for line, form in context["indicator_lines"]:
        if form is None or form.is_blank():
            continue
        valid &= form.is_valid()
        if form.is_valid():
            indicators[line.node.pk] = form.cleaned_data | _note(notes, form.prefix)
    if not valid:  # checked before anything is written: no empty draft report is left
        messages.error(request, _("Periksa isian yang ditandai; belum ada yang disimpan."))
        return render(request, "monev/kabkota.html", context, status=400)
    try:
        result = services.realisation_record(
            region=region, year=year, rows=rows, indicators=indicators, by=request.user
        )
    except PermissionDenied as error:
        messages.error(request, str(error) or _("Periode terkunci."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Tersimpan: %(c)s isian baru, %(u)s diubah.")
            % {"c": result.created, "u": result.updated},
        )
    return redirect("monev:kabkota", code=region.code, year=year)


def _note(notes: dict[str, str], prefix: str | None) -> dict[str, str]:
    return {"source_note": notes[prefix]} if prefix in notes else {}


@login_required
@require_POST
def import_file(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_MONEV)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        return start_import(
            request,
            handler=import_jobs.HANDLER,
            filename=upload.name,
            content=upload.read(),
            region_code=region.code,
            params={"year": year},
            return_url=reverse("monev:kabkota", kwargs={"code": region.code, "year": year}),
            permission=Permission.EDIT_MONEV,
            cancel_permission=Permission.EDIT_MONEV,
            label=_("Impor realisasi monev %(year)s: %(file)s")
            % {"year": year, "file": upload.name},
        )
    else:
        messages.error(request, _("Impor dibatalkan, tidak ada data yang disimpan."))
        for problem in upload_errors(form, _("Pilih berkas .xlsx atau .csv.")):
            messages.error(request, problem)
    return redirect("monev:kabkota", code=region.code, year=year)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for_user(request.user, pk, permission=Permission.EDIT_MONEV)
    try:
        services.report_submit(report=report, by=request.user)
        messages.success(request, _("Laporan diajukan untuk ditinjau."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("monev:kabkota", code=report.region.code, year=report.year)


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for_user(request.user, pk, permission=Permission.REVIEW_MONEV)
    form = ReviewForm(request.POST)
    comment = form.data.get("comment", "")
    try:
        if request.POST.get("action") == "approve":
            services.report_approve(report=report, by=request.user, comment=comment)
            messages.success(request, _("Laporan disetujui; periode terkunci."))
        else:
            services.report_return(report=report, by=request.user, comment=comment)
            messages.success(request, _("Laporan dikembalikan ke Pokja dengan catatan."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("monev:kabkota", code=report.region.code, year=report.year)


def _stamp(computed_at: Any) -> str:
    """Cache key part of national/provincial fragments; '' (no caching) before a refresh."""
    return computed_at.isoformat() if computed_at is not None else ""


def _pending_recompute(year: int) -> BackgroundJob | None:
    """The national recompute of `year` that is queued or running (shown live on the
    national dashboard, whose figures it will replace in place when done)."""
    pending = BackgroundJob.objects.filter(kind=RECOMPUTE_KIND, state__in=PENDING).order_by("-pk")
    return next((job for job in pending[:20] if job.args[:1] == [year]), None)


def _dashboard(request: HttpRequest, year: int, province: Region | None) -> HttpResponse:
    area = province.code if province else ""
    aggregate = Aggregate.objects.filter(area_code=area, year=year).first()
    # the heavy part of the page is a cached fragment keyed by the "last computed" stamp
    # (scores and aggregates change only in the refresh task, in one transaction)
    scores = KabkotaScore.objects.filter(year=year).select_related("region")
    if province:
        scores = scores.filter(region__province_code=province.code).order_by("rank_province")
    data = aggregate.data if aggregate else {}
    sources = dict(Source.choices)
    subsectors = dict(Subsector.choices)
    context = {
        "recompute": None if province else _pending_recompute(year),
        "province": province,
        "area": area or "nasional",
        "stamp": _stamp(aggregate.computed_at if aggregate else None),
        "year": year,
        "years": [year - 1, year, year + 1],
        "aggregate": aggregate,
        "data": data,
        "by_source": [(sources.get(k, k), v) for k, v in data.get("by_source", {}).items()],
        "access": [(subsectors.get(k, k), v) for k, v in data.get("access", {}).items()],
        "scores": scores[:25] if not province else scores,
        "weights": formulas.DEFAULT_WEIGHTS,
        "chart": {
            "labels": [str(subsectors.get(k, k)) for k in data.get("access", {})],
            "values": list(data.get("access", {}).values()),
        },
    }
    return render(request, "monev/dashboard.html", context)


@login_required
@require_GET
def province(request: HttpRequest, code: str, year: int) -> HttpResponse:
    return _dashboard(request, year, province_for_user(request.user, code, Permission.VIEW_MONEV))


@login_required
@require_GET
def national(request: HttpRequest, year: int) -> HttpResponse:
    require_national(request.user, Permission.VIEW_NATIONAL_DASHBOARD)
    return _dashboard(request, year, None)


@login_required
@require_GET
def ranking(request: HttpRequest, year: int) -> HttpResponse:
    require_national(request.user, Permission.VIEW_NATIONAL_DASHBOARD)
    scores = KabkotaScore.objects.filter(year=year).select_related("region")
    computed = (
        Aggregate.objects.filter(area_code="", year=year)
        .values_list("computed_at", flat=True)
        .first()
    )
    paginator = Paginator(scores, RANKING_PAGE)
    if computed is not None:  # scores change only with the stamp: count them once per process
        key = f"monev-ranking-count:{year}:{_stamp(computed)}"
        paginator.__dict__["count"] = caches["local"].get_or_set(key, scores.count, 86400)
    page = paginator.get_page(request.GET.get("halaman"))
    context = {
        "year": year,
        "scores": page.object_list,
        "page": page,
        "computed_at": computed,
        "stamp": _stamp(computed),
    }
    return render(request, "monev/ranking.html", context | {"weights": formulas.DEFAULT_WEIGHTS})
