"""DOCX from the document context (python-docx): cover, TOC field, numbered tables and
figures, page numbers in the footer, A4, Indonesian number format already in the cells."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ppsp.docgen.charts import render_figures
from ppsp.docgen.doc import DocContext, Figure, Missing, Table
from ppsp.docgen.fmt import MISSING

RED = RGBColor(0xB0, 0x1E, 0x1E)


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (TOC, PAGE) that Word fills when the document is opened/updated."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, text, end):
        run._r.append(element)


def _setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Halaman ")
    _field(footer, "PAGE", "1")
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    doc.settings.element.append(_update_fields())


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
        (f"Disusun dari data PPSP Planner, {ctx.generated_on}", 9, False),
    ):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(18)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Daftar Isi", level=1)
    _field(doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "Perbarui bidang untuk daftar isi.")
    doc.add_heading("Daftar Tabel", level=1)
    for table in ctx.tables:
        doc.add_paragraph(table.caption, style="List Bullet")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _cell(value: str, *, bold: bool, right: bool, size: int) -> str:
    jc = '<w:jc w:val="right"/>' if right else ""
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    return (
        f'<w:tc><w:tcPr/><w:p><w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{escape(value)}</w:t></w:r></w:p></w:tc>'
    )


def _table(doc: DocxDocument, table: Table) -> None:
    """The table as one XML fragment: python-docx's per-cell API is too slow for 400 rows."""
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(table.caption).bold = True
    size = 16 if len(table.header) > 5 else 18  # half-points
    style = doc.styles["Table Grid"].style_id
    rows = []
    for r, values in enumerate([table.header, *table.rows]):
        bold = r == 0 or (r - 1) in table.bold_rows
        header = "<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""
        cells = "".join(
            _cell(v, bold=bold, right=bool(r) and c in table.numeric, size=size)
            for c, v in enumerate(values)
        )
        rows.append(f"<w:tr>{header}{cells}</w:tr>")
    grid = "".join("<w:gridCol/>" for _ in table.header)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/>'
        '<w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    caption._p.addnext(parse_xml(xml))
    # a paragraph after the table keeps following content out of it
    note = doc.add_paragraph()
    if table.note:
        run = note.add_run(table.note)
        run.italic = True
        run.font.size = Pt(8)


def _figure(doc: DocxDocument, figure: Figure) -> None:
    doc.add_picture(io.BytesIO(figure.png), width=Cm(15.5))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = doc.add_paragraph(style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.add_run(figure.caption).bold = True


def _missing(doc: DocxDocument, missing: Missing) -> None:
    p = doc.add_paragraph()
    run = p.add_run(f"⚠ {MISSING}: {missing.what}")
    run.bold = True
    run.font.color.rgb = RED


def render_docx(ctx: DocContext) -> bytes:
    render_figures(ctx)
    doc = new_docx()
    _setup(doc)
    _cover(doc, ctx)
    first = True
    for section in ctx.sections:
        if section.level == 1 and not first:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        doc.add_heading(section.heading, level=section.level)
        if section.text:
            for para in section.text.split("\n\n"):
                doc.add_paragraph(para.strip())
        elif not section.blocks:
            p = doc.add_paragraph()
            run = p.add_run("[Narasi bagian ini belum ditulis.]")
            run.italic = True
            run.font.color.rgb = RED
        for block in section.blocks:
            if isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Figure):
                _figure(doc, block)
            else:
                _missing(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
