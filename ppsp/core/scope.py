"""Which regions a user may see or change: the union of their active role assignments.

A user's scopes (one per permission) come from one query of their assignments, cached per
process under the user's `roles_token`, and are kept on the user object for the request.
Regions are matched by their denormalised ancestor codes, so a scope filter is one indexed
`IN` per level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import caches
from django.db.models import Q
from django.utils import timezone

from ppsp.accounts.models import RoleAssignment
from ppsp.core.permissions import ROLE_PERMISSIONS, Permission
from ppsp.regions.models import Level


@dataclass(frozen=True)
class Scope:
    national: bool = False
    provinces: frozenset[str] = field(default_factory=frozenset)
    kabkotas: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.national or self.provinces or self.kabkotas)

    def covers(self, code: str) -> bool:
        """True when the region with this Kemendagri code lies inside the scope."""
        return (
            self.national
            or code[:2] in self.provinces
            or (len(code) >= 5 and code[:5] in self.kabkotas)
        )

    def region_q(self, prefix: str = "") -> Q:
        """Q filtering Region rows (or rows with a FK `prefix` to Region) inside the scope."""
        if self.national:
            return Q()
        q = Q(pk__in=[])
        if self.provinces:
            q |= Q(**{f"{prefix}province_code__in": sorted(self.provinces)})
        if self.kabkotas:
            q |= Q(**{f"{prefix}kabkota_code__in": sorted(self.kabkotas)})
        return q

    def roots(self) -> list[str]:
        """Top-most region codes of the scope, for the home page and the navigator."""
        inside_province = {k for k in self.kabkotas if k[:2] in self.provinces}
        return sorted(self.provinces) + sorted(self.kabkotas - inside_province)


def _assignment_rows(user: Any) -> list[tuple[str, int | None, str | None, str | None]]:
    """(role, region level, code, kab/kota code) of the user's active assignments.

    Kept in the per-process cache under the user's `roles_token` (renewed by every
    assignment change, read with the user on each request) and today's date (assignments
    start and end by date), so a hit is as fresh as the query it saves."""
    day = timezone.localdate()
    key = f"role-scopes:{user.roles_token}:{day.isoformat()}" if user.roles_token else None
    rows = caches["local"].get(key) if key else None
    if rows is None:
        rows = list(
            RoleAssignment.objects.active(day)
            .filter(user=user)
            .order_by()  # the model's ordering joins the user table for nothing
            .values_list("role", "region__level", "region__code", "region__kabkota_code")
        )
        if key:
            caches["local"].set(key, rows, 3600)
    return rows


class _UserScopes:
    """A user's active assignments, read once per request, and the scopes derived so far."""

    def __init__(self, user: Any) -> None:
        self.rows: list[tuple[str, int | None, str | None, str | None]] = []
        if getattr(user, "is_authenticated", False) and user.is_active:
            self.rows = _assignment_rows(user)
        self.scopes: dict[Permission, Scope] = {}

    def get(self, permission: Permission) -> Scope:
        if permission not in self.scopes:
            self.scopes[permission] = self._compute(permission)
        return self.scopes[permission]

    def _compute(self, permission: Permission) -> Scope:
        national = False
        provinces: set[str] = set()
        kabkotas: set[str] = set()
        for role, level, code, kabkota_code in self.rows:
            if permission not in ROLE_PERMISSIONS.get(role, frozenset()):
                continue
            if level is None:
                national = True
            elif level == Level.PROVINSI:
                provinces.add(str(code))
            else:
                kabkotas.add(str(kabkota_code))
        return Scope(national, frozenset(provinces), frozenset(kabkotas))


def scope_for(user: Any, permission: Permission) -> Scope:
    """The regions `user` may reach with `permission` (one assignments query per request:
    a page asks for several permissions)."""
    scopes = user.__dict__.get("_ppsp_scopes")
    if scopes is None:
        scopes = user.__dict__["_ppsp_scopes"] = _UserScopes(user)
    return scopes.get(permission)  # type: ignore[no-any-return]


def has_permission(user: Any, permission: Permission, code: str | None = None) -> bool:
    scope = scope_for(user, permission)
    return not scope.empty if code is None else scope.covers(code)
