"""Edits of the Kerangka Kerja Logis tree: change a node's text, indicator, baseline and
targets, and delete a leaf. A node with children or with linked kegiatan is not deleted:
the Pokja first removes or relinks what hangs under it. Atomic, audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.mps.models import KklNode
from ppsp.mps.services import require

EDITABLE = ("subsector", "text", "indicator", "baseline_value", "baseline_year", "targets")


@transaction.atomic
def kkl_node_update(*, node: KklNode, by: Any, **values: Any) -> KklNode:
    """Change the editable fields of a node; its level and place in the tree stay."""
    code = node.plan.region.code
    require(by, Permission.EDIT_MPS, code)
    ensure_not_frozen(node)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Kolom tidak dapat diubah: {', '.join(sorted(unknown))}.")
    stored = KklNode.objects.get(pk=node.pk)  # a form may have set it
    with audited_update(node, EDITABLE, actor=by, stored=stored, region_code=code):
        for field, value in values.items():
            setattr(node, field, value)
        node.full_clean()
        node.save()
    return node


def kkl_delete_blockers(node: KklNode) -> list[str]:
    """Why the node cannot be deleted now (empty: it can)."""
    blockers = []
    children = node.children.count()
    if children:
        blockers.append(
            f"'{node.text}' masih memiliki {children} simpul di bawahnya; hapus atau "
            "pindahkan simpul tersebut lebih dulu."
        )
    rows = node.rows.count()
    if rows:
        blockers.append(
            f"'{node.text}' masih terhubung ke {rows} kegiatan Lampiran 4; hubungkan kegiatan "
            "itu ke strategi lain lebih dulu."
        )
    return blockers


@transaction.atomic
def kkl_node_delete(*, node: KklNode, by: Any) -> None:
    code = node.plan.region.code
    require(by, Permission.EDIT_MPS, code)
    node = KklNode.objects.select_for_update().get(pk=node.pk)
    ensure_not_frozen(node)
    blockers = kkl_delete_blockers(node)
    if blockers:
        raise ValidationError(blockers)
    audit_record(
        actor=by,
        obj=node,
        action=Action.DELETE,
        region_code=code,
        changes=[
            {"field": "level", "old": node.level, "new": None},
            {"field": "text", "old": node.text, "new": None},
        ],
    )
    node.delete()
