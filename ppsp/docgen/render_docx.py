"""DOCX from the document context (python-docx), typeset like the PDF.

Cover; table of contents, list of tables and list of figures as real Word fields (TOC
\\o "1-3" for the built-in Heading styles, which carry outline levels so the navigation pane
works; TOC \\t on the caption styles for the lists), with the captions as their shown result
until Word updates them; numbered tables and figures, each followed by its source line;
running header (kab/kota, document, period, version) and page numbers; wide tables in a
landscape section; core properties (title, author = Pokja Sanitasi <kab/kota>, subject,
created). Indonesian number format is already in the cells; numbers are right-aligned.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section as DocxSection
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ppsp.docgen.charts import render_figures
from ppsp.docgen.doc import DocContext, Figure, Missing, Table
from ppsp.docgen.fmt import MISSING
from ppsp.docgen.layout import LANDSCAPE_CHARS, LINE_CHARS, column_widths, opens_landscape

RED = RGBColor(0xB0, 0x1E, 0x1E)
TABLE_CAPTION = "Judul Tabel"  # caption styles the list fields collect (TOC \t)
FIGURE_CAPTION = "Judul Gambar"
SOURCE = "Sumber Data"
PORTRAIT = (Cm(21), Cm(29.7))
TEXT_WIDTH = {False: Cm(16), True: Cm(25.7)}  # twips of the text line, portrait/landscape
NO_TEXT = "[Narasi bagian ini belum ditulis.]"


def _field(paragraph: Paragraph, instruction: str, result: list[str] | None = None) -> None:
    """A complex field (TOC, PAGE) that Word fills when the document is opened/updated;
    `result` lines are shown until then."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.extend([begin, instr, separate])
    for k, line in enumerate(result or []):
        if k:
            run._r.append(OxmlElement("w:br"))
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = line
        run._r.append(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "id-ID")
    normal.element.get_or_add_rPr().append(lang)
    for name in (TABLE_CAPTION, FIGURE_CAPTION):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Caption"]
        style.font.bold = True
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor(0x1A, 0x36, 0x5D)
        style.paragraph_format.keep_with_next = name == TABLE_CAPTION
    source = doc.styles.add_style(SOURCE, WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = normal
    source.font.size = Pt(7.5)
    source.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    source.paragraph_format.space_after = Pt(8)


def _running(section: DocxSection, ctx: DocContext) -> None:
    """Header (document, kab/kota, period | version) and footer (Pokja | page)."""
    header = section.header.paragraphs[0]
    header.text = f"{ctx.doc_type} {ctx.kabkota} {ctx.period}\t\tVersi {ctx.version} ({ctx.status})"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"Pokja Sanitasi {ctx.kabkota} · Halaman ")
    _field(footer, "PAGE", ["1"])
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(8)


def _setup(doc: DocxDocument, ctx: DocContext) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.different_first_page_header_footer = True  # a bare cover
    _running(section, ctx)
    _styles(doc)
    doc.settings.element.append(_update_fields())


def _properties(doc: DocxDocument, ctx: DocContext) -> None:
    props = doc.core_properties
    props.title = f"{ctx.full_title} {ctx.period}"
    props.author = f"Pokja Sanitasi {ctx.kabkota}"
    props.subject = f"{ctx.full_title} ({ctx.doc_type}), periode {ctx.period}"
    props.keywords = f"PPSP; sanitasi; {ctx.doc_type}; {ctx.kabkota}"
    props.comments = f"{ctx.method}, versi {ctx.version} ({ctx.status}); PPSP Planner"
    props.category = ctx.doc_type
    props.language = "id-ID"
    props.last_modified_by = props.author
    props.revision = int(ctx.version) if ctx.version.isdigit() else 1
    now = dt.datetime.now(tz=dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now


def _update_fields() -> Any:
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    return element


def _cover(doc: DocxDocument, ctx: DocContext) -> None:
    for text, size, bold in (
        (ctx.title.upper(), 24, True),
        (f"({ctx.doc_type})", 16, False),
        (ctx.kabkota, 20, True),
        (f"Provinsi {ctx.province}" if ctx.province else "", 14, False),
        (f"Periode {ctx.period}", 14, False),
        (f"{ctx.method} · versi {ctx.version} ({ctx.status})", 10, False),
        (
            f"Disusun oleh Pokja Sanitasi {ctx.kabkota} dari data PPSP Planner, {ctx.generated_on}",
            9,
            False,
        ),
    ):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(18)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _front_heading(doc: DocxDocument, text: str) -> None:
    """A heading of the front matter: styled like Heading 1 but outside the TOC."""
    p = doc.add_paragraph(style="Title")
    p.add_run(text).font.size = Pt(16)


def _lists(doc: DocxDocument, ctx: DocContext) -> None:
    _front_heading(doc, "Daftar Isi")
    headings = [("  " * (s.level - 1)) + s.heading for s in ctx.sections]
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', headings)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for title, style, blocks, empty in (
        ("Daftar Tabel", TABLE_CAPTION, ctx.tables, "Dokumen ini tidak memuat tabel."),
        ("Daftar Gambar", FIGURE_CAPTION, ctx.figures, "Dokumen ini tidak memuat gambar."),
    ):
        _front_heading(doc, title)
        captions = [b.caption for b in blocks] or [empty]
        _field(doc.add_paragraph(), f'TOC \\h \\z \\t "{style},1"', captions)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _cell(value: str, *, bold: bool, right: bool, size: int, width: int) -> str:
    jc = '<w:jc w:val="right"/>' if right else ""
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{escape(value)}</w:t></w:r></w:p></w:tc>'
    )


def _orient(doc: DocxDocument, landscape: bool) -> None:
    """A new section (new page) in the wanted orientation; header/footer carry over."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = PORTRAIT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    margin = Cm(2) if landscape else Cm(2.5)
    section.left_margin = section.right_margin = margin
    section.different_first_page_header_footer = False


def _source(doc: DocxDocument, line: str) -> None:
    doc.add_paragraph(line, style=SOURCE)


def _table(doc: DocxDocument, table: Table) -> None:
    """The table as one XML fragment: python-docx's per-cell API is too slow for 400 rows."""
    wide = table.wide
    caption = doc.add_paragraph(table.caption, style=TABLE_CAPTION)
    size = 16 if len(table.header) > 5 else 18  # half-points
    line = TEXT_WIDTH[wide].twips
    widths = column_widths(table, LANDSCAPE_CHARS if wide else LINE_CHARS)
    twips = [round(line * w / 100) for w in widths]
    style = doc.styles["Table Grid"].style_id
    rows = []
    for r, values in enumerate([table.header, *table.rows]):
        bold = r == 0 or (r - 1) in table.bold_rows
        header = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r == 0 else ""
        cells = "".join(
            _cell(v, bold=bold, right=bool(r) and c in table.numeric, size=size, width=twips[c])
            for c, v in enumerate(values[: len(twips)])
        )
        rows.append(f"<w:tr>{header}{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/>'
        f'<w:tblW w:w="{line}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    caption._p.addnext(parse_xml(xml))
    if table.note:  # the paragraphs after the table keep following content out of it
        note = doc.add_paragraph(style=SOURCE)
        note.add_run(table.note).italic = True
    _source(doc, table.source_line)


def _figure(doc: DocxDocument, figure: Figure) -> None:
    doc.add_picture(io.BytesIO(figure.png), width=Cm(15.5))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    caption = doc.add_paragraph(figure.caption, style=FIGURE_CAPTION)
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _source(doc, figure.source_line)


def _missing(doc: DocxDocument, missing: Missing) -> None:
    p = doc.add_paragraph()
    run = p.add_run(f"⚠ {MISSING}: {missing.what}")
    run.bold = True
    run.font.color.rgb = RED


def render_docx(ctx: DocContext) -> bytes:
    render_figures(ctx)
    doc = new_docx()
    _setup(doc, ctx)
    _properties(doc, ctx)
    _cover(doc, ctx)
    _lists(doc, ctx)
    landscape = fresh = False  # fresh: a section break has just started a page
    for k, section in enumerate(ctx.sections):
        opens_wide = opens_landscape(section)  # heading on the table's page
        if landscape != opens_wide:
            _orient(doc, landscape=opens_wide)
            landscape, fresh = opens_wide, True
        heading = doc.add_heading(section.heading, level=section.level)
        heading.paragraph_format.page_break_before = section.level == 1 and k > 0 and not fresh
        fresh = False
        if section.text:
            for para in section.text.split("\n\n"):
                doc.add_paragraph(para.strip())
        elif not section.blocks:
            p = doc.add_paragraph()
            run = p.add_run(NO_TEXT)
            run.italic = True
            run.font.color.rgb = RED
        for block in section.blocks:
            wide = isinstance(block, Table) and block.wide
            if wide != landscape:  # wide tables in landscape sections, consecutive ones shared
                _orient(doc, landscape=wide)
                landscape = wide
            if isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Figure):
                _figure(doc, block)
            else:
                _missing(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
