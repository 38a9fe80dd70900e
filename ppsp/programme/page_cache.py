"""Whole programme pages (base.html included) rendered once per data stamp and process
(issue 21 item 11).

The national/provincial dashboards and the kab/kota page are the same for every user with
the same rights on them, except for the signed-in user's name, id and CSRF token. Rendering
base.html around an already cached body still cost about half of a request's CPU (Django
walks the parent template's nodes on every render), so the page is rendered once with
placeholders for those three values, kept in the per-process `local` cache under a key the
caller builds from the area, the rights that shape the page and the data stamp (see
ppsp.programme.summary), and the real values are put in per request (also into the slots of
a cached fragment inside it).

The key also carries the language, the staff flag (the menu shows "Administrasi" to staff)
and the full path with its query (the language form sends the user back to it). A request
with flash messages waiting is rendered normally, so the messages are shown once.
Callers decide who may share a page: only users whose scope covers the whole area (the
dashboards) or who hold the same rights on the kab/kota (the kab/kota page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language

CSRF_SLOT = "@@csrf-token@@"
USER_SLOT = "@@user-name@@"
PK_SLOT = "@@user-pk@@"
PAGE_SECONDS = 120  # two summary buckets; the key changes with the stamp anyway


class SlotUser:
    """Stands in for the signed-in user while the shared page is rendered."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    pk = id = PK_SLOT

    def __init__(self, is_staff: bool) -> None:
        self.is_staff = is_staff

    def __str__(self) -> str:
        return USER_SLOT


def page_key(request: HttpRequest, key: str) -> str:
    user: Any = request.user
    return (
        f"programme-page:{key}:{get_language()}:{int(bool(user.is_staff))}:"
        f"{request.get_full_path()}"
    )


def fill(html: str, request: HttpRequest) -> str:
    """The shared page with this request's user and CSRF token in its slots."""
    user: Any = request.user
    return (
        html.replace(CSRF_SLOT, get_token(request))
        .replace(USER_SLOT, escape(str(user)))
        .replace(PK_SLOT, str(user.pk))
    )


def cached_page(
    request: HttpRequest, key: str, template: str, context: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """The page of `template` shared under `key` (see the module docstring); `context` is
    called only when the page has to be rendered."""
    if len(get_messages(request)):
        # rendered for this request; a cached body inside may still hold the CSRF slot
        return HttpResponse(fill(render_to_string(template, context(), request=request), request))
    full_key = page_key(request, key)
    html: str | None = caches["local"].get(full_key)
    if html is None:
        user: Any = request.user
        shared = {**context(), "user": SlotUser(bool(user.is_staff)), "csrf_token": CSRF_SLOT}
        html = render_to_string(template, shared, request=request)
        caches["local"].set(full_key, html, PAGE_SECONDS)
    return HttpResponse(fill(html, request))
