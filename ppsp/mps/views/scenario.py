"""Lampiran 4 against the live chosen scenario (differences, regeneration of rows) and the
Satker K/L view of externalised APBN rows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.compute.programme_rows import to_juta
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.mps import selectors
from ppsp.mps.codes import Subsector
from ppsp.mps.models import Party
from ppsp.mps.services.scenario import rows_align_with_scenario, scenario_drift


@login_required
def scenario(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    drift = scenario_drift(plan)
    totals = selectors.totals_by_subsector(list(plan.rows.all()))
    subsectors = [
        (
            Subsector(s).label if s in Subsector.values else s,
            to_juta(totals.get(s, 0)),
            to_juta(drift.need_stored[s]) if s in drift.need_stored else None,
            to_juta(drift.need_live[s]) if s in drift.need_live else None,
        )
        for s in sorted(set(totals) | set(drift.need_live) | set(drift.need_stored))
    ]
    context = {
        "plan": plan,
        "drift": drift,
        "subsectors": subsectors,
        "years": plan.years,
        "can_edit": has_permission(request.user, Permission.EDIT_MPS, plan.region.code),
    }
    return render(request, "mps/scenario.html", context)


@login_required
@require_POST
def scenario_align(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    try:
        count = rows_align_with_scenario(
            plan=plan, keys=set(request.POST.getlist("rows")), by=request.user
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(n)d baris diselaraskan dengan skenario terpilih.") % {"n": count}
        )
    return redirect("mps:scenario", pk=plan.pk)


@login_required
def satker(request: HttpRequest) -> HttpResponse:
    """Satker K/L view: APBN rows of externalised plans in scope and the Satker K/L
    commitments recorded against them (the Satker is a commitment party, not a role)."""
    rows = list(selectors.satker_rows(request.user))
    lines = [
        (row, [c for c in row.commitments.all() if c.party == Party.SATKER_KL]) for row in rows
    ]
    return render(request, "mps/satker.html", {"lines": lines})
