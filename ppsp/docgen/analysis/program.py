"""Programme and funding (MPS): Tabel 5.2 per funding source (bound data ``tabel_5_2``),
the Lampiran 4 programme (``program_kegiatan``), its rows of one subsector (MPS Bab 3.x,
``program_kegiatan:<subsektor>``) and the yearly MPS (``mps_tahunan``).

Totals are read from the tables' "Jumlah" rows (computed from the unrounded amounts), so
a paragraph states the same figure as its table and as Tabel 5.1."""

from __future__ import annotations

from collections import Counter, defaultdict

from ppsp.docgen.analysis.base import (
    DocFacts,
    SectionInput,
    body_rows,
    lower_first,
    table_of,
    year_in,
)
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


def _stated(table: Table, label_col: int, col: int) -> float | None:
    """The table's own total ("Jumlah" row) in column `col`, None when it has none."""
    for row in table.rows:
        if len(row) > max(label_col, col) and row[label_col] == "Jumlah":
            return num(row[col])
    return None


def tabel_5_2(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Rekapitulasi indikasi pendanaan")
    if table is None:
        return []
    src = "tabel_5_2"
    years = table.header[1:-1]
    rows = [(r[0], [num(c) or 0.0 for c in r[1:]]) for r in body_rows(table)]
    if not rows or not years:
        return []
    stated = [_stated(table, 0, k + 1) for k in range(len(years) + 1)]
    summed = [sum(v[k] for _s, v in rows) for k in range(len(years) + 1)]
    yearly = [s if s is not None else x for s, x in zip(stated, summed, strict=True)]
    total = yearly.pop()
    ranked = sorted(rows, key=lambda r: (-r[1][-1], r[0]))
    high = max(range(len(years)), key=lambda k: (yearly[k], -k))
    low = min(range(len(years)), key=lambda k: (yearly[k], k))
    sentences: list[Sentence | None] = [
        say(
            "Indikasi pendanaan sanitasi {first}–{last} berjumlah {total} dari {n} sumber "
            "pendanaan.",
            first=Value(years[0], f"{src}#tahun"),
            last=Value(years[-1], f"{src}#tahun"),
            total=v_rp(total, f"{src}#jumlah"),
            n=v_int(len(rows), f"{src}#sumber"),
        ),
        say(
            "Sumber terbesar adalah {s1} ({v1}; {p1})"
            + (", diikuti {s2} ({v2}; {p2})." if len(ranked) > 1 else "."),
            s1=ranked[0][0],
            v1=v_rp(ranked[0][1][-1], f"{src}#{ranked[0][0]}"),
            p1=v_pct(ranked[0][1][-1], total, f"{src}#{ranked[0][0]}"),
            **(
                words(
                    s2=ranked[1][0],
                    v2=v_rp(ranked[1][1][-1], f"{src}#{ranked[1][0]}"),
                    p2=v_pct(ranked[1][1][-1], total, f"{src}#{ranked[1][0]}"),
                )
                if len(ranked) > 1
                else words()
            ),
        ),
        say(
            "Pendanaan tahunan tertinggi pada tahun {hy} ({hv}) dan terendah pada tahun {ly} "
            "({lv}).",
            hy=Value(years[high], f"{src}#tahun"),
            hv=v_rp(yearly[high], f"{src}#{years[high]}"),
            ly=Value(years[low], f"{src}#tahun"),
            lv=v_rp(yearly[low], f"{src}#{years[low]}"),
        ),
    ]
    p = paragraph("pendanaan.sumber", sentences)
    return [p] if p else []


def _kegiatan(table: Table) -> list[list[str]]:
    """The kegiatan rows of a Lampiran 4 table (without its "Jumlah" row)."""
    return [r for r in table.rows if len(r) > 7 and r[0] and r[1] != "Jumlah"]


def program_kegiatan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    subsector = table_of(section, "Rencana kegiatan")
    if subsector is not None:
        return program_subsektor(subsector)
    table = table_of(section, "Program, kegiatan")
    if table is None or not _kegiatan(table):
        return []
    src = "program_kegiatan"
    rows = _kegiatan(table)
    costs = [num(r[6]) or 0.0 for r in rows]
    stated = _stated(table, 1, 6)
    total = sum(costs) if stated is None else stated
    per_sub: dict[str, list[float]] = defaultdict(list)
    for r, c in zip(rows, costs, strict=True):
        per_sub[r[1]].append(c)
    subs = sorted(per_sub.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    biggest_k = max(range(len(rows)), key=lambda k: (costs[k], -k))
    biggest = rows[biggest_k]
    status = Counter(r[7] for r in rows)
    summary: list[Sentence | None] = [
        say(
            "Rencana program memuat {n} kegiatan dalam {np} program dengan indikasi biaya {total}.",
            n=v_int(len(rows), f"{src}#kegiatan"),
            np=v_int(len({r[2] for r in rows}), f"{src}#program"),
            total=v_rp(total, f"{src}#jumlah"),
        ),
        say(
            "Menurut subsektor: {items}.",
            items=[
                Value(
                    f"{lower_first(k)} {len(v)} kegiatan ({v_rp(sum(v), '').text}; "
                    f"{v_pct(sum(v), total, '').text})",
                    f"{src}#{k}",
                )
                for k, v in subs
            ],
        ),
    ]
    detail: list[Sentence | None] = [
        say(
            "Kegiatan dengan biaya terbesar adalah “{keg}” di {lokasi} ({v}; {p} dari seluruh "
            "biaya program).",
            keg=Value(biggest[3], f"{src}#{biggest[0]}"),
            lokasi=Value(biggest[4] or "–", f"{src}#{biggest[0]}"),
            v=v_rp(costs[biggest_k], f"{src}#{biggest[0]}"),
            p=v_pct(costs[biggest_k], total, f"{src}#{biggest[0]}"),
        ),
        say(
            "Menurut status, {items}.",
            items=[
                Value(f"{k} kegiatan berstatus {label.lower()}", f"{src}#status")
                for label, k in sorted(status.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        ),
    ]
    out = [paragraph("program.ringkasan", summary), paragraph("program.rincian", detail)]
    return [p for p in out if p]


def program_subsektor(table: Table) -> list[Paragraph]:
    """MPS Bab 3.x: the kegiatan of one subsector, their cost, the largest and the sources."""
    rows = _kegiatan(table)
    if not rows:
        return []
    name = rows[0][1]
    src = f"program_kegiatan:{name}"
    costs = [num(r[6]) or 0.0 for r in rows]
    stated = _stated(table, 1, 6)
    total = sum(costs) if stated is None else stated
    biggest_k = max(range(len(rows)), key=lambda k: (costs[k], -k))
    per_source: dict[str, float] = defaultdict(float)
    counts: Counter[str] = Counter()
    for r, c in zip(rows, costs, strict=True):
        per_source[r[5]] += c
        counts[r[5]] += 1
    sources = sorted(per_source, key=lambda k: (-per_source[k], k))
    sentences: list[Sentence | None] = [
        say(
            "Rencana kegiatan {name} memuat {n} kegiatan dalam {np} program dengan indikasi "
            "biaya lima tahun {total}.",
            name=lower_first(name),
            n=v_int(len(rows), f"{src}#kegiatan"),
            np=v_int(len({r[2] for r in rows}), f"{src}#program"),
            total=v_rp(total, f"{src}#jumlah"),
        ),
        say(
            "Kegiatan terbesar adalah “{keg}” di {lokasi} ({v}; {p} dari biaya subsektor ini).",
            keg=Value(rows[biggest_k][3], f"{src}#{rows[biggest_k][0]}"),
            lokasi=Value(rows[biggest_k][4] or "–", f"{src}#{rows[biggest_k][0]}"),
            v=v_rp(costs[biggest_k], f"{src}#{rows[biggest_k][0]}"),
            p=v_pct(costs[biggest_k], total, f"{src}#{rows[biggest_k][0]}"),
        )
        if len(rows) > 1
        else None,
        say(
            "Menurut sumber pendanaan: {items}.",
            items=[Value(f"{k} {counts[k]} kegiatan", f"{src}#sumber") for k in sources],
        )
        if len(sources) > 1
        else say(
            "Seluruh kegiatan direncanakan dengan sumber pendanaan {source}.",
            source=Value(sources[0], f"{src}#sumber"),
        ),
    ]
    p = paragraph("program.subsektor", sentences)
    return [p] if p else []


def mps_tahunan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "MPS tahun")
    if table is None or not body_rows(table):
        return []
    src = "mps_tahunan"
    year = Value(year_in(table.title), f"{src}#tahun")
    rows = [(r[0], num(r[2]) or 0.0, num(r[3]) or 0.0) for r in body_rows(table)]
    stated, stated_c = _stated(table, 0, 2), _stated(table, 0, 3)
    total = sum(r[1] for r in rows) if stated is None else stated
    committed = sum(min(r[2], r[1]) for r in rows)
    if stated_c is not None and all(r[2] <= r[1] for r in rows):
        committed = stated_c
    open_rows = sorted((r for r in rows if r[2] <= 0), key=lambda r: (-r[1], r[0]))
    sentences: list[Sentence | None] = [
        say(
            "MPS tahun {year} memuat {n} kegiatan prioritas senilai {total}.",
            year=year,
            n=v_int(len(rows), f"{src}#kegiatan"),
            total=v_rp(total, f"{src}#biaya"),
        ),
        say(
            "Komitmen pendanaan yang tercatat {c} ({p}), sehingga {gap} masih perlu dipastikan "
            "sumber pendanaannya.",
            c=v_rp(committed, f"{src}#komitmen"),
            p=v_pct(committed, total, f"{src}#komitmen"),
            gap=v_rp(total - committed, f"{src}#belum_komitmen"),
        )
        if committed > 0
        else say(
            "Belum ada komitmen pendanaan yang tercatat, sehingga seluruh {gap} masih perlu "
            "dipastikan sumber pendanaannya.",
            gap=v_rp(total, f"{src}#belum_komitmen"),
        ),
    ]
    if open_rows:
        sentences.append(
            say(
                "Sebanyak {k} kegiatan belum memiliki komitmen, yang terbesar “{keg}” ({v}).",
                k=v_int(len(open_rows), f"{src}#belum_komitmen"),
                keg=Value(open_rows[0][0], f"{src}#kegiatan"),
                v=v_rp(open_rows[0][1], f"{src}#kegiatan"),
            )
        )
    p = paragraph("mps.tahunan", sentences)
    return [p] if p else []
