"""Permission matrix of the Proses 4 URLs added after the first cut (issue 7 follow-up):
scenario re-check, KKL node edit/delete, commitment evidence. The first cut's URLs stay
in tests/test_permission_matrix.py."""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)


def _plan(code: str) -> dict[str, object]:
    from tests.mps_support import plan_in

    return {"pk": plan_in(code[:5]).pk}


def _kkl_node(code: str) -> dict[str, object]:
    from ppsp.mps.models import KklNode
    from tests.mps_support import plan_in

    plan = plan_in(code[:5])
    node = KklNode.objects.create(plan=plan, level="permasalahan", text="Uji matriks")
    return {"pk": node.pk}


def _evidence(code: str) -> dict[str, object]:
    """A commitment with an evidence file (one small fixed file under MEDIA_ROOT, reused)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ppsp.mps.models import FundingCommitment
    from tests.mps_support import plan_in

    name = "mps/bukti/matrix-uji.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.4 uji"))
    row = plan_in(code[:5]).rows.order_by("pk").first()
    commitment = FundingCommitment.objects.create(
        row=row, party="swasta", year=2026, amount=1, evidence_file=name
    )
    return {"pk": commitment.pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "mps:satker": (no_kwargs, logged_in_only()),
    "mps:scenario": (_plan, scoped(SEES)),
    "mps:scenario_align": (_plan, post_only),
    "mps:kkl_node": (_kkl_node, scoped(EDITS)),
    "mps:kkl_node_delete": (_kkl_node, post_only),
    "mps:commitment_evidence": (_evidence, scoped(SEES)),
}
