"""Result pages: IRS ranking, area berisiko table and tile grid, overrides, persepsi OPD."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.compute.area_risk import SSK_COMPONENTS
from ppsp.compute.ehra import COMPONENTS
from ppsp.compute.ladder import LABELS
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.vocabulary import EHRA_COMPONENT_LABELS
from ppsp.ehra import selectors, services
from ppsp.ehra.figures import area_class_by_desa, irs_by_desa
from ppsp.ehra.forms import OverrideForm
from ppsp.ehra.labels import risk_classes_for_round
from ppsp.ehra.models import OpdRating, OpdSubmission
from ppsp.ehra.services import results as services_results
from ppsp.regions.models import Level, Region


@login_required
@require_POST
def compute(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    services.round_compute_start(survey=survey, by=request.user)
    messages.success(request, _("Perhitungan IRS dan area berisiko dijalankan."))
    return redirect("ehra:irs", pk=pk)


def _hidden(request: HttpRequest, survey: Any) -> HttpResponse | None:
    if selectors.results_hidden_for(request.user, survey):
        return render(request, "ehra/blind.html", {"survey": survey})
    return None


@login_required
def irs_table(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    if (blind := _hidden(request, survey)) is not None:
        return blind
    rows = list(selectors.ranked_results(survey))
    classes = risk_classes_for_round(survey)
    irs = irs_by_desa(survey)  # the one selector of IRS per desa
    context = {
        "survey": survey,
        "rows": [
            (
                r,
                [getattr(r, c) for c in COMPONENTS],
                classes.of(r.irs_class),
                [r.ladder.get(LABELS[k], [0, None])[1] for k in (5, 4, 3, 2, 1)],
                irs.get(r.desa.code),
            )
            for r in rows
        ],
        "components": [EHRA_COMPONENT_LABELS[c] for c in COMPONENTS],
        "rungs": [LABELS[k] for k in (5, 4, 3, 2, 1)],
        "can_run": has_permission(request.user, Permission.RUN_EHRA, survey.region.code),
    }
    return render(request, "ehra/irs.html", context)


@login_required
def area_table(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    if (blind := _hidden(request, survey)) is not None:
        return blind
    component = request.GET.get("komponen", SSK_COMPONENTS[0])
    component = component if component in SSK_COMPONENTS else SSK_COMPONENTS[0]
    areas = list(selectors.areas_of(survey, component))
    final = area_class_by_desa(survey, component)  # the one selector of the class
    by_desa = {a.desa_id: a for a in areas}
    desa = (
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA)
        .select_related("parent")
        .order_by("code")
    )
    classes = risk_classes_for_round(survey)
    grid: dict[Any, list[tuple[Region, Any, tuple[str, str]]]] = defaultdict(list)
    for region in desa:
        area = by_desa.get(region.pk)
        grid[region.parent].append((region, area, classes.of(final.get(region.code, 0))))
    context = {
        "survey": survey,
        "component": component,
        "components": [(c, EHRA_COMPONENT_LABELS[c]) for c in SSK_COMPONENTS],
        "rows": [(a, classes.of(final[a.desa.code]), classes.of(a.risk_class)) for a in areas],
        "grid": sorted(grid.items(), key=lambda item: item[0].code),
        "classes": classes.legend(),
        "can_run": has_permission(request.user, Permission.RUN_EHRA, survey.region.code),
    }
    return render(request, "ehra/area.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def area_override(request: HttpRequest, pk: int) -> HttpResponse:
    area = selectors.get_area_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    classes = risk_classes_for_round(area.survey)
    form = OverrideForm(
        request.POST or None, initial={"risk_class": area.final_class or 1}, classes=classes
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_results.area_override(
                area=area,
                risk_class=form.cleaned_data["risk_class"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Kelas area berisiko disesuaikan."))
            url = reverse("ehra:area", kwargs={"pk": area.survey_id})
            return redirect(f"{url}?komponen={area.component}")
    context = {
        "area": area,
        "form": form,
        "label": EHRA_COMPONENT_LABELS[area.component],
        "computed": classes.of(area.risk_class),
    }
    return render(request, "ehra/override.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opd(request: HttpRequest, pk: int) -> HttpResponse:
    """The rater's own persepsi OPD grid: desa × air limbah/persampahan/drainase, 1–4."""
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    desa = list(
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA)
        .select_related("parent")
        .order_by("code")
    )
    submitted = OpdSubmission.objects.filter(survey=survey, rater_id=request.user.pk).first()
    if request.method == "POST":
        scores: dict[tuple[int, str], int | None] = {}
        for region in desa:
            for component in SSK_COMPONENTS:
                raw = request.POST.get(f"s_{region.pk}_{component}", "")
                scores[(region.pk, component)] = int(raw) if raw in ("1", "2", "3", "4") else None
        try:
            services_results.opd_save(survey=survey, scores=scores, by=request.user)
            if request.POST.get("submit"):
                services_results.opd_submit(
                    survey=survey, opd=request.POST.get("opd", ""), by=request.user
                )
                messages.success(request, _("Penilaian persepsi OPD terkirim."))
            else:
                messages.success(request, _("Draf penilaian disimpan."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("ehra:opd", pk=pk)
    mine = {
        (r.desa_id, r.component): r.score
        for r in OpdRating.objects.filter(survey=survey, rater_id=request.user.pk)
    }
    rows = [(region, [(c, mine.get((region.pk, c))) for c in SSK_COMPONENTS]) for region in desa]
    context = {
        "survey": survey,
        "rows": rows,
        "components": [EHRA_COMPONENT_LABELS[c] for c in SSK_COMPONENTS],
        "submitted": submitted,
        "raters": OpdSubmission.objects.filter(survey=survey).select_related("rater"),
    }
    return render(request, "ehra/opd.html", context)
