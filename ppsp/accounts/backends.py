"""Authentication outside demo mode refuses the published demo password.

`make run` (PPSP_DEMO=1) creates demo accounts (pmu, cf.tanjabtim, ...) whose password is
printed in the terminal and written in the repository. If that database is later served
with PPSP_DEMO=0, those accounts must not open: this backend refuses the demo password for
every account outside demo mode (the failure is counted by django-axes like any other),
and the validator below keeps anyone from choosing it as a new password.
"""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from ppsp.demo.data import DEMO_PASSWORD


def is_demo_password(password: str | None) -> bool:
    return password is not None and hmac.compare_digest(
        password.encode("utf-8", "surrogatepass"), DEMO_PASSWORD.encode()
    )


def demo_password_refused(password: str | None) -> bool:
    """True when this password may not be used here (not demo mode, demo password)."""
    return not settings.DEMO_MODE and is_demo_password(password)


class ModelBackend(DjangoModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if demo_password_refused(password):
            # Django's own timing defence: hash once, as for an unknown user.
            get_user_model()().set_password(password)
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class NotDemoPasswordValidator:
    """Password validator: the demo password is public, so nobody may choose it."""

    def validate(self, password: str, user: Any = None) -> None:
        if is_demo_password(password):
            raise ValidationError(
                _("Kata sandi ini adalah kata sandi demo yang diketahui umum."),
                code="password_demo",
            )

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh sama dengan kata sandi akun demo.")
