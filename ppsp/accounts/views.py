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

from ppsp.accounts import throttle
from ppsp.accounts.selectors import active_assignments
from ppsp.audit.models import Action
from ppsp.audit.services import audit_record


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.is_locked(request, username):
            form = self.get_form()
            form.add_error(
                None,
                _(
                    "Terlalu banyak percobaan masuk yang gagal. "
                    "Tunggu 15 menit lalu coba lagi, atau hubungi admin."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.clear(self.request, form.get_user().get_username())
        return super().form_valid(form)


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
