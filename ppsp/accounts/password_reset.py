"""Password reset by e-mail: Django's auth views with Indonesian templates.

The e-mail goes through settings.EMAIL_BACKEND (the console in demo mode, SMTP from the
environment in production). Requests are limited per client address so the form cannot be
used to flood someone's mailbox; the answer never says whether an address is registered.
Setting a new password is audited and clears that username's login lockout.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core.client import client_address


def _within_rate(address: str) -> bool:
    """At most PASSWORD_RESET_RATE = (count, seconds) requests per address."""
    count, seconds = getattr(settings, "PASSWORD_RESET_RATE", (5, 3600))
    key = f"ppsp:password-reset:{address}"
    cache.add(key, 0, seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        used = 1
    return used <= count


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not _within_rate(client_address(self.request)):
            form.add_error(
                None, _("Terlalu banyak permintaan atur ulang kata sandi. Coba lagi nanti.")
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm[Any]) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        audit_record(actor=user, obj=user, action=Action.PASSWORD, reason="atur ulang lewat e-mail")
        AxesProxyHandler.reset_attempts(username=user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
