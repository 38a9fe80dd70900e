"""Which regions a user may see or change: the union of their active role assignments.

A scope is computed once per request and cached on the user object. Regions are matched
by their denormalised ancestor codes, so a scope filter is one indexed `IN` per level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

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


def scope_for(user: Any, permission: Permission) -> Scope:
    cache: dict[Permission, Scope] = user.__dict__.setdefault("_ppsp_scopes", {})
    if permission not in cache:
        cache[permission] = _compute_scope(user, permission)
    return cache[permission]


def _compute_scope(user: Any, permission: Permission) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    national = False
    provinces: set[str] = set()
    kabkotas: set[str] = set()
    assignments = RoleAssignment.objects.active().filter(user=user).select_related("region")
    for assignment in assignments:
        if permission not in ROLE_PERMISSIONS.get(assignment.role, frozenset()):
            continue
        region = assignment.region
        if region is None:
            national = True
        elif region.level == Level.PROVINSI:
            provinces.add(region.code)
        else:
            kabkotas.add(region.kabkota_code)
    return Scope(national, frozenset(provinces), frozenset(kabkotas))


def has_permission(user: Any, permission: Permission, code: str | None = None) -> bool:
    scope = scope_for(user, permission)
    return not scope.empty if code is None else scope.covers(code)
