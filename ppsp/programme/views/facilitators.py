from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ppsp.accounts.models import User
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme import selectors, services_facilitators
from ppsp.programme.forms import AssignmentForm, TrainingForm
from ppsp.programme.views.stages import _errors_to_form


def _require_manager(request: HttpRequest) -> None:
    if not scope_for(request.user, Permission.MANAGE_FACILITATORS).national:
        raise Http404


def _user_or_error(form: AssignmentForm | TrainingForm) -> User | None:
    user = User.objects.filter(username=form.cleaned_data["username"].strip()).first()
    if user is None:
        form.add_error("username", _("Pengguna tidak ditemukan."))
    return user


@login_required
@require_GET
def facilitators(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    return render(
        request,
        "programme/facilitators.html",
        {
            "assignments": selectors.assignments_list(request.user),
            "trainings": selectors.trainings_list(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def facilitator_assign(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _user_or_error(form)
        if user is not None:
            try:
                services_facilitators.facilitator_assign(
                    user=user,
                    kind=form.cleaned_data["kind"],
                    region=form.cleaned_data["region_code"],
                    contract_year=form.cleaned_data["contract_year"],
                    by=request.user,
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Penugasan fasilitator tersimpan."))
                return redirect("programme:facilitators")
    return render(
        request,
        "programme/form.html",
        {"form": form, "title": _("Tugaskan fasilitator"), "multipart": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _user_or_error(form)
        if user is not None:
            data = {k: v for k, v in form.cleaned_data.items() if k != "username"}
            try:
                services_facilitators.facilitator_training_create(
                    user=user, by=request.user, **data
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Catatan pelatihan tersimpan."))
                return redirect("programme:facilitators")
    return render(
        request,
        "programme/form.html",
        {"form": form, "title": _("Catat pelatihan fasilitator"), "multipart": False},
    )


@login_required
@require_GET
def workload(request: HttpRequest) -> HttpResponse:
    return render(
        request, "programme/workload.html", {"workload": selectors.workload_for(request.user)}
    )
