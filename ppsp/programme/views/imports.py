"""Participant list import: upload -> preview (nothing saved) -> commit (all or nothing)."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.access import require_national
from ppsp.core.permissions import Permission
from ppsp.programme import services
from ppsp.programme.forms import ImportForm
from ppsp.programme.models import Stage
from ppsp.programme.participants_file import (
    ParticipantRow,
    RowError,
    parse_participants,
    stage_lookup,
)
from ppsp.regions.models import Level, Region

SESSION_KEY = "programme_import"


def _require(request: HttpRequest) -> None:
    require_national(request.user, Permission.MANAGE_PROGRAMME)


def parse(filename: str, content: bytes) -> tuple[list[ParticipantRow], list[RowError]]:
    codes = set(Region.objects.filter(level=Level.KABKOTA).values_list("code", flat=True))
    stages = stage_lookup(list(Stage.objects.values_list("number", "code", "name")))
    return parse_participants(filename, content, kabkota_codes=codes, stages=stages)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        rows, errors = parse(upload.name, content)
        request.session[SESSION_KEY] = {
            "filename": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
        }
        names = dict(
            Region.objects.filter(code__in=[r.code for r in rows]).values_list("code", "name")
        )
        stage_names = dict(Stage.objects.values_list("number", "name"))
        context.update(
            filename=upload.name,
            rows=[(r, names.get(r.code, ""), stage_names.get(r.stage_number, "")) for r in rows],
            errors=errors,
        )
    return render(request, "programme/import.html", context)


@require_POST
@login_required
def import_commit(request: HttpRequest) -> HttpResponse:
    _require(request)
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, _("Tidak ada berkas yang menunggu disimpan; unggah lagi."))
        return redirect("programme:import")
    filename = stored["filename"]
    rows, errors = parse(filename, base64.b64decode(stored["content"]))
    if errors:
        for error in errors:
            messages.error(request, str(error))
        messages.error(
            request, _("Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi.")
        )
        return redirect("programme:import")
    counts = services.participants_import(rows=rows, filename=filename, by=request.user)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "Impor %(file)s selesai: %(created)d baru, %(updated)d diubah, %(unchanged)d tetap, "
            "%(records)d catatan tahapan baru."
        )
        % {
            "file": filename,
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "records": counts["stage_records"],
        },
    )
    return redirect("programme:national")
