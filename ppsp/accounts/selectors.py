from __future__ import annotations

from typing import Any

from ppsp.accounts.models import RoleAssignment


def active_assignments(user: Any) -> list[RoleAssignment]:
    return list(
        RoleAssignment.objects.active().filter(user=user).select_related("region").order_by("role")
    )
