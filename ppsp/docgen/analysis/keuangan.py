"""Fiscal capacity and Tabel 5.1 (figures ``need_a``, ``apbd_murni_b``, ``komitmen_c``,
``gaps``) and the chosen scenario (bound data ``skenario``): the five-year need, its
largest subsectors, the capacity against it, the largest funding gap, the year it peaks
and the subsector that drives it; Bab 3.5's "Perkiraan besaran pendanaan sanitasi ke
depan" (bound data ``pendanaan``): the capacity (b) and commitment (c) and their trend.

Every amount is the table's own cell (a total is read from its total row or column, never
summed again from rounded cells), so a paragraph states the figure the table prints."""

from __future__ import annotations

from ppsp.docgen.analysis.base import DocFacts, SectionInput, body_rows, lower_first, table_of
from ppsp.docgen.analysis.text import (
    Paragraph,
    Sentence,
    Value,
    num,
    paragraph,
    say,
    v_int,
    v_pct,
    v_rp,
    words,
)
from ppsp.docgen.doc import Table
from ppsp.docgen.fmt import id_number


def _row(table: Table, prefix: str) -> list[float] | None:
    for row in table.rows:
        if row[1].startswith(prefix):
            return [num(c) or 0.0 for c in row[2:]]
    return None


def tabel_5_1(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Rekapitulasi indikasi kebutuhan biaya")
    if table is None:
        return []
    years = table.header[2:-1]
    subs = [(r[1], [num(c) or 0.0 for c in r[2:]]) for r in table.rows if r[0]]
    need = _row(table, "Jumlah (a)")
    b, c = _row(table, "Perkiraan APBD murni"), _row(table, "Perkiraan komitmen")
    gap1, gap2 = _row(table, "Gap 1"), _row(table, "Gap 2")
    if need is None or not subs or not years:
        return []
    out = [_need(doc, years, subs, need)]
    if b is not None and c is not None:
        out.append(_capacity(need, b, c))
    if gap2 is not None:
        out.append(_gap(years, subs, need, gap2, gap1))
    return [p for p in out if p]


def _driver(subs: list[tuple[str, list[float]]], k: int) -> tuple[str, float]:
    name, values = max(subs, key=lambda s: (s[1][k], s[0]))
    return name, values[k]


def _need(
    doc: DocFacts, years: list[str], subs: list[tuple[str, list[float]]], need: list[float]
) -> Paragraph | None:
    total = need[-1]
    ranked = sorted(subs, key=lambda s: (-s[1][-1], s[0]))
    yearly = need[:-1]
    peak = max(range(len(yearly)), key=lambda k: (yearly[k], -k))
    driver, amount = _driver(subs, peak)
    sentences: list[Sentence | None] = [
        say(
            "Kebutuhan biaya pengembangan sanitasi {kabkota} untuk lima tahun {first}–{last} "
            "(a) sebesar {total}.",
            kabkota=doc.kabkota,
            first=Value(years[0], "need_a#tahun"),
            last=Value(years[-1], "need_a#tahun"),
            total=v_rp(total, "need_a#jumlah"),
        ),
        say(
            "Kebutuhan terbesar berasal dari subsektor {s1} ({v1}; {p1} dari total)"
            + (", disusul {s2} ({v2}; {p2})." if len(ranked) > 1 else "."),
            s1=lower_first(ranked[0][0]),
            v1=v_rp(ranked[0][1][-1], f"need_a#{ranked[0][0]}"),
            p1=v_pct(ranked[0][1][-1], total, f"need_a#{ranked[0][0]}"),
            **(
                words(
                    s2=lower_first(ranked[1][0]),
                    v2=v_rp(ranked[1][1][-1], f"need_a#{ranked[1][0]}"),
                    p2=v_pct(ranked[1][1][-1], total, f"need_a#{ranked[1][0]}"),
                )
                if len(ranked) > 1
                else words()
            ),
        ),
        say(
            "Kebutuhan tahunan tertinggi jatuh pada tahun {year} ({peak}), terutama untuk "
            "{driver} ({amount}, {share} dari kebutuhan tahun itu).",
            year=Value(years[peak], "need_a#tahun"),
            peak=v_rp(yearly[peak], f"need_a#{years[peak]}"),
            driver=lower_first(driver),
            amount=v_rp(amount, f"need_a#{driver}#{years[peak]}"),
            share=v_pct(amount, yearly[peak], f"need_a#{driver}#{years[peak]}"),
        ),
    ]
    return paragraph("pendanaan.kebutuhan", sentences)


def _capacity(need: list[float], b: list[float], c: list[float]) -> Paragraph | None:
    sentences = [
        say(
            "Perkiraan APBD murni untuk sanitasi (b) selama lima tahun adalah {b} dan perkiraan "
            "komitmen pendanaan sanitasi (c) {c}, atau {pc} dari kebutuhan.",
            b=v_rp(b[-1], "apbd_murni_b#jumlah"),
            c=v_rp(c[-1], "komitmen_c#jumlah"),
            pc=Value(
                f"{id_number(100 * c[-1] / need[-1] if need[-1] else 0.0, 1)} %", "komitmen_c#rasio"
            ),
        )
    ]
    return paragraph("pendanaan.kemampuan", sentences)


def _gap(
    years: list[str],
    subs: list[tuple[str, list[float]]],
    need: list[float],
    gap2: list[float],
    gap1: list[float] | None,
) -> Paragraph | None:
    yearly = gap2[:-1]
    short = [k for k, g in enumerate(yearly) if g > 0]
    sentences: list[Sentence | None] = []
    if not short:
        best = min(range(len(yearly)), key=lambda k: (yearly[k], k))
        sentences.append(
            say(
                "Komitmen pendanaan (c) mencukupi kebutuhan pada setiap tahun; surplus terbesar "
                "pada tahun {year} ({surplus}).",
                year=Value(years[best], "gaps#tahun"),
                surplus=v_rp(-yearly[best], f"gaps#gap2#{years[best]}"),
            )
        )
        return paragraph("pendanaan.gap", sentences)
    peak = max(short, key=lambda k: (yearly[k], -k))
    driver, amount = _driver(subs, peak)
    sentences += [
        say(
            "Kesenjangan pendanaan terhadap komitmen ({label}) terjadi pada {k} dari {n} "
            "tahun dan berjumlah {total} pada tahun-tahun tersebut.",
            label=Value("Gap 2, a − c", "gaps#gap2"),
            k=v_int(len(short), "gaps#gap2"),
            n=v_int(len(yearly), "gaps#tahun"),
            total=v_rp(sum(yearly[i] for i in short), "gaps#gap2#kurang"),
        ),
        say(
            "Gap terbesar terjadi pada tahun {year} sebesar {gap}, ketika kebutuhan mencapai "
            "{need}; pendorong utamanya adalah {driver} dengan kebutuhan {amount} pada tahun "
            "itu.",
            year=Value(years[peak], "gaps#tahun"),
            gap=v_rp(yearly[peak], f"gaps#gap2#{years[peak]}"),
            need=v_rp(need[peak], f"need_a#{years[peak]}"),
            driver=lower_first(driver),
            amount=v_rp(amount, f"need_a#{driver}#{years[peak]}"),
        ),
    ]
    if gap1 is not None and gap1[-1] > 0:
        sentences.append(
            say(
                "Terhadap APBD murni ({label}), kekurangan lima tahun adalah {g1}.",
                label=Value("Gap 1, a − b", "gaps#gap1"),
                g1=v_rp(gap1[-1], "gaps#gap1#jumlah"),
            )
        )
    return paragraph("pendanaan.gap", sentences)


def pendanaan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """Bab 3.5: APBD murni for sanitation (b) and the commitment (c) over the period."""
    table = table_of(section, "Perkiraan besaran pendanaan")
    if table is None:
        return []
    years = table.header[1:-1]
    b = next(([num(c) or 0.0 for c in r[1:]] for r in table.rows if "(b)" in r[0]), None)
    c = next(([num(c) or 0.0 for c in r[1:]] for r in table.rows if "(c)" in r[0]), None)
    if b is None or c is None or len(years) < 2:
        return []
    low = min(range(len(years)), key=lambda k: (c[k], k))
    sentences: list[Sentence | None] = [
        say(
            "Perkiraan APBD murni untuk sanitasi (b) selama {first}–{last} berjumlah {total}"
            + (
                ", {trend} dari {v0} pada tahun {first} menjadi {vn} pada tahun {last}."
                if b[0] != b[-2]
                else ", {v0} setiap tahun."
            ),
            first=Value(years[0], "apbd_murni_b#tahun"),
            last=Value(years[-1], "apbd_murni_b#tahun"),
            total=v_rp(b[-1], "apbd_murni_b#jumlah"),
            trend="naik" if b[-2] > b[0] else "turun",
            v0=v_rp(b[0], f"apbd_murni_b#{years[0]}"),
            vn=v_rp(b[-2], f"apbd_murni_b#{years[-1]}"),
        ),
        say(
            "Perkiraan komitmen pendanaan sanitasi (c) berjumlah {total} ({share} dari "
            "perkiraan APBD murni untuk sanitasi), terendah pada tahun {year} ({v}).",
            total=v_rp(c[-1], "komitmen_c#jumlah"),
            share=v_pct(c[-1], b[-1], "komitmen_c#rasio_b"),
            year=Value(years[low], "komitmen_c#tahun"),
            v=v_rp(c[low], f"komitmen_c#{years[low]}"),
        ),
        say(
            "Kedua perkiraan ini menjadi batas kemampuan pendanaan (b) dan (c) pada rekapitulasi "
            "indikasi kebutuhan biaya, dibandingkan dengan kebutuhan biaya skenario terpilih (a)."
        ),
    ]
    p = paragraph("pendanaan.kemampuan_daerah", sentences)
    return [p] if p else []


def skenario(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Skenario terpilih")
    if table is None or not table.rows:
        return []
    name = table.title.removeprefix("Skenario terpilih:").split("(x Rp")[0].strip()
    body = body_rows(table)
    rows = sorted(((r[0], num(r[1]) or 0.0) for r in body), key=lambda r: (-r[1], r[0]))
    if not rows:
        return []
    stated = [num(r[1]) for r in table.rows if r[0] == "Jumlah"]
    total = stated[0] if stated and stated[0] is not None else sum(v for _k, v in rows)
    src = "skenario"
    sentences: list[Sentence | None] = [
        say(
            "Skenario terpilih “{name}” membutuhkan biaya {total} selama lima tahun untuk {n} "
            "subsektor.",
            name=Value(name, f"{src}#nama"),
            total=v_rp(total, f"{src}#jumlah"),
            n=v_int(len(rows), f"{src}#subsektor"),
        ),
        say(
            "Porsi terbesar untuk {s1} ({p1})"
            + ("; porsi terkecil untuk {sn} ({pn})." if len(rows) > 1 else "."),
            s1=lower_first(rows[0][0]),
            p1=v_pct(rows[0][1], total, f"{src}#{rows[0][0]}"),
            **(
                words(
                    sn=lower_first(rows[-1][0]),
                    pn=v_pct(rows[-1][1], total, f"{src}#{rows[-1][0]}"),
                )
                if len(rows) > 1
                else words()
            ),
        ),
    ]
    p = paragraph("skenario.ringkasan", sentences)
    return [p] if p else []
