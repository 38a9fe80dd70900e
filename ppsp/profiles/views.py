"""Form 2 grid (htmx inline row edit, XLSX import/export) and the kemajuan page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.scope import has_permission
from ppsp.core.upload_jobs import start_import
from ppsp.core.uploads import upload_errors
from ppsp.profiles import import_jobs, selectors, services
from ppsp.profiles.columns import COLUMNS, EDITABLE, parse_cell
from ppsp.profiles.exports import form2_xlsx, kemajuan_xlsx
from ppsp.profiles.figures import sanitasi_access
from ppsp.profiles.forms import ImportForm, LegacyForm, TargetForm
from ppsp.profiles.kemajuan import SOURCES, STATUS_LABELS, current_values, kemajuan_rows
from ppsp.profiles.plausibility import warnings_by_desa
from ppsp.regions.models import Population

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GRID_COLUMNS = [c for c in COLUMNS if c.key not in {"kecamatan", "desa", "code"}]


def _year(request: HttpRequest, code: str) -> int:
    raw = request.GET.get("tahun", "")
    if raw.isdigit() and 1990 <= int(raw) <= 2100:
        return int(raw)
    years = selectors.profile_years(code)
    if years:
        return years[0]
    latest = (
        Population.objects.filter(region__kabkota_code=code)
        .order_by("-year")
        .values("year")
        .first()
    )
    return int(latest["year"]) if latest else dt.date.today().year


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.VIEW)
    year = _year(request, code)
    profiles = selectors.profiles_of(selectors.desa_of(code), year)
    years = sorted(set(selectors.profile_years(code)) | {year}, reverse=True)
    context = {
        "plausibility": warnings_by_desa(profiles),
        "region": region,
        "year": year,
        "years": years,
        "profiles": profiles,
        "columns": GRID_COLUMNS,
        "can_edit": has_permission(request.user, selectors.EDIT, code),
        "import_form": ImportForm(),
    }
    return render(request, "profiles/kabkota.html", context)


def _cells(profile: selectors.Profile) -> list[tuple[Any, Any]]:
    return [(c, profile.value(c.key)) for c in GRID_COLUMNS]


@login_required
def row(request: HttpRequest, code: str, year: int, desa: str) -> HttpResponse:
    """One grid row: display (GET), edit form (GET ?ubah=1), save (POST); htmx fragments."""
    editing = request.method == "POST" or request.GET.get("ubah") == "1"
    permission = selectors.EDIT if editing else selectors.VIEW
    region = selectors.get_desa_for_user(request.user, desa, permission)
    if region.kabkota_code != code:
        raise Http404
    errors: dict[str, str] = {}
    raw: dict[str, str] = {}
    if request.method == "POST":
        values: dict[str, Any] = {}
        for column in EDITABLE:
            raw[column.key] = request.POST.get(column.key, "")
            try:
                values[column.key] = parse_cell(column, raw[column.key])
            except ValueError as error:
                errors[column.key] = str(error)
        if not errors:
            try:
                services.profile_save(desa=region, year=year, values=values, by=request.user)
            except ValidationError as error:
                errors = {k: " ".join(v) for k, v in error.message_dict.items()}
        editing = bool(errors)
    profile = selectors.profiles_of([region], year)[0]
    context = {
        "warnings": warnings_by_desa([profile]).get(profile.code, []),
        "p": profile,
        "year": year,
        "code": code,
        "cells": _cells(profile),
        "editing": editing,
        "errors": errors,
        "raw": raw,
        "can_edit": has_permission(request.user, selectors.EDIT, code),
    }
    return render(request, "profiles/_row.html", context)


@login_required
def export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.VIEW)
    profiles = selectors.profiles_of(selectors.desa_of(code), year)
    content = form2_xlsx(profiles, f"Form 2 {region.display_name} {year}")
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="form2_{code}_{year}.xlsx"'
    return response


@login_required
@require_POST
def import_upload(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.EDIT)
    form = ImportForm(request.POST, request.FILES)
    back = f"{reverse('profiles:kabkota', args=[code])}?tahun={year}"
    if form.is_valid():
        upload = form.cleaned_data["file"]
        return start_import(
            request,
            handler=import_jobs.HANDLER,
            filename=upload.name,
            content=upload.read(),
            region_code=region.code,
            params={"year": year},
            return_url=back,
            permission=selectors.EDIT,
            cancel_permission=selectors.EDIT,
            label=_("Impor Form 2 %(year)s: %(file)s") % {"year": year, "file": upload.name},
        )
    messages.error(request, _("Impor dibatalkan, tidak ada data yang disimpan."))
    for problem in upload_errors(form, _("Pilih berkas .xlsx atau .csv.")):
        messages.error(request, problem)
    return redirect(back)


@login_required
def kemajuan(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.VIEW_KEMAJUAN)
    documents = selectors.legacy_documents(region)
    current = current_values(region)
    context = {
        "region": region,
        "documents": documents,
        "rows": kemajuan_rows(documents, current),
        "current": current,
        "access": sanitasi_access([region.pk])[region.pk],
        "sources": SOURCES,
        "status_labels": STATUS_LABELS,
        "can_edit": has_permission(request.user, selectors.EDIT_KEMAJUAN, code),
        "legacy_form": LegacyForm(),
        "target_form": TargetForm(),
    }
    return render(request, "profiles/kemajuan.html", context)


@login_required
def kemajuan_export(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.VIEW_KEMAJUAN)
    documents = selectors.legacy_documents(region)
    rows = kemajuan_rows(documents, current_values(region))
    response = HttpResponse(
        kemajuan_xlsx(rows, f"Kemajuan {region.display_name}"), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="kemajuan_{code}.xlsx"'
    return response


@login_required
@require_POST
def legacy_upload(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, selectors.EDIT_KEMAJUAN)
    form = LegacyForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.legacy_upload(
                region=region,
                kind=data["kind"],
                title=data["title"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                filename=data["file"].name,
                content=data["file"].read(),
                by=request.user,
            )
            messages.success(request, _("Dokumen disimpan."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    else:
        for field_errors in form.errors.values():
            for problem in field_errors:
                messages.error(request, str(problem))
    return redirect("profiles:kemajuan", code=code)


@login_required
def legacy_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_legacy_for_user(request.user, pk)
    kind = (
        "application/pdf"
        if document.filename.lower().endswith(".pdf")
        else "application/octet-stream"
    )
    response = HttpResponse(bytes(document.content), content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response


def _target_errors(request: HttpRequest, form: TargetForm) -> None:
    for field_errors in form.errors.values():
        for problem in field_errors:
            messages.error(request, str(problem))


@login_required
@require_POST
def target_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_legacy_for_user(request.user, pk, selectors.EDIT_KEMAJUAN)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            services.target_save(document=document, values=form.cleaned_data, by=request.user)
            messages.success(request, _("Indikator disimpan."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    else:
        _target_errors(request, form)
    return redirect("profiles:kemajuan", code=document.region.code)


@login_required
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.get_target_for_user(request.user, pk)
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_save(
                document=target.document, values=form.cleaned_data, by=request.user, target=target
            )
            messages.success(request, _("Indikator disimpan."))
            return redirect("profiles:kemajuan", code=target.document.region.code)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    return render(request, "profiles/target_edit.html", {"form": form, "target": target})


@login_required
@require_POST
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.get_target_for_user(request.user, pk)
    code = target.document.region.code
    services.target_delete(target=target, by=request.user)
    messages.success(request, _("Indikator dihapus."))
    return redirect("profiles:kemajuan", code=code)
