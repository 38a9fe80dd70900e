"""What each role may do (DESIGN.md §1). Scope (which regions) is in `scope.py`."""

from __future__ import annotations

from enum import StrEnum

from ppsp.accounts.models import Role


class Permission(StrEnum):
    VIEW_REGION = "view_region"
    EDIT_REGION_DATA = "edit_region_data"  # population and other per-desa data
    VIEW_AUDIT = "view_audit"


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.PMU: frozenset(Permission),
    Role.POKJA_PROVINSI: frozenset({Permission.VIEW_REGION, Permission.VIEW_AUDIT}),
    Role.PF: frozenset({Permission.VIEW_REGION, Permission.VIEW_AUDIT}),
    Role.CF: frozenset({Permission.VIEW_REGION, Permission.VIEW_AUDIT}),
    Role.POKJA_KABKOTA: frozenset(
        {Permission.VIEW_REGION, Permission.EDIT_REGION_DATA, Permission.VIEW_AUDIT}
    ),
    Role.KEPALA_DAERAH: frozenset({Permission.VIEW_REGION, Permission.VIEW_AUDIT}),
    Role.PUBLIC: frozenset(),
}
