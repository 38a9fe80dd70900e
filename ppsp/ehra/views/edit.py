"""Answer correction of one household record, import progress fragment, IRS per strata."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ppsp.compute.ehra import COMPONENTS, irs
from ppsp.compute.questionnaire import column_name
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.core.permissions import Permission
from ppsp.core.vocabulary import EHRA_COMPONENT_LABELS
from ppsp.ehra import selectors
from ppsp.ehra.arrays import households_from_answers
from ppsp.ehra.config import config_for_round, irs_config
from ppsp.ehra.models import FrameDesa, Household, ReviewState
from ppsp.ehra.services.edit import editable_questions, household_answers_edit, may_edit

STRATA = 5  # strata 0..4 = number of K1–K4 criteria met (ehra-risk.md §2.3)


@login_required
def household_edit(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.get_household_for_user(request.user, pk)
    if not may_edit(request.user, household):
        raise Http404
    if request.method == "POST":
        values = {
            column_name(q.code): request.POST.get(column_name(q.code), "")
            for q in editable_questions()
            if column_name(q.code) in request.POST
        }
        try:
            count = household_answers_edit(
                household=household,
                values=values,
                reason=request.POST.get("reason", ""),
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(n)d jawaban diubah.") % {"n": count})
            return redirect("ehra:household", pk=pk)
    fields = []
    for q in editable_questions():
        name = column_name(q.code)
        value = household.answers.get(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        options = EHRA_2021.choices.get(q.choices or "", ()) if q.kind == "select_one" else ()
        fields.append((q, name, "" if value is None else str(value), options))
    context = {"household": household, "fields": fields}
    return render(request, "ehra/household_edit.html", context)


@login_required
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The status block of an import, polled by htmx every 2 s while it runs."""
    run = selectors.get_import_for_user(request.user, pk)
    return render(request, "ehra/_import_progress.html", {"run": run})


def strata_irs(survey: Any) -> tuple[list[dict[str, Any]], bool]:
    """IRS per strata (older method, ehra-risk.md §4.5) from approved records of a round.

    The strata of each desa comes from the round's sampling frame; households of desa
    outside the frame are left out. Returns rows for strata 0..4 and whether a frame exists.
    """
    frame = getattr(survey, "frame", None)
    if frame is None:
        return [], False
    strata_of = dict(FrameDesa.objects.filter(frame=frame).values_list("desa_id", "strata"))
    desa_count = [0] * STRATA
    for value in strata_of.values():
        desa_count[value] += 1
    records = [
        (strata_of[d], a)
        for d, a in Household.objects.filter(survey=survey, state=ReviewState.APPROVED).values_list(
            "desa_id", "answers"
        )
        if d in strata_of
    ]
    data = households_from_answers(
        EHRA_2021, [a for _, a in records], [s for s, _ in records], STRATA
    )
    result = irs(data, irs_config(config_for_round(survey)))
    rows = []
    for s in range(STRATA):
        comps = result.components[s]
        rows.append(
            {
                "strata": s,
                "desa": desa_count[s],
                "households": int(result.households[s]),
                "components": [None if np.isnan(v) else float(v) for v in comps],
                "irs": None if np.isnan(result.total[s]) else float(result.total[s]),
            }
        )
    return rows, True


@login_required
def irs_strata(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.VIEW_EHRA)
    if selectors.results_hidden_for(request.user, survey):
        return render(request, "ehra/blind.html", {"survey": survey})
    rows, has_frame = strata_irs(survey)
    context = {
        "survey": survey,
        "rows": rows,
        "has_frame": has_frame,
        "components": [EHRA_COMPONENT_LABELS[c] for c in COMPONENTS],
    }
    return render(request, "ehra/irs_strata.html", context)
