from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from ppsp.accounts.selectors import active_assignments
from ppsp.audit.models import Action
from ppsp.audit.services import audit_record


class LoginView(auth_views.LoginView):
    """Django's login; repeated failures are counted and locked out by django-axes
    (settings.AXES_*), which answers through `locked_out` below."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def locked_out(request: HttpRequest, credentials: dict[str, Any] | None = None) -> HttpResponse:
    """django-axes lockout response: the login page with the reason, HTTP 429."""
    # An unbound form: binding it would authenticate (and count a failure) once more.
    form = AuthenticationForm(request, initial={"username": request.POST.get("username", "")})
    message = _(
        "Terlalu banyak percobaan masuk yang gagal. "
        "Tunggu 15 menit lalu coba lagi, atau hubungi admin."
    )
    context = {"form": form, "lockout_message": message, "next": request.POST.get("next", "")}
    return render(request, "accounts/login.html", context, status=429)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        audit_record(actor=self.request.user, obj=form.user, action=Action.PASSWORD)
        messages.success(self.request, _("Kata sandi sudah diganti."))
        return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/profile.html", {"assignments": active_assignments(request.user)}
    )
