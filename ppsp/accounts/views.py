from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from ppsp.accounts.backends import demo_password_refused
from ppsp.accounts.lockout import retry_after_seconds
from ppsp.accounts.selectors import active_assignments
from ppsp.audit.models import Action
from ppsp.audit.services import audit_record


class LoginForm(AuthenticationForm):
    def get_invalid_login_error(self) -> ValidationError:
        if demo_password_refused(self.cleaned_data.get("password")):
            return ValidationError(
                _(
                    "Kata sandi akun demo tidak berlaku di luar mode demo. "
                    "Minta admin mengganti kata sandi akun ini, atau pakai 'Lupa kata sandi'."
                ),
                code="demo_password",
            )
        return super().get_invalid_login_error()


class LoginView(auth_views.LoginView):
    """Django's login; repeated failures are counted and locked out by django-axes
    (settings.AXES_*), which answers through `locked_out` below."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
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
    response = render(request, "accounts/login.html", context, status=429)
    response["Retry-After"] = str(retry_after_seconds(request))
    return response


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
