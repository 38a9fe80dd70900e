"""The demo SSK, BPS and MPS rendered as PDF and DOCX, read back as a reader would (issue 20,
outlines and typesetting): chapters in the outline's order, no placeholder text in the
complete SSK, no word broken inside a table cell (from the PDF text layer), a source line
under every table and figure, wide tables on landscape pages, a tagged PDF, DOCX core
properties, a real TOC field and headings with outline levels. Pages go to PNG under
test-artifacts/docgen/ for looking at."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn
from weasyprint import HTML

from ppsp.docgen import selectors
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext, Figure, SectionContext, Table
from ppsp.docgen.fmt import MISSING
from ppsp.docgen.render_docx import NO_TEXT, render_docx
from ppsp.docgen.render_pdf import html_of, render_pdf
from ppsp.docgen.sources import attach_sources
from tests.conftest import Cast, DemoWorld
from tests.docgen.documents_support import (
    demo_documents,
    pdf_metadata,
    pdf_page_sizes,
    pdf_pages_text,
    pdf_pngs,
    pdf_structure,
    pdf_words,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "docgen"
LETTERS = re.compile(r"[A-Za-zÀ-ÿ]+")


@pytest.fixture
def cast(demo: DemoWorld) -> Cast:
    """The database tests here read the demo, loaded once for the module (`module_demo`)."""
    return demo.cast


def _flat(text: str) -> str:
    return " ".join(text.split())


def _vocabulary(html: str) -> set[str]:
    return {w.lower() for w in LETTERS.findall(re.sub(r"<[^>]+>", " ", html))}


def broken_words(pdf: bytes, html: str) -> list[tuple[int, str]]:
    """Words of the PDF text layer that are no word of the document's text: the pieces of
    a word broken across lines ("Pengembanga" / "n")."""
    vocabulary = _vocabulary(html)
    out = []
    for page, word in pdf_words(pdf):
        for piece in LETTERS.findall(word):
            if piece.lower() not in vocabulary:
                out.append((page, word))
    return out


def test_it_finds_a_word_broken_inside_a_narrow_cell() -> None:
    html = (
        '<html lang="id"><body><table style="width: 2.2cm; font-size: 10pt"><tr>'
        '<td style="overflow-wrap: anywhere">Pengembangan sanitasi</td></tr></table></body></html>'
    )
    pdf = HTML(string=html).write_pdf()
    assert broken_words(pdf, html)  # the checker sees what the issue saw


def test_it_moves_note_sources_and_gives_figures_their_tables_source() -> None:
    table = Table("IRS", ["A"], [["1"]], note="Sumber: studi EHRA 2026.")
    other = Table("KKL", ["A"], [["1"]])
    figure = Figure("Rata-rata", "irs", {})
    sections = [
        SectionContext("2.3", "2.3", 2, "irs", "", [table, figure]),
        SectionContext("5", "Bab V", 1, "kkl_matrix", "", [other]),
        SectionContext("9", "Bab IX", 1, "tidak_dikenal", "", [Table("X", ["A"], [])]),
    ]
    attach_sources(sections, {"kabkota": "Kota Contoh", "periode": "2027–2031"})
    assert (table.source, table.note) == ("studi EHRA 2026.", "")
    assert figure.source == "studi EHRA 2026."
    assert other.source == "Kerangka Kerja Logis Pokja Sanitasi Kota Contoh, 2027–2031"
    assert sections[2].blocks[0].source_line.startswith("Sumber: tidak tercatat")  # type: ignore[union-attr]


def _check_pdf(kind: str, ctx: DocContext, pdf: bytes) -> None:
    pages = pdf_pages_text(pdf)
    body_pages = [p for p in pages if "Halaman" in p]  # the front matter counts i, ii, …
    front = _flat(" ".join(pages[: len(pages) - len(body_pages)]))
    body = _flat(" ".join(body_pages))
    assert "Daftar Isi" in front and "Daftar Tabel" in front and "Daftar Gambar" in front
    # chapters and sections in the outline's order, in the contents and in the body
    for text in (front, body):
        position = -1
        for section in ctx.sections:
            found = text.find(_flat(section.heading), position + 1)
            assert found > position, (kind, section.heading)
            position = found
    # every table and figure: its caption in the lists and in the body, a source line under it
    for block in [*ctx.tables, *ctx.figures]:
        caption = _flat(block.caption)
        assert caption in front, (kind, caption)
        at = body.find(caption)
        assert at >= 0, (kind, caption)
        assert _flat(block.source_line) in body[at:], (kind, caption)
    assert body.count("Sumber: ") >= len(ctx.tables) + len(ctx.figures)
    # running header with kab/kota and version, page numbers
    assert all(ctx.kabkota in p and f"Versi {ctx.version}" in p for p in pages[1:]), kind
    assert [int(re.findall(r"Halaman (\d+)", p)[0]) for p in body_pages] == list(
        range(1, len(body_pages) + 1)
    )
    # no word broken inside a cell (nor anywhere else in the text layer)
    assert broken_words(pdf, html_of(ctx)) == [], kind


@pytest.mark.django_db
def test_it_typesets_the_demo_documents_as_pdf(cast: Cast, demo: DemoWorld) -> None:
    assert not set(demo.failed) - {"load_monev_demo"}
    for kind, version in demo_documents().items():
        ctx = build_context(version)
        pdf = render_pdf(ctx)
        meta = pdf_metadata(pdf)  # PDF/A-2a: archival and tagged, with title and author
        assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="A"' in meta
        assert f"Pokja Sanitasi {ctx.kabkota}" in meta and ctx.full_title in meta
        structure = pdf_structure(pdf)  # the tags: headings and tables
        assert structure.count("H1") >= len([s for s in ctx.sections if s.level == 1])
        assert structure.count("Table") >= len(ctx.tables), kind
        _check_pdf(kind, ctx, pdf)
        pages = pdf_pages_text(pdf)
        wide = [t for t in ctx.tables if t.wide]
        # every demo document is complete (selectors.document_complete): no placeholder
        assert selectors.document_complete(selectors.completeness(version)), kind
        text = _flat(" ".join(pages))
        assert NO_TEXT not in text and MISSING not in text and "{" not in text, kind
        if kind in ("SSK", "MPS"):
            assert "Tabel 5.1 pedoman" in text and wide  # Tabel 5.1, Lampiran 4, KKL
        sizes = pdf_page_sizes(pdf)
        assert len(sizes) == len(pages)
        landscape = [k for k, (w, h) in enumerate(sizes) if w > h]
        assert bool(landscape) == bool(wide), kind
        for table in wide:  # each wide table's caption is on a landscape page
            assert any(_flat(table.caption)[:60] in _flat(pages[k]) for k in landscape)
        # the cover, a chapter opening, the first landscape (table) page and the last one
        opening = next(k for k, p in enumerate(pages) if "Bab II " in p and k > 2)
        shown = (1, opening + 1, landscape[0] + 1, len(pages) - 1)
        for png in pdf_pngs(pdf, ARTIFACTS, kind, shown):
            assert png.stat().st_size > 1000


@pytest.mark.django_db
def test_it_writes_docx_with_properties_toc_field_and_outline_levels(
    cast: Cast, demo: DemoWorld
) -> None:
    for kind, version in demo_documents().items():
        ctx = build_context(version)
        data = render_docx(ctx)
        doc = read_docx(io.BytesIO(data))
        props = doc.core_properties
        assert props.title == f"{ctx.full_title} {ctx.period}" and ctx.kabkota in props.title
        assert props.author == f"Pokja Sanitasi {ctx.kabkota}"
        assert ctx.period in props.subject and props.created is not None
        body = doc.element.body
        instructions = [e.text.strip() for e in body.iter(qn("w:instrText"))]
        assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
        assert 'TOC \\h \\z \\t "Judul Tabel,1"' in instructions
        headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading")]
        assert [p.text for p in headings] == [s.heading for s in ctx.sections], kind
        for paragraph in headings:
            ppr = paragraph.style.element.find(qn("w:pPr"))
            level = ppr.find(qn("w:outlineLvl"))
            assert int(level.get(qn("w:val"))) == int(paragraph.style.name[-1]) - 1
        sources = [p.text for p in doc.paragraphs if p.style.name == "Sumber Data"]
        sources = [s for s in sources if s.startswith("Sumber: ")]
        assert len(sources) == len(ctx.tables) + len(ctx.figures), kind
        captions = [p.text for p in doc.paragraphs if p.style.name.startswith("Judul ")]
        assert captions == [
            b.caption for s in ctx.sections for b in s.blocks if hasattr(b, "caption")
        ]
        orientations = {s.orientation for s in doc.sections}
        assert len(orientations) == (2 if any(t.wide for t in ctx.tables) else 1), kind
        if kind == "SSK":
            texts = [p.text for p in doc.paragraphs]
            assert not [t for t in texts if NO_TEXT in t or MISSING in t]
