"""PT-03 pages: the belanja table, APBD murni, growth, projection (b) and komitmen (c)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.upload_jobs import start_import
from ppsp.core.uploads import upload_errors
from ppsp.finance import import_jobs, selectors, services
from ppsp.finance.belanja_file import belanja_workbook
from ppsp.finance.forms import ImportForm, OpdForm, SettingsForm, history_form, plan_form
from ppsp.finance.models import FiscalCapacity

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _back(capacity: FiscalCapacity) -> HttpResponse:
    return redirect("finance:capacity", code=capacity.region.code, year=capacity.fiscal_year)


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def capacity(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_PLANNING)
    found = selectors.capacity_of(region, year)
    can_edit = has_permission(request.user, Permission.EDIT_PLANNING, region.code)
    context = {
        "region": region,
        "year": year,
        "capacity": found,
        "can_edit": can_edit,
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, region.code),
    }
    if found is not None:
        context["summary"] = selectors.fiscal_summary(found)
        if can_edit:
            context.update(
                opd_form=OpdForm(years=found.history_years),
                history_form=history_form(capacity=found),
                plan_form=plan_form(capacity=found),
                settings_form=SettingsForm(instance=found),
                import_form=ImportForm(),
            )
    return render(request, "finance/capacity.html", context)


@login_required
@require_POST
def start(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_PLANNING)
    try:
        services.fiscal_capacity_create(region=region, fiscal_year=year, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    return redirect("finance:capacity", code=code, year=year)


@login_required
@require_POST
def opd_set(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    form = OpdForm(request.POST, years=found.history_years)
    if not form.is_valid():
        messages.error(request, _("Isi nama OPD dan realisasi (rupiah, >= 0)."))
        return _back(found)
    try:
        services.belanja_opd_set(
            capacity=found, opd=form.cleaned_data["opd"], amounts=form.amounts(), by=request.user
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Realisasi belanja OPD disimpan."))
    return _back(found)


@login_required
@require_POST
def opd_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    services.belanja_opd_delete(capacity=found, opd=request.POST.get("opd", ""), by=request.user)
    return _back(found)


@login_required
@require_POST
def history_update(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    form = history_form(request.POST, capacity=found)
    if not form.is_valid():
        messages.error(request, _("Semua nilai harus angka rupiah >= 0."))
        return _back(found)
    services.history_years_update(capacity=found, values=form.values(), by=request.user)
    messages.success(request, _("Data tahun realisasi disimpan."))
    return _back(found)


@login_required
@require_POST
def plan_update(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    form = plan_form(request.POST, capacity=found)
    if not form.is_valid():
        messages.error(request, _("Semua nilai harus angka rupiah >= 0."))
        return _back(found)
    services.plan_years_update(capacity=found, values=form.values(), by=request.user)
    messages.success(request, _("Data tahun rencana disimpan."))
    return _back(found)


@login_required
@require_POST
def settings_update(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    form = SettingsForm(request.POST, instance=FiscalCapacity.objects.get(pk=found.pk))
    if not form.is_valid():
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
        return _back(found)
    try:
        services.fiscal_settings_update(capacity=found, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Pengaturan proyeksi dan komitmen disimpan."))
    return _back(found)


@login_required
@require_POST
def belanja_import(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk, write=True)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        for problem in upload_errors(form, _("Pilih berkas XLSX.")):
            messages.error(request, problem)
        return _back(found)
    upload = form.cleaned_data["file"]
    return start_import(
        request,
        handler=import_jobs.HANDLER,
        filename=upload.name,
        content=upload.read(),
        region_code=found.region.code,
        params={"capacity": found.pk},
        return_url=reverse(
            "finance:capacity", kwargs={"code": found.region.code, "year": found.fiscal_year}
        ),
        permission=Permission.EDIT_PLANNING,
        cancel_permission=Permission.EDIT_PLANNING,
        label=_("Impor realisasi belanja OPD: %(file)s") % {"file": upload.name},
    )


@login_required
def belanja_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.get_capacity_for_user(request.user, pk)
    response = HttpResponse(belanja_workbook(found), content_type=XLSX)
    name = f"belanja-sanitasi-{found.region.code}-{found.fiscal_year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
