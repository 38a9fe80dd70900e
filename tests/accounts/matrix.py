"""Permission-matrix expectations for the password-reset pages (issue 21): public pages,
the same answer for every role (an invalid reset link shows its own message, 200)."""

from __future__ import annotations

from tests.matrix_support import Expect, Kwargs, everyone, no_kwargs

reset_link: Kwargs = lambda code: {"uidb64": "MA", "token": "tidak-berlaku"}  # noqa: E731

EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "accounts:password_reset": (no_kwargs, everyone(200)),
    "accounts:password_reset_done": (no_kwargs, everyone(200)),
    "accounts:password_reset_confirm": (reset_link, everyone(200)),
    "accounts:password_reset_complete": (no_kwargs, everyone(200)),
}
