"""Sampling frame page: upload K1–K4 per desa, draw the sample, print the frame."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.compute.sampling import desa_count
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.ehra import selectors
from ppsp.ehra.forms import SamplingForm, SubmissionsForm
from ppsp.ehra.models import FrameDesa, SamplingFrame
from ppsp.ehra.sampling_frame import frame_create, parse_frame
from ppsp.regions.models import Level, Region


@login_required
def sampling(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    frame = SamplingFrame.objects.filter(survey=survey).select_related("created_by").first()
    rows = (
        FrameDesa.objects.filter(frame=frame).select_related("desa", "desa__parent")
        if frame
        else FrameDesa.objects.none()
    )
    can_run = has_permission(request.user, Permission.RUN_EHRA, survey.region.code)
    context = {
        "survey": survey,
        "frame": frame,
        "rows": rows,
        "minimum_desa": desa_count(frame.sample_size, per_desa=frame.per_desa) if frame else 0,
        "form": SamplingForm() if can_run else None,
        "upload": SubmissionsForm() if can_run else None,
    }
    return render(request, "ehra/sampling.html", context)


@login_required
@require_POST
def sampling_run(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    form = SamplingForm(request.POST)
    upload = request.FILES.get("file")
    if not form.is_valid() or upload is None:
        messages.error(request, _("Isi jumlah desa dan pilih berkas K1–K4."))
        return redirect("ehra:sampling", pk=pk)
    codes = set(
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA).values_list(
            "code", flat=True
        )
    )
    rows, errors = parse_frame(upload.name or "", upload.read(), desa_codes=codes)
    if errors or not rows:
        for message in [str(e) for e in errors] or [_("Berkas tidak berisi baris desa.")]:
            messages.error(request, message)
        return redirect("ehra:sampling", pk=pk)
    frame_create(
        survey=survey,
        rows=rows,
        target_desa=form.cleaned_data["target_desa"],
        seed=form.cleaned_data["seed"],
        by=request.user,
    )
    messages.success(request, _("Kerangka sampel dibuat."))
    return redirect("ehra:sampling", pk=pk)
