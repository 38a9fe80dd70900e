"""Permission expectations of Proses 4 and the MPS (issue 7 and its follow-up).

Objects come from the Lampiran 4 plan of the target's kab/kota code[:5]
(tests/mps/support.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)

if TYPE_CHECKING:
    from ppsp.mps.models import ProgrammeRow


def _plan(code: str) -> dict[str, object]:
    from tests.mps.support import plan_in

    return {"pk": plan_in(code[:5]).pk}


def _first_row(code: str) -> ProgrammeRow:
    from tests.mps.support import plan_in

    row = plan_in(code[:5]).rows.order_by("pk").first()
    assert row is not None
    return row


def _row(code: str) -> dict[str, object]:
    return {"pk": _first_row(code).pk}


def _year(code: str) -> dict[str, object]:
    return {**_plan(code), "year": 2027}


def _commitment(code: str) -> dict[str, object]:
    from ppsp.mps.models import FundingCommitment

    commitment = FundingCommitment.objects.create(
        row=_first_row(code), party="pemda", year=2026, amount=1
    )
    return {"pk": commitment.pk}


def _kkl_node(code: str) -> dict[str, object]:
    from ppsp.mps.models import KklNode
    from tests.mps.support import plan_in

    plan = plan_in(code[:5])
    node = KklNode.objects.create(plan=plan, level="permasalahan", text="Uji matriks")
    return {"pk": node.pk}


def _evidence(code: str) -> dict[str, object]:
    """A commitment with an evidence file (one small fixed file under MEDIA_ROOT, reused)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ppsp.mps.models import FundingCommitment

    name = "mps/bukti/matrix-uji.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.4 uji"))
    commitment = FundingCommitment.objects.create(
        row=_first_row(code), party="swasta", year=2026, amount=1, evidence_file=name
    )
    return {"pk": commitment.pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "mps:index": (no_kwargs, logged_in_only()),
    "mps:satker": (no_kwargs, logged_in_only()),
    "mps:kabkota": (by_kabkota, scoped(SEES)),
    "mps:generate": (by_kabkota, post_only),
    "mps:row_edit": (_row, scoped(EDITS)),
    "mps:row_move": (_row, post_only),
    "mps:row_duplicate": (_row, post_only),
    "mps:commitment_add": (_row, post_only),
    "mps:commitment_advance": (_commitment, post_only),
    "mps:commitment_evidence": (_evidence, scoped(SEES)),
    "mps:komitmen": (_plan, post_only),
    "mps:qa": (_plan, post_only),
    "mps:externalise": (_plan, post_only),
    "mps:swot": (_plan, scoped(SEES)),
    "mps:kkl": (_plan, scoped(SEES)),
    "mps:kkl_node": (_kkl_node, scoped(EDITS)),
    "mps:kkl_node_delete": (_kkl_node, post_only),
    "mps:scenario": (_plan, scoped(SEES)),
    "mps:scenario_align": (_plan, post_only),
    "mps:export": (_plan, scoped(SEES)),
    "mps:import": (_plan, scoped(EDITS)),
    "mps:import_commit": (_plan, post_only),
    "mps:table": (_year, scoped(SEES)),
    "mps:sign": (_year, post_only),
    "mps:table_export": (_year, scoped(SEES)),
}
