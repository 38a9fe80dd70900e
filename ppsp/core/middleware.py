"""Bahasa Indonesia first: the UI language comes from the user's explicit choice only.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an office PC
with an English browser would get English. Here the language is the cookie set by the
language switcher, else settings.LANGUAGE_CODE ("id").
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


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
