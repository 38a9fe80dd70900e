from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ppsp.accounts.models import User
from ppsp.core.access import require_national
from ppsp.core.form_errors import errors_to_form
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme import selectors
from ppsp.programme.forms import AssignmentEditForm, AssignmentForm, EndForm, TrainingForm
from ppsp.programme.services import facilitators as services_facilitators
from ppsp.programme.views.form_page import form_page


def _require_manager(request: HttpRequest) -> None:
    require_national(request.user, Permission.MANAGE_FACILITATORS)


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
                errors_to_form(form, error)
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
                errors_to_form(form, error)
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
    """A facilitator's own desk; for the national office, every province's coverage."""
    context: dict[str, object] = {
        "workload": selectors.workload_for(request.user),
        "provinces": None,
    }
    if scope_for(request.user, Permission.MANAGE_FACILITATORS).national:
        year, provinces = selectors.national_workload(_year(request))
        context.update(national_year=year, provinces=provinces)
    return render(request, "programme/workload.html", context)


def _year(request: HttpRequest) -> int | None:
    raw = request.GET.get("tahun", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else None


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    assignment = selectors.get_assignment_for_user(request.user, pk, write=True)
    initial = {"region_code": assignment.region.code, "contract_year": assignment.contract_year}
    return form_page(
        request,
        AssignmentEditForm(request.POST or None, initial=initial),
        save=lambda data: services_facilitators.facilitator_assignment_update(
            assignment=assignment,
            region=data["region_code"],
            contract_year=data["contract_year"],
            by=request.user,
        ),
        success=_("Penugasan fasilitator diperbarui."),
        done=("programme:facilitators", {}),
        title=_("Ubah penugasan: %(a)s") % {"a": assignment},
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_end(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    assignment = selectors.get_assignment_for_user(request.user, pk, write=True)
    return form_page(
        request,
        EndForm(request.POST or None, initial={"ended_on": dt.date.today()}),
        save=lambda data: services_facilitators.facilitator_assignment_end(
            assignment=assignment,
            ended_on=data["ended_on"],
            reason=data["reason"],
            by=request.user,
        ),
        success=_(
            "Penugasan berakhir; tetap tercatat dalam riwayat. Wilayah ini dapat "
            "ditugasi fasilitator pengganti."
        ),
        done=("programme:facilitators", {}),
        title=_("Akhiri penugasan: %(a)s") % {"a": assignment},
    )
