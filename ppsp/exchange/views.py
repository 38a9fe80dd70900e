"""Ekspor data, impor sistem sektor and the public open-data page (thin views)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.core.upload_jobs import start_import
from ppsp.exchange import exports, import_jobs, opendata, selectors, services
from ppsp.exchange.forms import ExportForm, UploadForm
from ppsp.exchange.models import JobStatus
from ppsp.exchange.registry import TABLES
from ppsp.regions.models import Level, Region
from ppsp.regions.selectors import get_region_for_user

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        table, fmt = form.cleaned_data["table"], form.cleaned_data["fmt"]
        code = form.cleaned_data["region"].strip()
        if code:
            return redirect("exchange:download", code=code, table=table, fmt=fmt)
        if scope_for(request.user, TABLES[table].permission).national:
            job = services.export_job_start(table=table, fmt=fmt, region_code="", by=request.user)
            return redirect("exchange:job", pk=job.pk)
        form.add_error("region", _("Isi kode wilayah dalam lingkup Anda."))
    return render(
        request,
        "exchange/export.html",
        {
            "form": form,
            "jobs": selectors.jobs_for(request.user),
            "kabkotas": Region.objects.filter(
                scope_for(request.user, Permission.VIEW_REGION).region_q(), level=Level.KABKOTA
            ).order_by("code")[:100],
        },
    )


@login_required
def download(request: HttpRequest, code: str, table: str, fmt: str) -> HttpResponseBase:
    spec = TABLES.get(table)
    if spec is None or fmt not in exports.FORMATS:
        raise Http404
    scope = scope_for(request.user, spec.permission)
    if not scope.covers(code):
        raise Http404
    region = get_region_for_user(request.user, code)
    rows = spec.rows(scope, region)
    name = f"{table}-{code}.{fmt}"
    response: HttpResponseBase
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_lines(spec.output_headers(), rows), content_type="text/csv; charset=utf-8"
        )
    else:
        import io

        out = io.BytesIO()
        exports.write_xlsx(spec.output_headers(), rows, out)
        response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_job_for_user(request.user, pk)
    template = "exchange/_job.html" if request.headers.get("HX-Request") else "exchange/job.html"
    return render(request, template, {"job": item, "spec": TABLES.get(item.table)})


@login_required
def job_file(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_job_for_user(request.user, pk)
    path = exports.job_path(item)
    if item.status != JobStatus.DONE or not item.file or not path.is_file():
        raise Http404
    # read whole (a national extract is a few MB): the file handle never outlives the request
    response = HttpResponse(
        path.read_bytes(), content_type=XLSX if item.fmt == "xlsx" else "text/csv"
    )
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    return response


@login_required
def imports(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_REGION)
    can_edit = scope_for(request.user, Permission.EDIT_REGION_DATA).covers(code)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            upload = form.cleaned_data["file"]
            return start_import(
                request,
                handler=import_jobs.CHECK,
                filename=upload.name,
                content=upload.read(),
                region_code=region.code,
                params={"system": form.cleaned_data["system"]},
                return_url=reverse("exchange:imports", args=[region.code]),
                permission=Permission.EDIT_REGION_DATA,
                cancel_permission=Permission.EDIT_REGION_DATA,
                label=_("Periksa data sistem sektor: %(file)s") % {"file": upload.name},
            )
    context = {
        "region": region,
        "form": form,
        "can_edit": can_edit,
        "batches": selectors.batches_of(region.code),
    }
    return render(request, "exchange/imports.html", context)


@login_required
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_batch_for_user(request.user, pk)
    figures, count = import_jobs.preview(item) if item.status == "draft" else ([], 0)
    can_edit = scope_for(request.user, Permission.EDIT_REGION_DATA).covers(item.region.code)
    context = {
        "batch": item,
        "preview": _with_codes(figures),
        "figures": count,
        "can_edit": can_edit,
    }
    return render(request, "exchange/batch.html", context)


def _with_codes(figures: list[Any]) -> list[tuple[str, Any]]:
    codes = dict(
        Region.objects.filter(pk__in={f.region_id for f in figures}).values_list("pk", "code")
    )
    return [(codes.get(f.region_id, ""), f) for f in figures]


@login_required
@require_POST
def batch_commit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_batch_for_user(request.user, pk, write=True)
    return start_import(
        request,
        handler=import_jobs.COMMIT,
        filename=item.filename,
        content=b"",
        region_code=item.region.code,
        params={"batch": item.pk},
        return_url=reverse("exchange:batch", args=[item.pk]),
        permission=Permission.EDIT_REGION_DATA,
        cancel_permission=Permission.EDIT_REGION_DATA,
        label=_("Impor data sistem sektor: %(file)s") % {"file": item.filename},
    )


def open_data(request: HttpRequest) -> HttpResponse:
    rows = list(opendata.published_rows())
    return render(
        request,
        "exchange/open_data.html",
        {"headers": opendata.HEADERS, "rows": rows[:100], "count": len(rows)},
    )


def open_data_csv(request: HttpRequest) -> HttpResponseBase:
    response = StreamingHttpResponse(
        exports.csv_lines(opendata.HEADERS, opendata.published_rows()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="ssk-disahkan.csv"'
    return response


def open_data_package(request: HttpRequest) -> HttpResponse:
    url = request.build_absolute_uri(reverse("exchange:open_data_csv"))
    return HttpResponse(
        json.dumps(opendata.datapackage(url), ensure_ascii=False, indent=2),
        content_type="application/json",
    )
