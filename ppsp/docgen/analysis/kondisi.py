"""EHRA results and kondisi per subsektor: the Indeks Risiko Sanitasi per desa (figure
``irs``): level, range, ranking of desa and kecamatan, and each component compared with
the kab/kota mean."""

from __future__ import annotations

from collections import defaultdict
from statistics import mean

from ppsp.docgen.analysis.base import (
    DocFacts,
    SectionInput,
    figure_of,
    lower_first,
    table_of,
    year_in,
)
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, num, paragraph, say, v_dec, v_int

IRS = "irs"


def irs(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Indeks Risiko Sanitasi")
    if table is None or not table.rows:
        return []
    last = len(table.header) - 1
    rows = [r for r in table.rows if num(r[last]) is not None]
    if not rows:
        return []
    values = [num(r[last]) or 0.0 for r in rows]
    year = Value(year_in(table.title), f"{IRS}#tahun")
    kec_of: dict[str, list[float]] = defaultdict(list)
    for r, v in zip(rows, values, strict=True):
        kec_of[r[0]].append(v)
    ranked = sorted(zip(rows, values, strict=True), key=lambda rv: (-rv[1], rv[0][1]))
    top, bottom = ranked[0], ranked[-1]
    summary = [
        say(
            "Studi EHRA {year} mencakup {n} desa/kelurahan di {kec} kecamatan.",
            year=year,
            n=v_int(len(rows), f"{IRS}#desa"),
            kec=v_int(len(kec_of), f"{IRS}#kecamatan"),
        ),
        say(
            "Rata-rata Indeks Risiko Sanitasi (IRS) adalah {mean} poin, dengan rentang dari "
            "{low} poin di {low_desa} hingga {high} poin di {high_desa} (Kecamatan {high_kec}).",
            mean=v_dec(mean(values), f"{IRS}#rata_rata"),
            low=Value(bottom[0][last], f"{IRS}#{bottom[0][1]}"),
            low_desa=Value(bottom[0][1], f"{IRS}#{bottom[0][1]}"),
            high=Value(top[0][last], f"{IRS}#{top[0][1]}"),
            high_desa=Value(top[0][1], f"{IRS}#{top[0][1]}"),
            high_kec=Value(top[0][0], f"{IRS}#{top[0][1]}"),
        ),
    ]
    ranking: list[Sentence | None] = []
    if len(ranked) >= 3:
        ranking.append(
            say(
                "Tiga desa/kelurahan dengan IRS tertinggi adalah {items}.",
                items=[Value(f"{r[1]} ({r[last]})", f"{IRS}#{r[1]}") for r, _v in ranked[:3]],
            )
        )
    kec_mean = sorted(((mean(v), k) for k, v in kec_of.items()), key=lambda mk: (-mk[0], mk[1]))
    if len(kec_mean) > 1:
        ranking.append(
            say(
                "Menurut kecamatan, rata-rata IRS tertinggi terdapat di Kecamatan {hk} ({hv} "
                "poin) dan terendah di Kecamatan {lk} ({lv} poin).",
                hk=Value(kec_mean[0][1], f"{IRS}#kecamatan"),
                hv=v_dec(kec_mean[0][0], f"{IRS}#{kec_mean[0][1]}"),
                lk=Value(kec_mean[-1][1], f"{IRS}#kecamatan"),
                lv=v_dec(kec_mean[-1][0], f"{IRS}#{kec_mean[-1][1]}"),
            )
        )
    out = [paragraph("ehra.ringkasan", summary), paragraph("ehra.peringkat", ranking)]
    out.append(_subsectors(section, table.header[2:last], rows))
    return [p for p in out if p]


def _subsectors(
    section: SectionInput, components: list[str], rows: list[list[str]]
) -> Paragraph | None:
    """Kondisi per subsektor: components ranked by their mean index, the worst desa of each."""
    figure = figure_of(section, "irs")
    means: dict[str, float] = {}
    for k, name in enumerate(components, start=2):
        cells = [num(r[k]) for r in rows]
        values = [c for c in cells if c is not None]
        if figure is not None and isinstance(figure.data.get(name), int | float):
            means[name] = float(figure.data[name])  # type: ignore[arg-type]
        elif values:
            means[name] = mean(values)
    if not means:
        return None
    order = sorted(means, key=lambda c: (-means[c], c))
    sentences: list[Sentence | None] = [
        say(
            "Menurut komponen, indeks risiko rata-rata tertinggi berasal dari {items}; yang "
            "terendah adalah {low} ({low_v} poin).",
            items=[
                Value(f"{lower_first(c)} ({v_dec(means[c], '').text} poin)", f"{IRS}#{c}")
                for c in order[:3]
            ],
            low=lower_first(order[-1]),
            low_v=v_dec(means[order[-1]], f"{IRS}#{order[-1]}"),
        )
    ]
    for k, name in enumerate(components, start=2):
        if name not in means:
            continue
        scored = [(num(r[k]), r) for r in rows if num(r[k]) is not None]
        if not scored:
            continue
        worst = max(scored, key=lambda sr: (sr[0] or 0.0, sr[1][1]))
        above = sum(1 for s, _r in scored if (s or 0.0) > means[name])
        sentences.append(
            say(
                "Untuk {comp}, indeks tertinggi tercatat di {desa} ({value} poin) dan {above} "
                "dari {n} desa/kelurahan berada di atas rata-rata.",
                comp=lower_first(name),
                desa=Value(worst[1][1], f"{IRS}#{name}"),
                value=Value(worst[1][k], f"{IRS}#{name}"),
                above=v_int(above, f"{IRS}#{name}"),
                n=v_int(len(scored), f"{IRS}#desa"),
            )
        )
    return paragraph("ehra.subsektor", sentences)
