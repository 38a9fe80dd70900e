"""The demo SSK of 15.07 is complete (issue 9 acceptance): every section of the SSK 2017
outline has its data and a narrative, and the demo KKL passes its link checks."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from docx import Document as read_docx

from ppsp.audit.models import AuditEvent
from ppsp.compute.programme_rows import SwotFactor as PureFactor
from ppsp.compute.programme_rows import swot_position
from ppsp.demo.kkl import load_kkl_demo
from ppsp.demo.mps import load_mps_demo
from ppsp.docgen.context import build_context
from ppsp.docgen.fmt import MISSING
from ppsp.docgen.outlines import OUTLINES
from ppsp.docgen.render_docx import render_docx
from ppsp.mps.models import Plan
from ppsp.mps.selectors import current_plan, kkl_check
from tests.conftest import Cast
from tests.docgen.support import demo_ssk_version, load_all_demo

pytestmark = pytest.mark.django_db

NO_TEXT = "[Narasi bagian ini belum ditulis.]"
SUBSECTORS = ("air_limbah", "persampahan", "drainase")


def _docx_texts(data: bytes) -> list[str]:
    doc = read_docx(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    return texts + [c.text for t in doc.tables for row in t.rows for c in row.cells]


def test_it_writes_the_demo_ssk_with_data_and_narrative_in_every_section(cast: Cast) -> None:
    failed = load_all_demo()
    assert not set(failed) - {"load_monev_demo"}, failed  # monev data is not in the SSK
    version = demo_ssk_version()
    context = build_context(version)
    assert [s.number for s in context.sections] == [s.number for s in OUTLINES["SSK-2017"]]
    assert context.missing == []
    assert [s.number for s in context.sections if s.empty_text] == []
    assert [s.number for s in context.sections if "{" in s.text] == []  # placeholders filled
    bound = [s for s in context.sections if s.binding]
    assert all(any(type(b).__name__ == "Table" for b in s.blocks) for s in bound)

    texts = _docx_texts(render_docx(context))
    assert [t for t in texts if MISSING in t or NO_TEXT in t] == []
    assert any(t.startswith("Visi sanitasi Kabupaten Tanjung Jabung Timur adalah") for t in texts)

    plan = current_plan(version.document.region)
    assert plan is not None and kkl_check(plan) == []
    kkl = next(t for t in context.tables if t.title == "Matriks Kerangka Kerja Logis")
    assert len(kkl.rows) == plan.kkl_nodes.filter(level="strategi").count()
    listed = {k for row in kkl.rows for k in row[-1].split("; ") if k}
    assert listed == set(plan.rows.values_list("kegiatan", flat=True))
    sasaran = next(t for t in context.tables if t.title.startswith("Tujuan, sasaran"))
    assert sasaran.header[-5:] == [str(y) for y in plan.years]
    swot = next(t for t in context.tables if t.title == "Analisis SWOT")
    assert len(swot.rows) == plan.swot_factors.count() >= 4 * len(SUBSECTORS)


def test_it_links_every_demo_kegiatan_to_the_kkl_idempotently(regions: None) -> None:
    out = io.StringIO()
    load_mps_demo(out)  # no chosen scenario here: the illustrative cost lines
    load_kkl_demo(out)
    plan = Plan.objects.get(region__code="15.07")
    before = (plan.kkl_nodes.count(), plan.swot_factors.count(), AuditEvent.objects.count())
    load_mps_demo(out)
    load_kkl_demo(out)
    assert (plan.kkl_nodes.count(), plan.swot_factors.count(), AuditEvent.objects.count()) == (
        before
    )
    assert "KKL demo 15.07: dibuat" in out.getvalue() and "sudah ada" in out.getvalue()
    assert kkl_check(plan) == []
    assert not plan.rows.filter(strategi__isnull=True).exists()
    levels = set(plan.kkl_nodes.values_list("level", flat=True))
    assert levels == {"permasalahan", "isu", "tujuan", "sasaran", "strategi"}
    for subsector in SUBSECTORS:
        factors = list(plan.swot_factors.filter(subsector=subsector))
        assert {f.kind for f in factors} == {"S", "W", "O", "T"}
        assert sum(f.weight for f in factors if f.kind in "SW") == Decimal("1")
        assert sum(f.weight for f in factors if f.kind in "OT") == Decimal("1")
        position = swot_position(
            PureFactor(f.kind, float(f.weight), float(f.score)) for f in factors
        )
        assert position.quadrant in ("I", "II", "III", "IV")
