"""SWOT per subsector (bound data ``swot``): weighted internal (S − W) and external
(O − T) scores, the quadrant and strategy they give (`ppsp.compute.programme_rows.
swot_position`, the rule the MPS pages use), and the heaviest factor of each kind."""

from __future__ import annotations

from collections import defaultdict

from ppsp.compute.programme_rows import SwotFactor, swot_position
from ppsp.docgen.analysis.base import DocFacts, SectionInput, lower_first, table_of
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, num, paragraph, say, slug, v_dec

SRC = "swot"
STRATEGIES = {
    "agresif": "strategi agresif (memanfaatkan kekuatan untuk meraih peluang)",
    "diversifikasi": "strategi diversifikasi (memakai kekuatan untuk menghadapi ancaman)",
    "turn_around": "strategi turn-around (memperbaiki kelemahan untuk meraih peluang)",
    "defensif": "strategi defensif (menekan kelemahan dan menghindari ancaman)",
}


def _kind(label: str) -> str:
    """ "Kekuatan (S)" → "S"."""
    return label.rsplit("(", 1)[-1].rstrip(")").strip() if "(" in label else label[:1]


def swot(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Analisis SWOT")
    if table is None or not table.rows:
        return []
    per_sub: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
    for r in table.rows:
        kind = _kind(r[1])
        if kind in "SWOT" and len(kind) == 1:
            per_sub[r[0]].append((kind, r[2], num(r[3]) or 0.0, num(r[4]) or 0.0))
    out = []
    for sub, factors in per_sub.items():
        position = swot_position(SwotFactor(k, w, s) for k, _t, w, s in factors)
        sums = {k: sum(w * s for kk, _t, w, s in factors if kk == k) for k in "SWOT"}
        src = f"{SRC}#{sub}"
        sentences: list[Sentence | None] = [
            say(
                "Untuk {sub}, skor faktor internal {x} (kekuatan {s} − kelemahan {w}) dan "
                "faktor eksternal {y} (peluang {o} − ancaman {t}) menempatkan subsektor ini "
                "pada kuadran {q}: {strategy}.",
                sub=lower_first(sub),
                x=v_dec(position.x, src, 2),
                s=v_dec(sums["S"], src, 2),
                w=v_dec(sums["W"], src, 2),
                y=v_dec(position.y, src, 2),
                o=v_dec(sums["O"], src, 2),
                t=v_dec(sums["T"], src, 2),
                q=Value(position.quadrant, src),
                strategy=STRATEGIES.get(position.strategy, position.strategy),
            )
        ]
        heaviest = {}
        for kind in "SW":
            own = [f for f in factors if f[0] == kind]
            if own:
                heaviest[kind] = max(own, key=lambda f: (f[2] * f[3], f[1]))[1]
        if len(heaviest) == 2:
            sentences.append(
                say(
                    "Kekuatan utamanya adalah “{s}”, sedangkan kelemahan utamanya “{w}”.",
                    s=Value(heaviest["S"], src),
                    w=Value(heaviest["W"], src),
                )
            )
        p = paragraph(f"swot.{slug(sub)}", sentences)
        if p:
            out.append(p)
    return out
