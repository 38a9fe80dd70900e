"""Rate limits for public comments, counted atomically in the database.

Fixed windows: one `RateCounter` row per (subject, window index). A post is counted by a
conditional `UPDATE ... SET count = count + 1 WHERE key = ? AND count < limit`: concurrent
posts serialise on the row (PostgreSQL re-checks the condition after a concurrent update
commits; SQLite has one writer at a time), so exactly `limit` posts pass per window, never
more (issue 21 item 9: 20 concurrent posts with a limit of 10 let 14 through before).

Two limits, from settings (CONSULTATION_RATE_PER_IP / CONSULTATION_RATE_PER_CONSULTATION:
(count, seconds)):

- per address on a consultation: over it, the post is refused (429 with Retry-After);
- per consultation: over it (a flood from many addresses), the post is still accepted but
  held for moderation with a notice, so a flood cannot close the consultation to genuine
  new voices for the rest of the window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F

from ppsp.consultation.models import RateCounter

DEFAULT_PER_IP = (10, 600)
DEFAULT_PER_CONSULTATION = (300, 600)


@dataclass(frozen=True)
class Refusal:
    scope: str  # "ip"
    retry_after: int  # seconds


@dataclass(frozen=True)
class Admission:
    """What the limits decide for one post: refused (429), or accepted and maybe held."""

    refusal: Refusal | None = None
    flood: bool = False  # the consultation is over its rate: hold the comment for moderation


def _limit(name: str, default: tuple[int, int]) -> tuple[int, int]:
    value = getattr(settings, name, None)
    return (int(value[0]), int(value[1])) if value else default


def take(subject: str, limit: int, window: int, now: float) -> bool:
    """Count one event of `subject` in the current window if fewer than `limit` were
    counted; False (nothing counted) when the window is full. Atomic."""
    if limit <= 0:
        return False
    index = int(now // window)
    key = f"{subject}:{index}"
    counted = RateCounter.objects.filter(key=key, count__lt=limit)
    if counted.update(count=F("count") + 1):
        return True
    # no row yet for this window (or a full one): create it if missing (INSERT ... ON
    # CONFLICT DO NOTHING on both databases, so concurrent first posts do not collide),
    # forget windows that are over, and count again against the row
    expires = dt.datetime.fromtimestamp((index + 1) * window, tz=dt.UTC)
    RateCounter.objects.bulk_create(
        [RateCounter(key=key, count=0, expires_at=expires)], ignore_conflicts=True
    )
    RateCounter.objects.filter(expires_at__lt=dt.datetime.fromtimestamp(now, tz=dt.UTC)).delete()
    return bool(counted.update(count=F("count") + 1))


def admit(address: str, consultation_id: int, *, now: float | None = None) -> Admission:
    """Count one post from `address` on the consultation and decide what happens to it."""
    moment = time.time() if now is None else now
    per_ip, ip_window = _limit("CONSULTATION_RATE_PER_IP", DEFAULT_PER_IP)
    per_c, c_window = _limit("CONSULTATION_RATE_PER_CONSULTATION", DEFAULT_PER_CONSULTATION)
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    if not take(f"ip:{consultation_id}:{digest}", per_ip, ip_window, moment):
        return Admission(refusal=Refusal("ip", int(ip_window - moment % ip_window) + 1))
    return Admission(flood=not take(f"c:{consultation_id}", per_c, c_window, moment))
