"""Public consultation pages (no login) and the Pokja's management, moderation, tanggapan
and pengesahan pages (login, scoped; out of scope answers 404)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.consultation import exports, qa, selectors, services, spam_models, throttle
from ppsp.consultation.diff import final_diff
from ppsp.consultation.forms import (
    BlockForm,
    CommentForm,
    ConsultationForm,
    MeetingForm,
    MeetingInputForm,
    ModerationForm,
    PengesahanForm,
    ResponseForm,
    fill_seconds,
    form_started_token,
)
from ppsp.consultation.models import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationState,
    QaItem,
    SpamModelVersion,
)
from ppsp.consultation.workflow import CONSULTATION_LABELS, consultation_available
from ppsp.core.client import client_address
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.documents.models import DocType, DocumentVersion, Status
from ppsp.documents.selectors import get_document_version_for_user, get_kabkota_for_user

THROTTLED = {
    "ip": (
        "Terlalu banyak komentar dari alamat Anda dalam waktu singkat. Tunggu {minutes} menit, "
        "lalu kirim lagi — tulisan Anda masih ada di formulir di bawah."
    ),
    "consultation": (
        "Konsultasi ini sedang menerima sangat banyak komentar. Tunggu {minutes} menit, lalu "
        "kirim lagi — tulisan Anda masih ada di formulir di bawah."
    ),
}


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- public -------------------------------------------------------------------------------


def public_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultation/public_index.html",
        {"consultations": selectors.published_consultations()},
    )


def _public_context(consultation: Consultation, form: CommentForm | None) -> dict[str, Any]:
    version = consultation.version
    return {
        "consultation": consultation,
        "version": version,
        "document": version.document,
        "paragraphs": selectors.paragraphs_with_comments(consultation),
        "general": selectors.public_comments(consultation).filter(paragraph__isnull=True),
        "tables": version.document.method_version.required_tables.all(),
        "filled": set(version.filled_tables.values_list("pk", flat=True)),
        "counts": selectors.moderation_counts(consultation),
        "accepting": services.accepting_comments(consultation),
        "form": form,
        "started": form_started_token(),
        "annex": selectors.tanggapan_rows(consultation),
        "pengesahan": getattr(consultation, "pengesahan", None)
        if consultation.state == ConsultationState.DISAHKAN
        else None,
        "meetings": selectors.meetings_of(consultation),
        # After pengesahan the page shows the approved text; comments stay in the annex.
        "final": services.split_paragraphs(version.summary)
        if consultation.state == ConsultationState.DISAHKAN
        else None,
    }


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_public_consultation(pk)
    initial = {}
    if request.GET.get("paragraf", "").isdigit():
        initial["paragraph"] = int(request.GET["paragraf"])
    context = _public_context(consultation, CommentForm(initial=initial))
    return render(request, "consultation/public_detail.html", context)


@require_POST
def public_comment(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_public_consultation(pk, light=True)
    form = CommentForm(request.POST)
    address = client_address(request)
    refusal = throttle.check(address, consultation.pk)
    if refusal is not None:
        form.is_valid()
        context = _public_context(consultation, form)
        context["throttled"] = THROTTLED[refusal.scope].format(
            minutes=max(1, -(-refusal.retry_after // 60))
        )
        response = render(request, "consultation/public_detail.html", context, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    if form.is_valid():
        data = form.cleaned_data
        seconds = fill_seconds(data["started"])
        try:
            comment = services.comment_submit(
                consultation=consultation,
                body=data["body"],
                paragraph_number=data["paragraph"],
                name=data["name"],
                organisation=data["organisation"],
                desa=data["desa"],
                contact=data["contact"],
                address=address,
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                honeypot=data["website"],
                fill_seconds=0.0 if seconds is None else seconds,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            return redirect("consultation:own_comment", token=comment.token)
    context = _public_context(consultation, form)
    return render(request, "consultation/public_detail.html", context, status=400)


def own_comment(request: HttpRequest, token: str) -> HttpResponse:
    """The commenter's own page: status of their comment and the Pokja's answer."""
    comment = get_object_or_404(
        Comment.objects.select_related("consultation", "paragraph", "response"), token=token
    )
    return render(request, "consultation/own_comment.html", {"comment": comment})


def public_matrix_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_public_consultation(pk)
    content = exports.matrix_xlsx(consultation, selectors.tanggapan_rows(consultation))
    response = HttpResponse(content, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="matriks-tanggapan-{consultation.pk}.xlsx"'
    )
    return response


# --- management ---------------------------------------------------------------------------


@login_required
def manage_kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = get_kabkota_for_user(request.user, code)
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
        "title": f"Konsultasi publik {version.document}",
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
            _errors(request, error)
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
    context = {
        "consultation": consultation,
        "version": consultation.version,
        "counts": selectors.moderation_counts(consultation),
        "actions": actions,
        "can_edit": can_edit,
        "can_moderate": has_permission(request.user, Permission.MODERATE_CONSULTATION, code),
        "can_approve": has_permission(request.user, Permission.APPROVE_DOCUMENTS, code),
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
        "qa": results,
        "problems": services.pengesahan_problems(consultation),
        "meetings": selectors.meetings_of(consultation),
        "meeting_form": MeetingForm(),
        "pengesahan_form": PengesahanForm(),
        "pengesahan": getattr(consultation, "pengesahan", None),
        "disahkan": consultation.state == ConsultationState.DISAHKAN,
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
        _errors(request, error)
    else:
        messages.success(request, _("Status konsultasi diperbarui."))
    return redirect("consultation:manage", pk=pk)


@login_required
def moderation(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, moderate=True)
    view = request.GET.get("tampil", "pending")
    context = {
        "consultation": consultation,
        "view": view,
        "comments": selectors.moderation_queue(consultation, view)[:500],
        "counts": selectors.moderation_counts(consultation),
        "suspected": consultation.comments.filter(
            status=CommentStatus.PENDING, suspected=True
        ).count(),
        "disahkan": consultation.state == ConsultationState.DISAHKAN,
        "can_retrain": has_permission(request.user, Permission.MANAGE_PROGRAMME),
    }
    return render(request, "consultation/moderation.html", context)


@login_required
@require_POST
def moderation_action(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, moderate=True)
    form = ModerationForm(request.POST)
    back = f"{request.POST.get('next') or ''}"
    if not form.is_valid():
        messages.error(request, _("Pilih komentar dan tindakan moderasi."))
    else:
        data = form.cleaned_data
        try:
            done = services.comments_moderate(
                consultation=consultation,
                ids=data["ids"],
                action=data["action"],
                reason=data["reason"],
                by=request.user,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(n)d komentar dimoderasi.") % {"n": done})
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("consultation:moderation", pk=pk)


@login_required
@require_POST
def sender_block(request: HttpRequest, pk: int) -> HttpResponse:
    comment = selectors.get_comment_for_user(request.user, pk)
    if not has_permission(
        request.user, Permission.MODERATE_CONSULTATION, comment.consultation.region_code
    ):
        raise Http404
    form = BlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih jenis blokir dan tuliskan alasannya."))
    else:
        try:
            services.sender_block(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(
                request, _("Pengirim diblokir; komentarnya yang menunggu ditandai spam.")
            )
    return redirect("consultation:moderation", pk=comment.consultation_id)


@login_required
@require_POST
def spam_retrain(request: HttpRequest) -> HttpResponse:
    """Retrain the spam classifier from the seed corpus and moderators' decisions (PMU)."""
    if not has_permission(request.user, Permission.MANAGE_PROGRAMME):
        raise Http404
    row = spam_models.spam_model_retrain(by=request.user)
    messages.success(
        request,
        _("Model spam versi %(n)d dilatih dan diaktifkan (%(k)d keputusan moderator).")
        % {"n": row.number, "k": row.trained_on.get("moderasi", 0)},
    )
    return redirect("consultation:spam_models")


@login_required
def spam_models_page(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, Permission.MANAGE_PROGRAMME):
        raise Http404
    return render(
        request,
        "consultation/spam_models.html",
        {
            "versions": SpamModelVersion.objects.all()[:50],
            "decisions": len(spam_models.moderated_corpus()),
        },
    )


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
        meeting = services.meeting_record(
            consultation=consultation,
            held_on=data["held_on"],
            place=data["place"],
            title=data["title"],
            minutes=data["minutes"],
            attendance=form.attendance(),
            by=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
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
                services.meeting_input_add(
                    meeting=meeting,
                    body=data["body"],
                    paragraph_number=data["paragraph"],
                    name=data["name"],
                    organisation=data["organisation"],
                    desa=data["desa"],
                    by=request.user,
                )
            except ValidationError as error:
                _errors(request, error)
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
def tanggapan(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, consultation.region_code)
    rows = []
    for comment in selectors.tanggapan_rows(consultation):
        response = getattr(comment, "response", None)
        initial = (
            {
                "decision": response.decision,
                "reason": response.reason,
                "section_changed": response.section_changed,
            }
            if response
            else None
        )
        rows.append((comment, response, ResponseForm(initial=initial, prefix=f"c{comment.pk}")))
    context = {
        "consultation": consultation,
        "rows": rows,
        "can_edit": can_edit and consultation.state != ConsultationState.DISAHKAN,
    }
    return render(request, "consultation/tanggapan.html", context)


@login_required
@require_POST
def response_set(request: HttpRequest, pk: int) -> HttpResponse:
    comment = selectors.get_comment_for_user(request.user, pk, write=True)
    form = ResponseForm(request.POST, prefix=f"c{comment.pk}")
    if not form.is_valid():
        messages.error(request, _("Isi keputusan dan tanggapan."))
    else:
        try:
            services.response_set(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Tanggapan tersimpan."))
    return redirect("consultation:tanggapan", pk=comment.consultation_id)


@login_required
def tanggapan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    content = exports.matrix_xlsx(consultation, selectors.tanggapan_rows(consultation))
    response = HttpResponse(content, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="matriks-tanggapan-{consultation.pk}.xlsx"'
    )
    return response


@login_required
def changes(request: HttpRequest, pk: int) -> HttpResponse:
    """The final text against the consulted draft, with the tanggapan that changed it."""
    consultation = selectors.get_consultation_for_user(request.user, pk)
    rows = final_diff(consultation)
    context = {
        "consultation": consultation,
        "rows": rows,
        "changed": sum(r.kind != "sama" for r in rows),
        "responses": selectors.tanggapan_rows(consultation)
        .filter(response__isnull=False)
        .exclude(response__decision="tidak"),
    }
    return render(request, "consultation/changes.html", context)


@login_required
@require_POST
def qa_set(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, write=True)
    item = get_object_or_404(QaItem, pk=request.POST.get("item", 0), active=True)
    try:
        services.qa_check_set(
            consultation=consultation,
            item=item,
            passed=request.POST.get("passed") == "1",
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
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
        services.pengesahan_record(consultation=consultation, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("SSK disahkan; versi ini sekarang terkunci dan diumumkan."))
    return redirect("consultation:manage", pk=pk)
