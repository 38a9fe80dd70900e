"""Login throttling: after too many failed attempts for one username from one address,
refuse further attempts for a while. Uses the shared cache (the database cache in
production, so all web processes see the same counts)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(request: HttpRequest, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{username.strip().lower()}|{address}".encode()).hexdigest()
    return f"login-failures:{digest[:32]}"


def is_locked(request: HttpRequest, username: str) -> bool:
    return int(cache.get(_key(request, username), 0)) >= MAX_FAILURES


def record_failure(request: HttpRequest, username: str) -> None:
    key = _key(request, username)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def clear(request: HttpRequest, username: str) -> None:
    cache.delete(_key(request, username))
