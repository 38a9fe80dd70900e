"""Writes: versions of the unit-cost tables (PMU)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.scenarios.models import UnitCostTable


@transaction.atomic
def unit_cost_table_copy(
    *, table: UnitCostTable, code: str, name: str, year: int, by: Any
) -> UnitCostTable:
    """A new version of a unit-cost table (PMU): same items, to be edited in the admin."""
    if by is not None and not has_permission(by, Permission.MANAGE_UNIT_COSTS):
        raise PermissionDenied("Hanya PMU yang dapat menerbitkan versi harga satuan.")
    if UnitCostTable.objects.filter(code=code).exists():
        raise ValidationError({"code": f"Kode {code} sudah dipakai."})
    items = list(table.items.all())
    copy = UnitCostTable.objects.create(
        code=code,
        name=name,
        year=year,
        source=f"Turunan dari {table.code}",
        based_on=table,
        share_studi_desain=table.share_studi_desain,
        share_advokasi=table.share_advokasi,
        share_penyiapan_lahan=table.share_penyiapan_lahan,
        risk_weights=table.risk_weights,
    )
    for item in items:
        item.pk = None
        item.table = copy
        item.save()
    audit_record(actor=by, obj=copy, action=Action.CREATE, reason=f"Turunan dari {table.code}")
    return copy
