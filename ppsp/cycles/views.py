from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.workspace import workspace_links
from ppsp.cycles import outputs, prerequisites, selectors, services
from ppsp.cycles.forms import (
    ActivityForm,
    FinalisasiForm,
    MeetingForm,
    OpenCycleForm,
    ProcessTransitionForm,
    SkPokjaForm,
)
from ppsp.cycles.models import UpdateCycle
from ppsp.cycles.trigger_data import LABELS, triggers_for
from ppsp.cycles.workflow import ACTION_LABELS, ProcessAction, available, gate_problems, next_state


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """National / provincial / kab/kota overview of the cycles in the user's scope."""
    year_text = request.GET.get("tahun", "")
    year = int(year_text) if year_text.isdigit() else None
    context = {
        "counts": selectors.process_counts(request.user, fiscal_year=year),
        "cycles": selectors.visible_cycles(request.user, fiscal_year=year).order_by(
            "-fiscal_year", "region__code"
        ),
        "year": year,
        "today": timezone.localdate(),
    }
    return render(request, "cycles/index.html", context)


@login_required
def triggers(request: HttpRequest) -> HttpResponse:
    rows = triggers_for(request.user)
    return render(request, "cycles/triggers.html", {"rows": rows, "labels": LABELS})


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_CYCLES)
    rows = triggers_for(request.user, kabkota_code=region.code)
    can_open = has_permission(request.user, Permission.RUN_CYCLE, region.code)
    context = {
        "region": region,
        "trigger_row": rows[0] if rows else None,
        "labels": LABELS,
        "cycles": selectors.cycles_of(region.code),
        "form": OpenCycleForm() if can_open else None,
    }
    return render(request, "cycles/kabkota.html", context)


@login_required
@require_POST
def open_cycle(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.RUN_CYCLE)
    form = OpenCycleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih tahun anggaran dan versi pedoman."))
        return redirect("cycles:kabkota", code=code)
    try:
        cycle = services.cycle_open(region=region, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        _errors(request, error)
        return redirect("cycles:kabkota", code=code)
    messages.success(request, _("Siklus pemutakhiran dibuka."))
    return redirect("cycles:cycle", pk=cycle.pk)


@login_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = selectors.get_cycle_for_user(request.user, pk)
    code = cycle.region.code
    can_run = has_permission(request.user, Permission.RUN_CYCLE, code)
    context = {
        "cycle": cycle,
        "processes": cycle.processes.order_by("number"),
        "today": timezone.localdate(),
        "can_run": can_run,
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
        "finalisasi_form": FinalisasiForm(
            initial={
                "konsultasi_publik_closed_on": cycle.konsultasi_publik_closed_on,
                "pengesahan_on": cycle.pengesahan_on,
                "pengesahan_number": cycle.pengesahan_number,
            }
        ),
    }
    return render(request, "cycles/cycle.html", context)


@login_required
def process_detail(request: HttpRequest, pk: int) -> HttpResponse:
    process = selectors.get_process_for_user(request.user, pk)
    cycle, code = process.cycle, process.cycle.region.code
    actions = []
    for action in available(process.state):
        step = next_state(process.state, action)
        if step and has_permission(request.user, step[1], code):
            actions.append((action, ACTION_LABELS[action]))
    facts = services.gate_facts(process)
    context = {
        "process": process,
        "cycle": cycle,
        "steps": selectors.process_steps(process),
        "outputs": process.template.output_list(),
        "actions": actions,
        "return_action": ProcessAction.RETURN,
        "problems": gate_problems(facts, ProcessAction.SUBMIT) + prerequisites.problems(process),
        "can_run": has_permission(request.user, Permission.RUN_CYCLE, code)
        and process.state not in ("menunggu_verifikasi", "selesai"),
        "activities": cycle.activities.all(),
        "meetings": cycle.meetings.filter(process_number=process.number),
        "sk_form": SkPokjaForm(
            initial={"number": cycle.sk_pokja_number, "date": cycle.sk_pokja_date}
        ),
        "activity_form": ActivityForm(),
        "meeting_form": MeetingForm(),
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
        "tools": workspace_links(
            request.user, code, year=cycle.fiscal_year, process=process.number
        ),
    }
    return render(request, "cycles/process.html", context)


@login_required
@require_POST
def process_transition(request: HttpRequest, pk: int) -> HttpResponse:
    process = selectors.get_process_for_user(request.user, pk)
    form = ProcessTransitionForm(request.POST)
    if form.is_valid():
        try:
            services.process_transition(
                obj=process,
                action=form.cleaned_data["action"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Status proses diperbarui."))
    return redirect("cycles:process", pk=pk)


@login_required
@require_POST
def steps(request: HttpRequest, pk: int) -> HttpResponse:
    process = selectors.get_process_for_user(request.user, pk, write=True)
    done = [int(v) for v in request.POST.getlist("done") if v.isdigit()]
    try:
        services.process_steps_set(process=process, done_ids=done, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Langkah proses tersimpan."))
    return redirect("cycles:process", pk=pk)


def _output_view(
    form_class: type[forms.Form], write: Callable[..., Any], done: Any
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A POST-only view that validates `form_class` and calls `write(cycle=, by=, **data)`."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        cycle: UpdateCycle = selectors.get_cycle_for_user(request.user, pk, write=True)
        form = form_class(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else str(error))
        else:
            try:
                write(cycle=cycle, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _errors(request, error)
            else:
                messages.success(request, done)
        back = request.POST.get("next", "")
        if back.isdigit():
            return redirect("cycles:process", pk=int(back))
        return redirect("cycles:cycle", pk=pk)

    return view


sk_pokja = _output_view(
    SkPokjaForm, outputs.cycle_set_sk_pokja, gettext_lazy("SK Pokja tersimpan.")
)
activity_add = _output_view(
    ActivityForm,
    outputs.work_plan_activity_add,
    gettext_lazy("Kegiatan rencana kerja ditambahkan."),
)
meeting_add = _output_view(MeetingForm, outputs.meeting_record, gettext_lazy("Rapat dicatat."))
finalisasi = _output_view(
    FinalisasiForm,
    outputs.cycle_set_finalisasi,
    gettext_lazy("Konsultasi publik dan pengesahan tersimpan."),
)
