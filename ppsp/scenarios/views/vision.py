"""Bab 3.1–3.3 pages: visi/misi/tujuan, the KKL sasaran checked against national targets,
and the zone stage targets (5 and 20 years) of a scenario."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.form_errors import error_messages, form_error_messages
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.scenarios import selectors
from ppsp.scenarios.forms.vision import StageForm, VisionForm
from ppsp.scenarios.models import NationalTarget, Subsector
from ppsp.scenarios.selectors import vision as selectors_vision
from ppsp.scenarios.services import vision as services_vision


@login_required
def vision(request: HttpRequest, code: str, year: int) -> HttpResponse:
    write = request.method == "POST"
    permission = Permission.EDIT_PLANNING if write else Permission.VIEW_PLANNING
    region = kabkota_for_user(request.user, code, permission)
    current = selectors_vision.vision_of(region, year)
    can_edit = has_permission(request.user, Permission.EDIT_PLANNING, region.code)
    if request.method == "POST":
        form = VisionForm(request.POST)
        if form.is_valid():
            try:
                services_vision.vision_save(
                    region=region, fiscal_year=year, by=request.user, **form.values()
                )
            except ValidationError as error:
                error_messages(request, error)
            else:
                messages.success(request, _("Visi dan misi sanitasi disimpan."))
                return redirect("scenarios:vision", code=region.code, year=year)
        else:
            form_error_messages(request, form)
    else:
        form = VisionForm(initial=VisionForm.initial_for(current))
    plan = selectors_vision.kkl_plan(region, year)
    context = {
        "region": region,
        "year": year,
        "vision": current,
        "subsectors": [
            (k, label, (current.subsectors or {}).get(k, {}) if current else {})
            for k, label in Subsector.choices
        ],
        "form": form if can_edit else None,
        "plan": plan,
        "sasaran": selectors_vision.sasaran_rows(plan),
        "warnings": selectors_vision.target_warnings(region, year),
        "targets": NationalTarget.objects.filter(active=True),
        "plan_years": list(range(year + 1, year + 6)),
    }
    return render(request, "scenarios/vision.html", context)


@login_required
@require_POST
def stage_save(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    form = StageForm(request.POST)
    if not form.is_valid():
        form_error_messages(request, form)
    else:
        try:
            services_vision.zone_stage_save(scenario=scenario, by=request.user, **form.values())
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Tahapan pengembangan zona disimpan."))
    return redirect("scenarios:detail", pk=scenario.pk)
