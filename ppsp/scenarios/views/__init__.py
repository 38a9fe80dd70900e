"""Proses 3 pages: scenarios side by side, one scenario with Tabel 5.1 and the optimum."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.compute.zoning import AIR_LIMBAH, DRAINASE, PERSAMPAHAN
from ppsp.core.access import kabkota_for_user
from ppsp.core.form_errors import error_messages, form_error_messages
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission, scope_for
from ppsp.cycles.models import UpdateCycle
from ppsp.scenarios import selectors, services, zoning
from ppsp.scenarios.exports import table51_workbook
from ppsp.scenarios.forms import (
    CapsForm,
    ChooseForm,
    LineForm,
    ScenarioForm,
    UnitCostCopyForm,
    ZoneForm,
)
from ppsp.scenarios.forms.vision import StageForm
from ppsp.scenarios.models import FundingSource, JobStatus, Scenario, UnitCostTable
from ppsp.scenarios.selectors import vision as selectors_vision
from ppsp.scenarios.services import jobs as services_jobs
from ppsp.scenarios.services import unit_costs as services_unit_costs
from ppsp.scenarios.services import zones as services_zones

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _back(scenario: Scenario) -> HttpResponse:
    return redirect("scenarios:detail", pk=scenario.pk)


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    """Entry point from the kab/kota: the latest cycle year with Proses 3 work."""
    region = kabkota_for_user(request.user, code, Permission.VIEW_PLANNING)
    years = [
        *UpdateCycle.objects.filter(region=region).values_list("fiscal_year", flat=True),
        *Scenario.objects.filter(region=region).values_list("fiscal_year", flat=True),
    ]
    year = max(years) if years else timezone.localdate().year
    return redirect("scenarios:index", code=region.code, year=year)


@login_required
def index(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_PLANNING)
    can_edit = has_permission(request.user, Permission.EDIT_PLANNING, region.code)
    comparisons = selectors.compare(region, year)
    context = {
        "region": region,
        "year": year,
        "comparisons": comparisons,
        "can_edit": can_edit,
        "form": ScenarioForm(cycle_scenarios=selectors.scenarios_of(region, year))
        if can_edit
        else None,
        "plan_years": list(range(year + 1, year + 6)),
    }
    return render(request, "scenarios/index.html", context)


@login_required
def systems(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """System suggestion per desa (density, flooding, area berisiko): the start of zoning."""
    region = kabkota_for_user(request.user, code, Permission.VIEW_PLANNING)
    rows = zoning.desa_suggestions(region, year)
    context = {
        "region": region,
        "year": year,
        "rows": rows,
        "groups": {
            "air_limbah": zoning.groups(rows, "air_limbah"),
            "persampahan": zoning.groups(rows, "persampahan"),
        },
        "labels": {"air_limbah": AIR_LIMBAH, "persampahan": PERSAMPAHAN, "drainase": DRAINASE},
        "known": sum(1 for r in rows if r.facts.density is not None),
    }
    return render(request, "scenarios/systems.html", context)


@login_required
@require_POST
def create(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_PLANNING)
    form = ScenarioForm(request.POST, cycle_scenarios=selectors.scenarios_of(region, year))
    if not form.is_valid():
        form_error_messages(request, form)
        return redirect("scenarios:index", code=code, year=year)
    try:
        scenario = services.scenario_create(
            region=region, fiscal_year=year, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        error_messages(request, error)
        return redirect("scenarios:index", code=code, year=year)
    messages.success(request, _("Skenario dibuat."))
    return _back(scenario)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk)
    code = scenario.region.code
    can_edit = has_permission(request.user, Permission.EDIT_PLANNING, code)
    lines = selectors.lines_of(scenario)
    table = selectors.table51(scenario, lines)
    run = selectors.latest_run(scenario)
    by_pk = {line.pk: line for line in lines}
    chosen_lines = [by_pk[k] for k in run.chosen if k in by_pk] if run else []
    waiting = (
        [(by_pk[w["line"]], w["reason"]) for w in run.waiting if w["line"] in by_pk] if run else []
    )
    context = {
        "scenario": scenario,
        "region": scenario.region,
        "lines": lines,
        "table": table,
        "chart": table.chart(),
        "run": run,
        "chosen_lines": chosen_lines,
        "waiting": waiting,
        "run_stale": bool(run and set(run.chosen) | {w["line"] for w in run.waiting} != set(by_pk)),
        "can_edit": can_edit,
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
        "sources": dict(FundingSource.choices),
        "stages": selectors_vision.stages_of(scenario),
        "job": (job := services_jobs.latest_job(scenario)),
        "tracking": services_jobs.tracking_for(job),
    }
    if can_edit:
        context.update(
            line_form=LineForm(scenario=scenario),
            zone_form=ZoneForm(scenario=scenario),
            caps_form=CapsForm(scenario=scenario),
            choose_form=ChooseForm(initial={"justification": scenario.justification}),
            stage_form=StageForm(),
        )
    else:
        context["caps"] = list(scenario.caps.all())
    return render(request, "scenarios/detail.html", context)


@login_required
@require_POST
def line_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    form = LineForm(request.POST, scenario=scenario)
    if not form.is_valid():
        form_error_messages(request, form)
        return _back(scenario)
    try:
        services.scenario_line_add(
            scenario=scenario,
            amounts=form.amounts(),
            volumes=form.volumes(),
            by=request.user,
            **form.base_values(),
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("Baris biaya ditambahkan."))
    return _back(scenario)


@login_required
def line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.get_line_for_user(request.user, pk, write=True)
    scenario = selectors.get_scenario_for_user(request.user, line.scenario_id, write=True)
    if request.method == "POST":
        form = LineForm(request.POST, scenario=scenario, exclude=line)
        if form.is_valid():
            try:
                services.scenario_line_update(
                    line=line,
                    amounts=form.amounts(),
                    volumes=form.volumes(),
                    by=request.user,
                    **form.base_values(),
                )
            except ValidationError as error:
                error_messages(request, error)
            else:
                messages.success(request, _("Baris biaya diubah."))
                return _back(scenario)
    else:
        form = LineForm(scenario=scenario, exclude=line, initial=LineForm.initial_for(line))
    context = {"scenario": scenario, "region": scenario.region, "line": line, "form": form}
    return render(request, "scenarios/line_edit.html", context)


@login_required
@require_POST
def line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.get_line_for_user(request.user, pk, write=True)
    scenario = line.scenario
    services.scenario_line_delete(line=line, by=request.user)
    messages.success(request, _("Baris biaya dihapus."))
    return _back(scenario)


@login_required
@require_POST
def zone_generate(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    form = ZoneForm(request.POST, scenario=scenario)
    if not form.is_valid():
        form_error_messages(request, form)
        return _back(scenario)
    try:
        created = services_zones.scenario_zone_generate(
            scenario=scenario, by=request.user, **form.plan()
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(
            request, _("%(n)d baris biaya dibuat dari rencana zona.") % {"n": len(created)}
        )
    return _back(scenario)


@login_required
@require_POST
def caps_set(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    form = CapsForm(request.POST, scenario=scenario)
    if not form.is_valid():
        form_error_messages(request, form)
        return _back(scenario)
    services.source_caps_set(scenario=scenario, caps=form.caps(), by=request.user)
    messages.success(request, _("Perkiraan dana sumber lain disimpan."))
    return _back(scenario)


@login_required
@require_POST
def optimise(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    job = services_jobs.job_enqueue(scenario=scenario, by=request.user)
    if job.status == JobStatus.GAGAL:
        messages.error(request, job.message)
    elif job.run is not None:
        messages.success(
            request,
            _("Optimasi selesai: %(c)d kegiatan terpilih, %(w)d masuk Daftar Tunggu.")
            % {"c": len(job.run.chosen), "w": len(job.run.waiting)},
        )
    else:
        messages.info(request, _("Optimasi dijalankan di latar belakang; status tampil di bawah."))
    return _back(scenario)


@login_required
def optimise_status(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx fragment: status of the latest background optimisation of the scenario."""
    scenario = selectors.get_scenario_for_user(request.user, pk)
    job = services_jobs.latest_job(scenario)
    return render(
        request,
        "scenarios/_job.html",
        {"scenario": scenario, "job": job, "tracking": services_jobs.tracking_for(job)},
    )


@login_required
@require_POST
def choose(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk, write=True)
    form = ChooseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan Pokja memilih skenario ini."))
        return _back(scenario)
    try:
        services.scenario_choose(
            scenario=scenario, justification=form.cleaned_data["justification"], by=request.user
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("Skenario ditetapkan sebagai skenario terpilih."))
    return _back(scenario)


@login_required
def table_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.get_scenario_for_user(request.user, pk)
    data = table51_workbook(scenario, selectors.table51(scenario))
    response = HttpResponse(data, content_type=XLSX)
    name = f"tabel-5-1-{scenario.region.code}-{scenario.fiscal_year}-{scenario.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def unit_costs(request: HttpRequest) -> HttpResponse:
    if scope_for(request.user, Permission.VIEW_PLANNING).empty:
        raise Http404
    context = {
        "tables": selectors.unit_cost_tables(),
        "can_manage": has_permission(request.user, Permission.MANAGE_UNIT_COSTS),
        "copy_form": UnitCostCopyForm(),
    }
    return render(request, "scenarios/unit_costs.html", context)


@login_required
@require_POST
def unit_cost_copy(request: HttpRequest, pk: int) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_UNIT_COSTS):
        raise Http404
    table = get_object_or_404(UnitCostTable, pk=pk)
    form = UnitCostCopyForm(request.POST)
    if not form.is_valid():
        form_error_messages(request, form)
        return redirect("scenarios:unit_costs")
    try:
        copy = services_unit_costs.unit_cost_table_copy(
            table=table, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        error_messages(request, error)
        return redirect("scenarios:unit_costs")
    messages.success(request, _("Versi baru dibuat; ubah harganya di halaman administrasi."))
    return redirect(f"/admin/scenarios/unitcosttable/{copy.pk}/change/")
