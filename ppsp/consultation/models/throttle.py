"""The counters of the public-comment rate limits (one row per subject and fixed window)."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """Posts counted in one fixed window for one subject (an address on a consultation, or
    a consultation). Incremented only by a conditional UPDATE (`count < limit`), so the
    limit holds exactly under concurrency on SQLite and PostgreSQL alike."""

    key = models.CharField(max_length=100, unique=True)  # "<subject>:<window index>"
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "penghitung batas kiriman"
        verbose_name_plural = "penghitung batas kiriman"

    def __str__(self) -> str:
        return f"{self.key} = {self.count}"
