"""Login lockout (django-axes) with one limit per kind of count.

settings.AXES_LOCKOUT_PARAMETERS lists the counts: failures of one username from one
address, of one address across usernames (one address guessing many accounts) and of one
username across addresses (many addresses guessing one account). settings.LOCKOUT_LIMITS
gives each its own limit within the cool-off (AXES_COOLOFF_TIME). Axes compares a single
number with AXES_FAILURE_LIMIT, so `get_failures` reports that limit as soon as any count
reaches its own limit, and otherwise the largest count kept below it.

A successful login clears only the failures of that username from that address: an
attacker who owns one account cannot wipe the per-address count by logging in with it.
"""

from __future__ import annotations

import math
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


def _name(parameter: str | list[str]) -> str:
    return parameter if isinstance(parameter, str) else "+".join(parameter)


class LockoutHandler(AxesDatabaseHandler):  # type: ignore[misc]
    def failure_counts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> list[tuple[str, int, int]]:
        """(count name, failures within the cool-off, its limit) per lockout parameter."""
        base = int(get_failure_limit(request, credentials))
        limits: dict[str, int] = getattr(settings, "LOCKOUT_LIMITS", {})
        groups = get_lockout_parameters(request, credentials)
        attempts: list[QuerySet[Any]] = self.get_user_attempts(request, credentials)
        counts = []
        for group, queryset in zip(groups, attempts, strict=True):
            failures = queryset.aggregate(total=Sum("failures_since_start"))["total"] or 0
            counts.append((_name(group), int(failures), int(limits.get(_name(group), base))))
        return counts

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        base = int(get_failure_limit(request, credentials))
        counts = self.failure_counts(request, credentials)
        if any(failures >= limit for _name, failures, limit in counts):
            return base
        return min(max((failures for _n, failures, _l in counts), default=0), base - 1)

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return int(count)


def retry_after_seconds(request: HttpRequest) -> int:
    """Seconds until a locked client may try again: the cool-off, counted from now (every
    failure during a lockout restarts it)."""
    cool_off = get_cool_off(request)
    return max(1, math.ceil(cool_off.total_seconds())) if cool_off else 3600
