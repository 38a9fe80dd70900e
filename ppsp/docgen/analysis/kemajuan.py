"""Kemajuan pelaksanaan SSK sebelumnya (bound data ``kemajuan``): how many indicators of
the previous SSK were met, and the best and the weakest achievement."""

from __future__ import annotations

from collections import Counter

from ppsp.docgen.analysis.base import DocFacts, SectionInput, table_of
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, column, num, paragraph, say, v_int

SRC = "kemajuan"


def kemajuan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Kemajuan pelaksanaan")
    if table is None or not table.rows:
        return []
    at = column(table.header, "Capaian")
    status_at = column(table.header, "Status")
    now_at = column(table.header, "Saat ini")
    if at is None or status_at is None or now_at is None:
        return []
    rows = table.rows
    statuses = Counter(r[status_at] for r in rows)
    parts = [
        Value(f"{count} berstatus “{label}”", f"{SRC}#status")
        for label, count in sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    sentences: list[Sentence | None] = [
        say(
            "Dari {n} indikator SSK periode sebelumnya, {parts}.",
            n=v_int(len(rows), f"{SRC}#indikator"),
            parts=parts,
        )
    ]
    scored = [(num(r[at]), r) for r in rows if num(r[at]) is not None]
    if len(scored) > 1:
        best = max(scored, key=lambda s: (s[0] or 0.0, s[1][0]))[1]
        worst = min(scored, key=lambda s: (s[0] or 0.0, s[1][0]))[1]
        sentences.append(
            say(
                "Capaian tertinggi adalah {best} ({best_v} % dari target), sedangkan capaian "
                "terendah adalah {worst} ({worst_v} %): nilainya saat ini {now} {unit} "
                "dibandingkan target {target}.",
                best=Value(best[0], f"{SRC}#{best[0]}"),
                best_v=Value(best[at], f"{SRC}#{best[0]}"),
                worst=Value(worst[0], f"{SRC}#{worst[0]}"),
                worst_v=Value(worst[at], f"{SRC}#{worst[0]}"),
                now=Value(worst[now_at], f"{SRC}#{worst[0]}"),
                unit=worst[1],
                target=Value(worst[3], f"{SRC}#{worst[0]}"),
            )
        )
    p = paragraph("kemajuan.ringkasan", sentences)
    return [p] if p else []
