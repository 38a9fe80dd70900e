"""Public consultation pages: no login; drafts and out-of-range pages answer 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ppsp.consultation import exports, sections, selectors, services, throttle
from ppsp.consultation.forms import (
    CommentForm,
    fill_seconds,
    form_started_token,
)
from ppsp.consultation.models import (
    Comment,
    Consultation,
    ConsultationState,
)
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import draft as services_draft
from ppsp.core.client import client_address
from ppsp.core.files import file_response

THROTTLED = {
    "ip": gettext_lazy(
        "Terlalu banyak komentar dari alamat Anda dalam waktu singkat. Tunggu %(minutes)d "
        "menit, lalu kirim lagi — tulisan Anda masih ada di formulir di bawah."
    ),
}


def public_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultation/public_index.html",
        {"consultations": selectors.published_consultations()},
    )


def _public_context(
    consultation: Consultation, form: CommentForm | None, wanted: str = ""
) -> dict[str, Any]:
    version = consultation.version
    outline = sections.outline_choices(consultation)
    wanted = wanted if wanted in dict(outline) else ""
    closed = consultation.state in (ConsultationState.CLOSED, ConsultationState.DISAHKAN)
    return {
        # After pengesahan the approved files replace the draft (docgen:public_files).
        "draft": services_draft.draft_file(consultation)
        if consultation.state != ConsultationState.DISAHKAN
        else None,
        "outline": outline,
        "wanted": wanted,
        # After the consultation closes: which comments changed which section of the final.
        "by_section": selectors.changes_by_section(consultation) if closed else None,
        "consultation": consultation,
        "version": version,
        "document": version.document,
        "paragraphs": selectors.paragraphs_with_comments(consultation),
        "general": selectors.public_comments(consultation).filter(paragraph__isnull=True),
        "tables": version.document.method_version.required_tables.all(),
        "filled": set(version.filled_tables.values_list("pk", flat=True)),
        "counts": selectors.moderation_counts(consultation),
        "accepting": services_comments.accepting_comments(consultation),
        "form": form,
        "started": form_started_token(),
        "annex": selectors.tanggapan_rows(consultation, section=wanted),
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
    initial: dict[str, Any] = {}
    if request.GET.get("paragraf", "").isdigit():
        initial["paragraph"] = int(request.GET["paragraf"])
    outline = sections.outline_choices(consultation)
    form = CommentForm(initial=initial, sections=outline)
    context = _public_context(consultation, form, request.GET.get("bagian", ""))
    return render(request, "consultation/public_detail.html", context)


@require_POST
def public_comment(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_public_consultation(pk, light=True)
    form = CommentForm(request.POST, sections=sections.outline_choices(consultation))
    address = client_address(request)
    admission = throttle.admit(address, consultation.pk)
    refusal = admission.refusal
    if refusal is not None:
        form.is_valid()
        context = _public_context(consultation, form)
        context["throttled"] = THROTTLED[refusal.scope] % {
            "minutes": max(1, -(-refusal.retry_after // 60))
        }
        response = render(request, "consultation/public_detail.html", context, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    if form.is_valid():
        data = form.cleaned_data
        seconds = fill_seconds(data["started"])
        try:
            comment = services_comments.comment_submit(
                consultation=consultation,
                body=data["body"],
                paragraph_number=data["paragraph"],
                section=data["section"],
                page=data["page"],
                name=data["name"],
                organisation=data["organisation"],
                desa=data["desa"],
                contact=data["contact"],
                address=address,
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
                honeypot=data["website"],
                fill_seconds=0.0 if seconds is None else seconds,
                flood=admission.flood,
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
    outline = dict(sections.outline_choices(consultation))
    wanted = request.GET.get("bagian", "")
    content = exports.matrix_xlsx(
        consultation,
        selectors.tanggapan_rows(consultation, section=wanted if wanted in outline else ""),
        selectors.changes_by_section(consultation),
    )
    response = HttpResponse(content, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="matriks-tanggapan-{consultation.pk}.xlsx"'
    )
    return response


def public_signed_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The signed pengesahan file of a published consultation (public like its page)."""
    consultation = selectors.get_public_consultation(pk, light=True)
    pengesahan = getattr(consultation, "pengesahan", None)
    if pengesahan is None or not pengesahan.signed_file:
        raise Http404
    return file_response(pengesahan.signed_file)
