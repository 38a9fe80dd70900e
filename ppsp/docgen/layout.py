"""Column widths of the document tables from their content (PDF and DOCX alike).

Widths are counted in characters of the 8 pt table font: a column never gets less than its
longest word (so no cell breaks a word; hyphenation is off), the rest of the line is shared
by the text length. A table wider than a portrait line goes on a landscape page
(`Table.wide`), whose line is `LANDSCAPE_CHARS`.
"""

from __future__ import annotations

from ppsp.docgen.doc import SectionContext, Table

# Characters of 8 pt DejaVu Sans across the 16.5 cm text width, cell padding included;
# across the 25.7 cm of a landscape page.
LINE_CHARS = 92
LANDSCAPE_CHARS = 142
MAX_WORD = 30
# Narrative up to this many characters goes with its wide table onto the landscape page
# (heading and a few lines above the table); longer narrative stays on portrait pages,
# where its lines are readable, and the table starts the landscape page.
SHORT_TEXT = 600


def opens_landscape(section: SectionContext) -> bool:
    """The section starts on a landscape page: it opens with a wide table and says little."""
    first = section.blocks[0] if section.blocks else None
    return isinstance(first, Table) and first.wide and len(section.text) <= SHORT_TEXT


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def column_widths(table: Table, line: int = LINE_CHARS) -> list[float]:
    """Column widths (% of the line) from the text lengths: WeasyPrint's fast fixed layout
    and the DOCX grid both use them.

    Every column first gets what it cannot wrap (its longest word, bold in the header and
    the bold rows; the whole value of a number), so no cell breaks a word; the line is shared
    by text length above that. Only a word longer than `MAX_WORD` may still overflow.
    """
    need: list[float] = [_longest_word(h) * 1.25 + 2 for h in table.header]  # bold headers
    pref: list[float] = [min(len(h), 14) + 2 for h in table.header]
    for r, row in enumerate(table.rows[:400]):
        factor = 1.25 if r in table.bold_rows else 1.1
        for c, value in enumerate(row[: len(need)]):
            if c in table.numeric:
                need[c] = max(need[c], len(value) * factor + 2)
            else:
                need[c] = max(need[c], min(_longest_word(value), MAX_WORD) * factor + 2)
            pref[c] = max(pref[c], min(len(value), 45) + 2)
    pref = [max(p, n) for p, n in zip(pref, need, strict=True)]
    fixed: dict[int, float] = {}  # water-filling: shares by `pref`, never below `need`
    while True:
        free = [c for c in range(len(need)) if c not in fixed]
        room = line - sum(fixed.values())
        weight = sum(pref[c] for c in free) or 1
        short = [c for c in free if room * pref[c] / weight < need[c]]
        if not short or room <= 0:
            break
        fixed.update({c: need[c] for c in short})
    widths = [
        fixed.get(c, room * pref[c] / weight if room > 0 else need[c]) for c in range(len(need))
    ]
    total = sum(widths) or 1
    return [100 * w / total for w in widths]
