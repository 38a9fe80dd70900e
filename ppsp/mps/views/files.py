"""Lampiran 4 workbook (export, import with preview) and the annual MPS table."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.models import UploadedImport
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.upload_jobs import preview_of, start_import
from ppsp.mps import freeze as mps_freeze
from ppsp.mps import import_jobs, selectors, workflow
from ppsp.mps.codes import Source
from ppsp.mps.exports import export_workbook
from ppsp.mps.forms import UploadForm
from ppsp.mps.models import Party
from ppsp.mps.services import funding as services_funding
from ppsp.mps.workbook import XLSX_TYPE


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    content = export_workbook(plan, list(selectors.plan_rows(plan)))
    return _download(content, f"lampiran4-{plan.region.code}-{plan.first_year}.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload (checked for size and kind here, read by a background job), then the preview
    of the job's result (``?unggahan=``)."""
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    back = reverse("mps:import", kwargs={"pk": plan.pk})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        return start_import(
            request,
            handler=import_jobs.CHECK,
            filename=upload.name,
            content=upload.read(),
            region_code=plan.region.code,
            params={"plan": plan.pk},
            return_url=back,
            permission=Permission.EDIT_MPS,
            cancel_permission=Permission.EDIT_MPS,
            label=_("Periksa Lampiran 4: %(file)s") % {"file": upload.name},
        )
    context: dict[str, Any] = {"plan": plan, "form": form}
    checked = (
        preview_of(request, import_jobs.CHECK, plan=plan.pk)
        if request.GET.get("unggahan")
        else None
    )
    if checked is not None:
        context.update(filename=checked.filename, upload=checked, **import_jobs.preview(checked))
    return render(request, "mps/import.html", context)


@login_required
@require_POST
def import_commit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    checked = preview_of(request, import_jobs.CHECK, plan=plan.pk)
    problems = import_jobs.preview(checked)["errors"] if checked is not None else []
    if problems:
        for problem in problems:
            messages.error(request, str(problem))
        messages.error(
            request, _("Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi.")
        )
        return redirect("mps:import", pk=plan.pk)
    if checked is None or not checked.content:
        messages.error(request, _("Tidak ada berkas yang menunggu disimpan; unggah lagi."))
        return redirect("mps:import", pk=plan.pk)
    content = bytes(checked.content)
    UploadedImport.objects.filter(pk=checked.pk).update(content=b"")
    return start_import(
        request,
        handler=import_jobs.COMMIT,
        filename=checked.filename,
        content=content,
        region_code=plan.region.code,
        params={"plan": plan.pk},
        return_url=reverse("mps:import", kwargs={"pk": plan.pk}),
        permission=Permission.EDIT_MPS,
        cancel_permission=Permission.EDIT_MPS,
        label=_("Simpan Lampiran 4: %(file)s") % {"file": checked.filename},
    )


def _year(plan: Any, year: int) -> int:
    if year not in plan.years:
        raise Http404
    return year


@login_required
def mps_table(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    lines, per_source = selectors.mps_table(plan, _year(plan, year))
    signed = {s.party: s for s in plan.sign_offs.filter(year=year).select_related("signed_by")}
    parties = [p for p in Party.values if p in (Party.PEMDA, Party.POKJA_PROVINSI)]
    context = {
        "plan": plan,
        "year": year,
        "sign_offs": [(Party(p).label, signed.get(p)) for p in Party.values if p in signed],
        "can_sign": [
            (p, Party(p).label)
            for p in parties
            if p not in signed
            and has_permission(request.user, workflow.permission_for_party(p), plan.region.code)
        ],
        "lines": lines,
        "per_source": [(Source(s).label, a) for s, a in sorted(per_source.items())],
        "total": sum(per_source.values()),
        "snapshot": mps_freeze.signed_years(plan.pk).get(year),
    }
    return render(request, "mps/mps_table.html", context)


@login_required
@require_POST
def mps_sign(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    try:
        services_funding.mps_sign_off(
            plan=plan, year=_year(plan, year), by=request.user, party=request.POST.get("party", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("MPS disetujui."))
    return redirect("mps:table", pk=plan.pk, year=year)


@login_required
def mps_table_export(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    from ppsp.mps.exports import mps_table_workbook

    plan = selectors.get_plan_for_user(request.user, pk)
    snap = mps_freeze.signed_years(plan.pk).get(_year(plan, year))
    if snap is not None:  # a signed year: the memorandum as signed, never today's rows
        lines, per_source = mps_freeze.snapshot_lines(snap)
    else:
        lines, per_source = selectors.mps_table(plan, year)
    content = mps_table_workbook(plan, year, lines, per_source)
    return _download(content, f"mps-{plan.region.code}-{year}.xlsx")


@login_required
def commitment_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """The evidence file of a commitment, to whoever may see the kab/kota's Lampiran 4
    (at most 10 MB, read whole so that no file handle outlives the request)."""
    commitment = selectors.get_commitment_for_user(request.user, pk)
    if not commitment.evidence_file:
        raise Http404
    with commitment.evidence_file.open("rb") as handle:
        content = handle.read()
    name = commitment.evidence_file.name.rsplit("/", 1)[-1]
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
