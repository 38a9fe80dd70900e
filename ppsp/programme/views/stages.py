from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.access import kabkota_for_user
from ppsp.core.files import file_response
from ppsp.core.form_errors import errors_to_form
from ppsp.core.permissions import Permission
from ppsp.programme import selectors, services
from ppsp.programme.forms import (
    ParticipationForm,
    StageRecordEditForm,
    StageRecordForm,
    TransitionForm,
)
from ppsp.programme.models import Participation


@login_required
@require_http_methods(["GET", "POST"])
def participation_edit(request: HttpRequest, code: str) -> HttpResponse:
    """The PMU and the Pokja change the kepesertaan; every other role that sees the kab/kota
    (CF, PF, Pokja Provinsi, Kepala Daerah) reads it here instead of meeting a 404."""
    region = kabkota_for_user(request.user, code, Permission.VIEW_PROGRAMME)
    current = Participation.objects.filter(region=region).select_related("phase").first()
    if not selectors.can(request.user, Permission.EDIT_PROGRAMME, code):
        if request.method == "POST":
            raise Http404
        records = current.stage_records.select_related("stage").order_by("stage__number") if (
            current) else []  # fmt: skip
        return render(
            request,
            "programme/participation.html",
            {
                "region": region,
                "participation": current,
                "records": records,
                "can_audit": selectors.can(request.user, Permission.VIEW_AUDIT, code),
            },
        )
    initial = {"cohort_year": current.cohort_year} if current else {}
    form = ParticipationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.participation_upsert(
                region=region,
                cohort_year=form.cleaned_data["cohort_year"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Kepesertaan PPSP tersimpan."))
            return redirect("programme:kabkota", code=code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": _("Kepesertaan PPSP"), "multipart": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_record_create(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_STAGES)
    participation = Participation.objects.filter(region=region).first()
    form = StageRecordForm(request.POST or None, request.FILES or None)
    if participation is None:
        messages.error(request, _("Catat kepesertaan PPSP (tahun kohort) terlebih dahulu."))
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.stage_record_create(
                participation=participation,
                stage=data["stage"],
                start_date=data["start_date"],
                due_date=data["due_date"],
                evidence=data["evidence"] or None,
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Catatan tahapan tersimpan."))
            return redirect("programme:kabkota", code=code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": _("Catatan tahapan baru"), "multipart": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def stage_record_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_stage_record_for_user(request.user, pk, write=True)
    region = record.participation.region
    form = StageRecordEditForm(request.POST or None, request.FILES or None, instance=record)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record.refresh_from_db()  # the ModelForm changed the instance in memory
        try:
            services.stage_record_update(
                record=record,
                by=request.user,
                reason=data.pop("reason"),
                **{k: data[k] for k in ("start_date", "end_date", "due_date", "evidence", "note")},
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Catatan tahapan diperbarui."))
            return redirect("programme:kabkota", code=region.code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": str(record.stage), "multipart": True},
    )


@require_POST
@login_required
def stage_record_transition(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_stage_record_for_user(request.user, pk, write=True)
    form = TransitionForm(request.POST)
    code = record.participation.region.code
    if form.is_valid():
        try:
            services.stage_record_transition(
                obj=record,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Status tahapan diperbarui."))
    return redirect("programme:kabkota", code=code)


@login_required
def stage_evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The evidence file of a stage record, to whoever may see the kab/kota's programme."""
    record = selectors.get_stage_record_for_user(request.user, pk)
    if not record.evidence:
        raise Http404
    return file_response(record.evidence)
