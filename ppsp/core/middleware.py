"""Request middleware: the chosen language, the Content-Security-Policy header and the
warning about an uncovered reverse proxy.

Bahasa Indonesia first: the UI language comes from the user's explicit choice only.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an office PC
with an English browser would get English. Here the language is the cookie set by the
language switcher, else settings.LANGUAGE_CODE ("id").
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

logger = logging.getLogger("ppsp.security")


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # Do not leak the language into whatever this thread runs next.
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(
            filter(None, [response.headers.get("Vary", ""), "Cookie"])
        )
        return response


class ContentSecurityPolicyMiddleware:
    """Sends settings.CONTENT_SECURITY_POLICY on every response (Django 5.2 has no built-in
    CSP). A view that needs another policy sets the header itself; it is kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response


class UntrustedProxyWarningMiddleware:
    """Warns once per process when a request arrives through a reverse proxy that
    PPSP_TRUSTED_PROXIES does not cover.

    With TRUSTED_PROXIES = 0 behind a proxy every client has the proxy's address, so the
    comment rate limits and the per-address login lockout treat all users as one (anyone
    could lock everyone out). A request with X-Forwarded-For but fewer entries than the
    trusted proxies is also a misconfiguration (the client address would be forged or the
    proxy's own). The warning names the setting and the header seen."""

    warned = False

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not UntrustedProxyWarningMiddleware.warned:
            self.check(request)
        return self.get_response(request)

    @classmethod
    def check(cls, request: HttpRequest) -> bool:
        """Log the warning (first time only); True when the request is not covered."""
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", "")).strip()
        if not forwarded:
            return False
        trusted = int(getattr(settings, "TRUSTED_PROXIES", 0) or 0)
        hops = len([a for a in forwarded.split(",") if a.strip()])
        if trusted > 0 and hops >= trusted:
            return False
        if not cls.warned:
            cls.warned = True
            logger.warning(
                "Request from %s arrived through a reverse proxy (X-Forwarded-For: %s) but "
                "PPSP_TRUSTED_PROXIES=%d does not cover it: login lockout and comment rate "
                "limits see the proxy's address for every user. Set PPSP_TRUSTED_PROXIES to "
                "the number of proxies in front of the app (docs/operations.md).",
                request.META.get("REMOTE_ADDR", "?"),
                forwarded[:200],
                trusted,
            )
        return True
