"""EHRA survey pages: rounds, questionnaire download, submissions import, record review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.compute.questionnaire import to_xlsform
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.ehra import selectors, services
from ppsp.ehra.answers_display import answer_rows
from ppsp.ehra.config import config_for_round
from ppsp.ehra.forms import PullForm, RoundForm, SubmissionsForm
from ppsp.ehra.models import ConfigStatus, ReviewState, RiskMethodConfig, SurveyRound
from ppsp.ehra.services.edit import may_edit
from ppsp.ehra.submissions_file import template_csv
from ppsp.ehra.workflow import ACTION_LABELS, available

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    rounds = selectors.visible_rounds(request.user).order_by("-year", "region__code")[:200]
    return render(request, "ehra/index.html", {"rounds": rounds})


@login_required
def questionnaire(request: HttpRequest) -> HttpResponse:
    """The 2021 questionnaire as XLSForm for KoboToolbox / ODK Collect."""
    response = HttpResponse(to_xlsform(EHRA_2021), content_type=XLSX)
    name = f"{EHRA_2021.form_id}_{EHRA_2021.form_version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_csv(EHRA_2021), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat_ehra_2021.csv"'
    return response


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_EHRA)
    can_run = has_permission(request.user, Permission.RUN_EHRA, code)
    context = {
        "region": region,
        "rounds": SurveyRound.objects.filter(region=region).order_by("-year"),
        "form": RoundForm() if can_run else None,
    }
    return render(request, "ehra/kabkota.html", context)


@login_required
@require_POST
def round_create(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.RUN_EHRA)
    form = RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tahun studi tidak sah."))
        return redirect("ehra:kabkota", code=code)
    try:
        survey = services.round_create(
            region=region, year=form.cleaned_data["year"], by=request.user
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("ehra:kabkota", code=code)
    return redirect("ehra:round", pk=survey.pk)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    code = survey.region.code
    counts = selectors.state_counts(survey)
    context: dict[str, Any] = {
        "survey": survey,
        "counts": counts,
        "state_counts": [(v, label, counts.get(v, 0)) for v, label in ReviewState.choices],
        "states": ReviewState.choices,
        "pull_form": PullForm(),
        "form_version": EHRA_2021.form_version,
        "imports": survey.imports.select_related("created_by").defer("content")[:10],
        "can_run": has_permission(request.user, Permission.RUN_EHRA, code),
        "can_review": has_permission(request.user, Permission.REVIEW_EHRA, code),
        "form": SubmissionsForm(),
        "config": config_for_round(survey),
        "approved_versions": RiskMethodConfig.objects.filter(status=ConfigStatus.APPROVED),
    }
    return render(request, "ehra/round.html", context)


@login_required
@require_POST
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    form = SubmissionsForm(request.POST, request.FILES)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
        return redirect("ehra:round", pk=pk)
    upload = form.cleaned_data["file"]
    run = services.import_start(
        survey=survey, filename=upload.name, content=upload.read(), by=request.user
    )
    return redirect("ehra:import_run", pk=run.pk)


@login_required
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.get_import_for_user(request.user, pk)
    return render(request, "ehra/import_run.html", {"run": run, "survey": run.survey})


@login_required
def households(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk)
    state = request.GET.get("status", "")
    state = state if state in ReviewState.values else ""
    page = Paginator(selectors.households_of(survey, state), 100).get_page(request.GET.get("hal"))
    context = {
        "survey": survey,
        "page": page,
        "state": state,
        "states": ReviewState.choices,
        "counts": selectors.state_counts(survey),
        "can_review": has_permission(request.user, Permission.REVIEW_EHRA, survey.region.code),
        "actions": ACTION_LABELS,
    }
    return render(request, "ehra/households.html", context)


@login_required
@require_POST
def bulk_review(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.REVIEW_EHRA)
    action = request.POST.get("action", "")
    if request.POST.get("all_received"):
        ids = list(
            survey.households.filter(state=ReviewState.RECEIVED).values_list("pk", flat=True)
        )
    else:
        ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    try:
        count = services.households_bulk_review(
            survey=survey,
            ids=ids,
            action=action,
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("%(n)d rekaman diperbarui.") % {"n": count})
    return redirect("ehra:households", pk=pk)


@login_required
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.get_household_for_user(request.user, pk)
    answers = answer_rows(EHRA_2021, household.answers)
    can_review = has_permission(request.user, Permission.REVIEW_EHRA, household.desa.code)
    context = {
        "household": household,
        "answers": answers,
        "actions": [(a, ACTION_LABELS[a]) for a in available(household.state) if can_review],
        "can_edit_answers": may_edit(request.user, household)
        and household.state != ReviewState.REJECTED,
    }
    return render(request, "ehra/household.html", context)


@login_required
@require_POST
def household_transition(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.get_household_for_user(
        request.user, pk, permission=Permission.REVIEW_EHRA
    )
    try:
        services.household_review(
            household=household,
            action=request.POST.get("action", ""),
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
    return redirect("ehra:household", pk=pk)
