"""Start-up checks of the deployment settings (run by `manage.py check`, `migrate` and
`check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning


@register(Tags.security)
def trusted_proxies_cover_tls_proxy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Behind a TLS proxy (BEHIND_TLS_PROXY=1) that proxy is also the client address for
    every request unless PPSP_TRUSTED_PROXIES counts it: login lockout and comment rate
    limits would then treat all users as one. (At request time
    ppsp.core.middleware.UntrustedProxyWarningMiddleware logs the same once.)"""
    behind_proxy = bool(getattr(settings, "SECURE_PROXY_SSL_HEADER", None))
    if behind_proxy and int(getattr(settings, "TRUSTED_PROXIES", 0) or 0) <= 0:
        return [
            CheckWarning(
                "BEHIND_TLS_PROXY=1 but PPSP_TRUSTED_PROXIES=0: every request will seem to "
                "come from the proxy's address.",
                hint="Set PPSP_TRUSTED_PROXIES to the number of reverse proxies in front of "
                "the app (1 for nginx alone); see docs/operations.md.",
                id="ppsp.W001",
            )
        ]
    return []
