"""The API token page: a signed-in user creates, replaces or revokes their own token."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from ppsp.accounts.models import User
from ppsp.audit.services import audit_record


@transaction.atomic
def api_token_create(*, by: User) -> Token:
    """Replace any existing token of `by` with a fresh one (audited, key not logged)."""
    Token.objects.filter(user=by).delete()
    token = Token.objects.create(user=by)
    audit_record(actor=by, obj=by, action="update", reason="token API dibuat")
    return token


@transaction.atomic
def api_token_revoke(*, by: User) -> bool:
    deleted, _count = Token.objects.filter(user=by).delete()
    if deleted:
        audit_record(actor=by, obj=by, action="update", reason="token API dicabut")
    return bool(deleted)


@login_required
@require_http_methods(["GET", "POST"])
def token_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            api_token_revoke(by=user)
            messages.success(request, _("Token API dicabut."))
        else:
            api_token_create(by=user)
            messages.success(request, _("Token API baru dibuat."))
        return redirect("api:token")
    token = Token.objects.filter(user=user).first()
    return render(request, "api/token.html", {"token": token})
