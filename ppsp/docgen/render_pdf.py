"""PDF from the same document context: an HTML template printed by WeasyPrint.

Table of contents, list of tables and of figures with page numbers, numbered tables and
figures each with its source line, page numbers and a running header (kab/kota, document,
period, version) in the @page margin boxes, A4; wide tables on named landscape pages.
Table cells never break a word: hyphenation is off and each column is at least as wide as
its longest word (`layout.column_widths`). The PDF is PDF/A-2a (WeasyPrint's `pdf_variant`):
archival (fonts embedded, XMP metadata) and tagged, so that readers and screen readers get
headings, tables and the reading order.
"""

from __future__ import annotations

import base64
import warnings

from django.template.loader import render_to_string
from weasyprint import HTML

from ppsp.docgen.charts import render_figures
from ppsp.docgen.doc import DocContext, Figure, Missing, Table
from ppsp.docgen.fmt import MISSING
from ppsp.docgen.layout import LANDSCAPE_CHARS, LINE_CHARS, column_widths, opens_landscape

PDF_VARIANT = "pdf/a-2a"  # archival and tagged (level A); see the module docstring


def _sections(ctx: DocContext) -> list[dict[str, object]]:
    render_figures(ctx)
    sections: list[dict[str, object]] = []
    for k, section in enumerate(ctx.sections):
        blocks: list[dict[str, object]] = []
        for n, block in enumerate(section.blocks, start=1):
            anchor = f"s{k}-{n}"
            if isinstance(block, Table):
                line = LANDSCAPE_CHARS if block.wide else LINE_CHARS
                blocks.append(
                    {
                        "kind": "table",
                        "b": block,
                        "anchor": anchor,
                        "rows": _rows(block),
                        "widths": [f"{w:.2f}%" for w in column_widths(block, line)],
                        "wide": block.wide,
                    }
                )
            elif isinstance(block, Figure):
                image = base64.b64encode(block.png).decode()
                src = f"data:image/png;base64,{image}"
                blocks.append({"kind": "figure", "b": block, "anchor": anchor, "src": src})
            elif isinstance(block, Missing):
                blocks.append({"kind": "missing", "b": block})
        paragraphs = [p.strip() for p in section.text.split("\n\n") if p.strip()]
        sections.append(
            {
                "s": section,
                "anchor": f"s{k}",
                "paragraphs": paragraphs,
                "blocks": blocks,
                # a section opening with a wide table starts on its landscape page
                "landscape": opens_landscape(section),
            }
        )
    return sections


def html_of(ctx: DocContext, part: str = "all", pages: dict[str, int] | None = None) -> str:
    """The HTML of the cover and contents ("front"), of the chapters ("body") or of both."""
    sections = _sections(ctx)
    entries = []
    for x in sections:
        s = x["s"]
        entries.append((s, x["anchor"], (pages or {}).get(str(x["anchor"]))))
    tables: list[tuple[str, object, int | None]] = []
    figures: list[tuple[str, object, int | None]] = []
    for x in sections:
        for b in x["blocks"]:  # type: ignore[attr-defined]
            if b["kind"] in ("table", "figure"):
                item = (b["b"].caption, b["anchor"], (pages or {}).get(b["anchor"]))
                (tables if b["kind"] == "table" else figures).append(item)
    context = {
        "ctx": ctx,
        "sections": sections,
        "toc": entries,
        "tables": tables,
        "figures": figures,
        "part": part,
        "missing_label": MISSING,
    }
    return render_to_string("docgen/document.html", context)


def _rows(table: Table) -> list[dict[str, object]]:
    return [
        {
            "bold": i in table.bold_rows,
            "cells": [(value, c in table.numeric) for c, value in enumerate(row)],
        }
        for i, row in enumerate(table.rows)
    ]


def render_pdf(ctx: DocContext) -> bytes:
    """Chapters laid out once; their anchors' pages fill the contents (pages i, ii, ...);
    both parts are then joined. One layout pass instead of WeasyPrint's repagination."""
    body = HTML(string=html_of(ctx, "body")).render()
    pages: dict[str, int] = {}
    for number, page in enumerate(body.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    front = HTML(string=html_of(ctx, "front", pages)).render()
    document = front.copy([*front.pages, *body.pages])
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB output-intent profile (PDF/A) without closing it; the
        # file is read whole and dropped at once, so its ResourceWarning is noise here.
        warnings.simplefilter("ignore", ResourceWarning)
        pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT)
    return pdf
