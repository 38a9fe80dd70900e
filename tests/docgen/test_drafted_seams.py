"""Issue 20 across the seams of its three parts (analysis, outlines, public draft): with the
guides' outlines (combined bindings such as "tabel_5_1+tabel_5_2", Bab 3.5's pendanaan, the
MPS's Bab 3 per subsector, "(Tabel 5.1 pedoman)" captions) every section that prints a table
still gets drafted paragraphs, every outline of the demo kab/kota is complete without any
placeholder text, and every amount a paragraph states is the figure its table prints."""

from __future__ import annotations

import re

import pytest

from ppsp.docgen import selectors
from ppsp.docgen.analysis.edits import placeholders_in
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext, Table
from ppsp.docgen.models import SectionText
from ppsp.documents.models import MethodVersion
from tests.conftest import Cast, DemoWorld
from tests.docgen.documents_support import demo_documents

pytestmark = pytest.mark.django_db

RP = re.compile(r"^Rp (-?[\d.]+,\d) juta$")
# amounts a paragraph derives rather than reads (a sum over the years with a gap)
DERIVED = {"gaps#gap2#kurang"}


@pytest.fixture
def cast(demo: DemoWorld) -> Cast:
    """The database tests here read the demo, loaded once for the module (`module_demo`)."""
    return demo.cast


def _bound_without_paragraphs(context: DocContext) -> list[str]:
    return [
        s.number
        for s in context.sections
        if s.binding and any(isinstance(b, Table) for b in s.blocks) and not s.paragraphs
    ]


def test_it_drafts_every_section_with_a_table_in_every_outline(cast: Cast, demo: DemoWorld) -> None:
    assert not set(demo.failed) - {"load_monev_demo"}
    documents = demo_documents()
    for kind, version in documents.items():
        context = build_context(version)
        assert _bound_without_paragraphs(context) == [], kind
        states = selectors.completeness(version)
        assert selectors.document_complete(states), (kind, [s.section.number for s in states])
        assert [s.section.number for s in states if s.placeholders] == []
    ssk = {s.number: s for s in build_context(documents["SSK"]).sections}
    assert {p.key for p in ssk["3.5"].paragraphs} == {"pendanaan.kemampuan_daerah"}
    assert {"pendanaan.gap", "pendanaan.sumber"} <= {p.key for p in ssk["6.1"].paragraphs}
    mps = {s.number: s for s in build_context(documents["MPS"]).sections}
    for number in ("3.1", "3.2", "3.3", "3.4"):
        assert [p.key for p in mps[number].paragraphs] == ["program.subsektor"], number

    # the older guides' outlines, without a word of the Pokja's own text: still complete
    version = documents["SSK"]
    SectionText.objects.filter(version=version).delete()
    document = version.document
    for code in ("SSK-2017", "SSK-2016", "SSK-2015"):
        document.method_version = MethodVersion.objects.get(code=code)
        document.save(update_fields=["method_version"])
        context = build_context(version)
        assert _bound_without_paragraphs(context) == [], code
        states = selectors.completeness(version)
        assert [s.section.number for s in states if not s.complete] == [], code
        assert [placeholders_in(s.text) for s in context.sections if s.text] == [
            [] for s in context.sections if s.text
        ]


def _cells(context: DocContext) -> set[str]:
    return {cell for table in context.tables for row in table.rows for cell in row}


def test_it_states_every_amount_as_its_table_prints_it(cast: Cast, demo: DemoWorld) -> None:
    totals_of: dict[str, set[str]] = {}
    for kind, version in demo_documents().items():
        context = build_context(version)
        cells = _cells(context)
        stated = 0
        for section in context.sections:
            for paragraph in section.paragraphs:
                for source, text in (v for s in paragraph.sentences for v in s.values):
                    match = RP.match(text)
                    if match is None or source in DERIVED:
                        continue
                    amount = match.group(1)
                    assert amount in cells or f"-{amount}" in cells, (kind, section.number, text)
                    stated += 1
        assert stated >= (2 if kind == "BPS" else 10), kind
        # the five-year total: one figure in Tabel 5.1, the scenario, Tabel 5.2, Lampiran 4
        totals = {
            text
            for s in context.sections
            for p in s.paragraphs
            for sentence in p.sentences
            for source, text in sentence.values
            if source.split("#")[0] in ("need_a", "skenario", "tabel_5_2", "program_kegiatan")
            and source.endswith("#jumlah")
        }
        assert len(totals) <= 1, (kind, totals)
        totals_of[kind] = totals
    ssk = build_context(demo_documents()["SSK"])
    tabel_5_1 = next(t for t in ssk.tables if "(Tabel 5.1 pedoman)" in t.title)
    need = next(r for r in tabel_5_1.rows if r[1] == "Jumlah (a)")[-1]
    assert totals_of["SSK"] == totals_of["MPS"] == {f"Rp {need} juta"}
    for table in ssk.tables:  # every table with a total prints the same total
        if table.title.startswith(("Skenario terpilih", "Program, kegiatan", "Rekapitulasi")):
            assert need in {r[-1] for r in table.rows} | {r[-2] for r in table.rows}, table.title
