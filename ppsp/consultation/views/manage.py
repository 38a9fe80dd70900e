"""The Pokja's management of a consultation: creation, status, public meetings,
swa-penilaian and the Kepala Daerah's pengesahan (login, scoped; out of scope answers 404)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.consultation import qa, selectors, services
from ppsp.consultation.forms import (
    ConsultationForm,
    MeetingForm,
    MeetingInputForm,
    PengesahanForm,
)
from ppsp.consultation.models import (
    ConsultationState,
    QaCheck,
    QaItem,
)
from ppsp.consultation.services import draft as services_draft
from ppsp.consultation.services import meetings as services_meetings
from ppsp.consultation.services import pengesahan as services_pengesahan
from ppsp.consultation.workflow import CONSULTATION_LABELS, consultation_available
from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.documents.models import DocType, DocumentVersion, Status
from ppsp.documents.selectors import get_document_version_for_user


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


QA_UNDO = "consultation_qa_undo"  # the last self-assessment change, offered once for undo


@login_required
def manage_kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_DOCUMENTS)
    candidates = (
        DocumentVersion.objects.filter(
            document__region=region,
            document__doc_type=DocType.SSK,
            status__in=[Status.DRAFT, Status.SUBMITTED, Status.REVIEWED],
            consultation__isnull=True,
        )
        .select_related("document")
        .order_by("-document__period_start", "-number")
    )
    context = {
        "region": region,
        "consultations": selectors.consultations_of(region.code),
        "candidates": candidates,
        "can_edit": has_permission(request.user, Permission.EDIT_DOCUMENTS, region.code),
    }
    return render(request, "consultation/manage_kabkota.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def manage_create(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_document_version_for_user(request.user, pk, write=True)
    today = timezone.localdate()
    initial = {
        "title": _("Konsultasi publik %(document)s") % {"document": version.document},
        "opens_on": today,
        "closes_on": today + dt.timedelta(days=30),
        "premoderation": True,
    }
    form = ConsultationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                version=version, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Konsultasi publik dibuat; terbitkan bila sudah siap."))
            return redirect("consultation:manage", pk=consultation.pk)
    return render(request, "consultation/manage_create.html", {"version": version, "form": form})


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    code = consultation.region_code
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, code)
    actions = (
        [(a, CONSULTATION_LABELS[a]) for a in consultation_available(consultation.state)]
        if can_edit
        else []
    )
    results = qa.evaluate(consultation)
    undo = request.session.pop(QA_UNDO, None)
    context = {
        "qa_undo": undo if undo and undo.get("consultation") == consultation.pk else None,
        "consultation": consultation,
        "version": consultation.version,
        "counts": selectors.moderation_counts(consultation),
        "actions": actions,
        "can_edit": can_edit,
        "can_moderate": has_permission(request.user, Permission.MODERATE_CONSULTATION, code),
        "can_approve": has_permission(request.user, Permission.APPROVE_DOCUMENTS, code),
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
        "qa": results,
        "problems": services_pengesahan.pengesahan_problems(consultation),
        "meetings": selectors.meetings_of(consultation),
        "meeting_form": MeetingForm(),
        "pengesahan_form": PengesahanForm(),
        "pengesahan": getattr(consultation, "pengesahan", None),
        "disahkan": consultation.state == ConsultationState.DISAHKAN,
        "draft": services_draft.draft_file(consultation),
    }
    return render(request, "consultation/manage.html", context)


@login_required
@require_POST
def manage_transition(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    try:
        services.consultation_transition(
            obj=consultation, action=request.POST.get("action", ""), by=request.user
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Status konsultasi diperbarui."))
    return redirect("consultation:manage", pk=pk)


@login_required
@require_POST
def meeting_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, write=True)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isian pertemuan publik belum lengkap."))
        return redirect("consultation:manage", pk=pk)
    data = form.cleaned_data
    try:
        meeting = services_meetings.meeting_record(
            consultation=consultation,
            held_on=data["held_on"],
            place=data["place"],
            title=data["title"],
            minutes=data["minutes"],
            attendance=form.attendance(),
            by=request.user,
        )
    except ValidationError as error:
        flash_errors(request, error)
        return redirect("consultation:manage", pk=pk)
    messages.success(request, _("Pertemuan publik dicatat; masukkan masukan peserta di bawah."))
    return redirect("consultation:meeting", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(request.user, pk)
    consultation = meeting.consultation
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, consultation.region_code)
    form = MeetingInputForm(request.POST or None)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                services_meetings.meeting_input_add(
                    meeting=meeting,
                    body=data["body"],
                    paragraph_number=data["paragraph"],
                    name=data["name"],
                    organisation=data["organisation"],
                    desa=data["desa"],
                    by=request.user,
                )
            except ValidationError as error:
                flash_errors(request, error)
            else:
                messages.success(request, _("Masukan dicatat sebagai komentar."))
                return redirect("consultation:meeting", pk=pk)
    context = {
        "meeting": meeting,
        "consultation": consultation,
        "form": form,
        "can_edit": can_edit and consultation.state != ConsultationState.DISAHKAN,
        "inputs": meeting.inputs.select_related("paragraph"),
    }
    return render(request, "consultation/meeting.html", context)


@login_required
@require_POST
def qa_set(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, write=True)
    item = get_object_or_404(QaItem, pk=request.POST.get("item", 0), active=True)
    passed = request.POST.get("passed") == "1"
    was = QaCheck.objects.filter(consultation=consultation, item=item, passed=True).exists()
    try:
        services_pengesahan.qa_check_set(
            consultation=consultation,
            item=item,
            passed=passed,
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        if passed != was:  # say what changed and offer the way back (no silent toggle)
            template = (
                _("“%(item)s” ditandai terpenuhi.")
                if passed
                else _("Tanda terpenuhi “%(item)s” dibatalkan.")
            )
            messages.success(request, template % {"item": item.label})
            request.session[QA_UNDO] = {"consultation": pk, "item": item.pk, "passed": was}
    return redirect("consultation:manage", pk=pk)


@login_required
@require_POST
def pengesahan(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    if not has_permission(request.user, Permission.APPROVE_DOCUMENTS, consultation.region_code):
        raise Http404
    form = PengesahanForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Isi bentuk hukum, nomor dan tanggal pengesahan."))
        return redirect("consultation:manage", pk=pk)
    try:
        services_pengesahan.pengesahan_record(
            consultation=consultation, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("SSK disahkan; versi ini sekarang terkunci dan diumumkan."))
    return redirect("consultation:manage", pk=pk)
