"""The final version against the consulted draft: paragraph-level diff (difflib).

The consultation keeps a snapshot of the draft's paragraphs; the Pokja then edits the same
version (while it is a draft) to produce the final text. The diff lists what changed and
the tanggapan rows say which comments changed what.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ppsp.consultation.models import Consultation
from ppsp.consultation.services import split_paragraphs


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "sama" | "diubah" | "dihapus" | "ditambah"
    number: int | None  # paragraph number in the consulted draft
    old: str
    new: str


def final_diff(consultation: Consultation) -> list[DiffRow]:
    draft = list(consultation.paragraphs.order_by("number").values_list("number", "text"))
    final = [text for _heading, text in split_paragraphs(consultation.version.summary)]
    matcher = difflib.SequenceMatcher(a=[t for _, t in draft], b=final, autojunk=False)
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [DiffRow("sama", draft[i][0], draft[i][1], draft[i][1]) for i in range(i1, i2)]
            continue
        old, new = draft[i1:i2], final[j1:j2]
        for k in range(max(len(old), len(new))):
            if k < len(old) and k < len(new):
                rows.append(DiffRow("diubah", old[k][0], old[k][1], new[k]))
            elif k < len(old):
                rows.append(DiffRow("dihapus", old[k][0], old[k][1], ""))
            else:
                rows.append(DiffRow("ditambah", None, "", new[k]))
    return rows
