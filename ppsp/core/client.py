"""The client's network address, shared by login lockout (django-axes) and the public
comment rate limits, so both see the same address behind a reverse proxy."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind N trusted reverse proxies (TRUSTED_PROXIES = N) the N-th entry
    from the right of X-Forwarded-For, the one the outermost trusted proxy saw; entries
    further left can be forged by the client."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    chain = [a.strip() for a in forwarded.split(",") if a.strip()]
    return chain[-proxies] if len(chain) >= proxies else remote
