"""Sampling frame page: upload K1–K4 per desa, draw the sample, RT lists, print the frame."""

from __future__ import annotations

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.xlsx import finish_table
from ppsp.ehra import selectors
from ppsp.ehra.config import config_for_round
from ppsp.ehra.figures import sample_figures
from ppsp.ehra.forms import SamplingForm, SubmissionsForm
from ppsp.ehra.models import FrameDesa, SamplingFrame, SurveyRound
from ppsp.ehra.sampling_frame import METHODS, frame_create, frame_rt_set, parse_frame
from ppsp.ehra.sampling_rt import FIELD_RULE
from ppsp.regions.models import Level, Region


def _frame_rows(survey: SurveyRound) -> tuple[SamplingFrame | None, list[FrameDesa]]:
    frame = SamplingFrame.objects.filter(survey=survey).select_related("created_by").first()
    if frame is None:
        return None, []
    rows = FrameDesa.objects.filter(frame=frame).select_related("desa", "desa__parent")
    return frame, list(rows)


@login_required
def sampling(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    frame, rows = _frame_rows(survey)
    can_run = has_permission(request.user, Permission.RUN_EHRA, survey.region.code)
    config = config_for_round(survey)
    initial = {
        "density_rule": config.density_rule,
        "density_value": config.density_value,
        "poverty_rule": config.poverty_rule,
        "poverty_value": config.poverty_value,
    }
    selected = [r for r in rows if r.selected]
    context = {
        "survey": survey,
        "frame": frame,
        "rows": rows,
        "selected": selected,
        "method": METHODS.get(frame.sample_method, "") if frame else "",
        "field_rule": _(FIELD_RULE),
        "figures": sample_figures(survey, frame) if frame else None,
        "form": SamplingForm(initial=initial) if can_run else None,
        "upload": SubmissionsForm() if can_run else None,
        "can_run": can_run,
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
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
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
    density_cutoff, poverty_cutoff = form.cutoffs()
    frame_create(
        survey=survey,
        rows=rows,
        target_desa=form.cleaned_data["target_desa"],
        seed=form.cleaned_data["seed"],
        by=request.user,
        density_cutoff=density_cutoff,
        poverty_cutoff=poverty_cutoff,
        method=form.cleaned_data["method"],
        margin=form.cleaned_data["margin"],
    )
    messages.success(request, _("Kerangka sampel dibuat."))
    return redirect("ehra:sampling", pk=pk)


@login_required
@require_POST
def sampling_rt(request: HttpRequest, pk: int) -> HttpResponse:
    """Number of RT per selected desa (fields ``rt_<desa pk>``); RT 1..n are then drawn."""
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    frame = SamplingFrame.objects.filter(survey=survey).first()
    if frame is None:
        raise Http404
    counts: dict[int, int | None] = {}
    for key in request.POST:
        if not key.startswith("rt_") or not key[3:].isdigit():
            continue
        text = str(request.POST.get(key, "")).strip()
        if text and not (text.isdigit() and int(text) >= 1):
            messages.error(request, _("Jumlah RT harus bilangan bulat ≥ 1."))
            return redirect("ehra:sampling", pk=pk)
        counts[int(key[3:])] = int(text) if text else None
    try:
        changed = frame_rt_set(frame=frame, counts=counts, by=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        return redirect("ehra:sampling", pk=pk)
    messages.success(request, _("Daftar RT diperbarui untuk %(n)d desa.") % {"n": changed})
    return redirect("ehra:sampling", pk=pk)


@login_required
def sampling_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The RT and household-slot lists of the selected desa as XLSX."""
    survey = selectors.get_round_for_user(request.user, pk)
    frame, rows = _frame_rows(survey)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Daftar RT"
    sheet.append(["strata", "kode_desa", "desa", "kecamatan", "jumlah_rt", "seed_rt",
                  "awal_rt", "rt", "rumah_tangga"])  # fmt: skip
    for row in rows:
        if not row.selected:
            continue
        base = [row.strata, row.desa.code, row.desa.name, row.desa.parent.name if row.desa.parent
                else "", row.rt_count, row.rt_seed, row.rt_start]  # fmt: skip
        if not row.rt_selected:
            sheet.append([*base, None, None])
        for rt in row.rt_selected:
            for slot in range(1, row.households_per_rt + 1):
                sheet.append([*base, rt, slot])
    finish_table(sheet, freeze_columns=3, landscape=False)
    if frame is not None:
        sheet.append([])
        sheet.append([_(FIELD_RULE)])
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"daftar-rt-ehra-{survey.region.code}-{survey.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
