"""Moderation of public comments, sender blocks and the spam model (login, scoped; out of
scope answers 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.consultation import selectors, spam_models
from ppsp.consultation.forms import (
    BlockForm,
    ModerationForm,
)
from ppsp.consultation.models import (
    CommentStatus,
    ConsultationState,
    SpamModelVersion,
)
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.views.manage import flash_errors
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission


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
            done = services_moderation.comments_moderate(
                consultation=consultation,
                ids=data["ids"],
                action=data["action"],
                reason=data["reason"],
                by=request.user,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            flash_errors(request, error)
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
            services_moderation.sender_block(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            flash_errors(request, error)
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
