"""Registry of per-process prerequisites contributed by other apps (additive hook).

An app registers, from its ``AppConfig.ready()``, a callable for a process number; the
callable gets the process and returns the reasons (Bahasa Indonesia) why it may not be
signed off yet. ``process_transition`` adds them to the gate problems on sign-off. Example:
``ppsp.scenarios`` requires a chosen scenario with a justification for Proses 3.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any], list[str]]

_CHECKS: dict[int, list[Check]] = {}


def register(number: int, check: Check) -> None:
    """Add `check` to the prerequisites of Proses `number` (idempotent)."""
    checks = _CHECKS.setdefault(number, [])
    if check not in checks:
        checks.append(check)


def problems(process: Any) -> list[str]:
    """Reasons from every registered check for this process's number; empty when they hold."""
    return [p for check in _CHECKS.get(process.number, []) for p in check(process)]
