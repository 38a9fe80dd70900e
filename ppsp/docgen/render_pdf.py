"""PDF from the same document context: an HTML template printed by WeasyPrint.

Table of contents with page numbers (CSS target-counter), numbered tables and figures,
page numbers in the @page margin box, A4.
"""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from weasyprint import HTML

from ppsp.docgen.charts import render_figures
from ppsp.docgen.doc import DocContext, Figure, Missing, Table
from ppsp.docgen.fmt import MISSING


def _sections(ctx: DocContext) -> list[dict[str, object]]:
    render_figures(ctx)
    sections: list[dict[str, object]] = []
    for k, section in enumerate(ctx.sections):
        blocks: list[dict[str, object]] = []
        for n, block in enumerate(section.blocks, start=1):
            anchor = f"s{k}-{n}"
            if isinstance(block, Table):
                blocks.append(
                    {
                        "kind": "table",
                        "b": block,
                        "anchor": anchor,
                        "rows": _rows(block),
                        "widths": _widths(block),
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
            {"s": section, "anchor": f"s{k}", "paragraphs": paragraphs, "blocks": blocks}
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


# Characters of 8 pt DejaVu Sans across the 16.5 cm text width, cell padding included.
LINE_CHARS = 92


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _widths(table: Table) -> list[str]:
    """Column widths (%) from the text lengths: lets WeasyPrint use the fast fixed layout.

    Every column first gets what it cannot wrap (its longest header word; the whole value of
    a number); the line is shared by text length above that.
    """
    need: list[float] = [_longest_word(h) * 1.2 + 2 for h in table.header]  # bold headers
    pref: list[float] = [min(len(h), 14) + 2 for h in table.header]
    for row in table.rows[:200]:
        for c, value in enumerate(row[: len(need)]):
            if c in table.numeric:
                need[c] = max(need[c], len(value) + 2)
            else:
                need[c] = max(need[c], min(_longest_word(value), 16) + 2)
            pref[c] = max(pref[c], min(len(value), 45) + 2)
    pref = [max(p, n) for p, n in zip(pref, need, strict=True)]
    fixed: dict[int, float] = {}  # water-filling: shares by `pref`, never below `need`
    while True:
        free = [c for c in range(len(need)) if c not in fixed]
        room = LINE_CHARS - sum(fixed.values())
        weight = sum(pref[c] for c in free) or 1
        short = [c for c in free if room * pref[c] / weight < need[c]]
        if not short or room <= 0:
            break
        fixed.update({c: need[c] for c in short})
    widths = [
        fixed.get(c, room * pref[c] / weight if room > 0 else need[c]) for c in range(len(need))
    ]
    total = sum(widths) or 1
    return [f"{100 * w / total:.2f}%" for w in widths]


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
    pdf: bytes = front.copy([*front.pages, *body.pages]).write_pdf()
    return pdf
