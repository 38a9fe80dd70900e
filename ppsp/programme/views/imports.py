"""Participant list import: upload -> preview (nothing saved) -> commit (all or nothing).

The view checks the upload's size and kind only; background jobs read the file
(``ppsp.programme.import_jobs``, through ``ppsp.core.upload_jobs``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.access import require_national
from ppsp.core.models import UploadedImport
from ppsp.core.permissions import Permission
from ppsp.core.upload_jobs import preview_of, start_import
from ppsp.programme import import_jobs
from ppsp.programme.forms import ImportForm
from ppsp.programme.models import Stage
from ppsp.regions.models import Region


def _require(request: HttpRequest) -> None:
    require_national(request.user, Permission.MANAGE_PROGRAMME)


def _enqueue(
    request: HttpRequest, handler: str, name: str, content: bytes, label: str
) -> HttpResponse:
    return start_import(
        request,
        handler=handler,
        filename=name,
        content=content,
        region_code="",
        return_url=reverse("programme:import"),
        permission=Permission.MANAGE_PROGRAMME,
        cancel_permission=Permission.MANAGE_PROGRAMME,
        label=label,
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        label = _("Periksa daftar peserta: %(file)s") % {"file": upload.name}
        return _enqueue(request, import_jobs.CHECK, upload.name, upload.read(), label)
    context: dict[str, object] = {"form": form}
    checked = preview_of(request, import_jobs.CHECK) if request.GET.get("unggahan") else None
    if checked is not None:
        shown = import_jobs.preview(checked)
        rows = shown["rows"]
        names = dict(
            Region.objects.filter(code__in=[r.code for r in rows]).values_list("code", "name")
        )
        stage_names = dict(Stage.objects.values_list("number", "name"))
        context.update(
            filename=checked.filename,
            upload=checked,
            rows=[(r, names.get(r.code, ""), stage_names.get(r.stage_number, "")) for r in rows],
            errors=shown["errors"],
        )
    return render(request, "programme/import.html", context)


@require_POST
@login_required
def import_commit(request: HttpRequest) -> HttpResponse:
    _require(request)
    checked = preview_of(request, import_jobs.CHECK)
    problems = import_jobs.preview(checked)["errors"] if checked is not None else []
    if problems:
        for problem in problems:
            messages.error(request, str(problem))
        messages.error(
            request, _("Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi.")
        )
        return redirect("programme:import")
    if checked is None or not checked.content:
        messages.error(request, _("Tidak ada berkas yang menunggu disimpan; unggah lagi."))
        return redirect("programme:import")
    content = bytes(checked.content)
    UploadedImport.objects.filter(pk=checked.pk).update(content=b"")
    label = _("Simpan daftar peserta: %(file)s") % {"file": checked.filename}
    return _enqueue(request, import_jobs.COMMIT, checked.filename, content, label)
