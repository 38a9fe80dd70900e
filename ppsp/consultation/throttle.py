"""Rate limits for public comments, on the shared cache (all web processes see one count).

Fixed windows: a key per (subject, window index) that expires with its window. Limits come
from settings (CONSULTATION_RATE_PER_IP / CONSULTATION_RATE_PER_CONSULTATION: (count,
seconds)). The database cache's incr is read-then-write, so under heavy concurrency a few
posts more than the limit may pass; the limit still holds to within the concurrency.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

DEFAULT_PER_IP = (10, 600)
DEFAULT_PER_CONSULTATION = (300, 600)


@dataclass(frozen=True)
class Refusal:
    scope: str  # "ip" | "consultation"
    retry_after: int  # seconds


def _limit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    value = getattr(settings, name, None)
    return (int(value[0]), int(value[1])) if value else default


def _count(subject: str, window: int, now: float) -> int:
    key = f"comment-rate:{subject}:{int(now // window)}"
    if cache.add(key, 1, window + 5):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 5)
        return 1


def check(address: str, consultation_id: int, *, now: float | None = None) -> Refusal | None:
    """Count one post; a Refusal when the address or the consultation is over its limit."""
    moment = time.time() if now is None else now
    per_ip, ip_window = _limit("CONSULTATION_RATE_PER_IP", DEFAULT_PER_IP)
    per_c, c_window = _limit("CONSULTATION_RATE_PER_CONSULTATION", DEFAULT_PER_CONSULTATION)
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    if _count(f"ip:{consultation_id}:{digest}", ip_window, moment) > per_ip:
        return Refusal("ip", int(ip_window - moment % ip_window) + 1)
    if _count(f"c:{consultation_id}", c_window, moment) > per_c:
        return Refusal("consultation", int(c_window - moment % c_window) + 1)
    return None
