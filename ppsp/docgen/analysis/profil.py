"""Profil wilayah: population per kecamatan (figure ``population_desa``) and the PPSP
stage history (bound data ``tahapan_ppsp``)."""

from __future__ import annotations

from ppsp.docgen.analysis.base import DocFacts, SectionInput, body_rows, table_of, year_in
from ppsp.docgen.analysis.text import Paragraph, Value, num, paragraph, say, v_dec, v_int, v_pct

POP = "population_desa"


def penduduk(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """Total population, households, kecamatan/desa counts, the largest and smallest
    kecamatan and the share of the three largest (Tabel "Jumlah penduduk per kecamatan")."""
    table = table_of(section, "Jumlah penduduk")
    if table is None:
        return []
    rows = [(r[0], num(r[1]) or 0, num(r[2]) or 0, num(r[3]) or 0) for r in body_rows(table)]
    if not rows:
        return []
    desa = sum(r[1] for r in rows)
    people = sum(r[2] for r in rows)
    kk = sum(r[3] for r in rows)
    year = Value(year_in(table.title), f"{POP}#tahun")
    ranked = sorted(rows, key=lambda r: (-r[2], r[0]))
    first = say(
        "Pada tahun {year}, penduduk {kabkota} berjumlah {people} jiwa dalam {kk} kepala "
        "keluarga (KK), tersebar di {kec} kecamatan dan {desa} desa/kelurahan.",
        year=year,
        kabkota=doc.kabkota,
        people=v_int(people, f"{POP}#penduduk"),
        kk=v_int(kk, f"{POP}#kk"),
        kec=v_int(len(rows), f"{POP}#kecamatan"),
        desa=v_int(desa, f"{POP}#desa"),
    )
    size = (
        say(
            "Rata-rata satu KK beranggotakan {size} jiwa dan satu desa/kelurahan dihuni "
            "{per_desa} jiwa.",
            size=v_dec(people / kk, f"{POP}#jiwa_per_kk"),
            per_desa=v_int(people / desa, f"{POP}#jiwa_per_desa"),
        )
        if kk and desa
        else None
    )
    top, low = ranked[0], ranked[-1]
    spread = say(
        "Kecamatan berpenduduk terbanyak adalah {top} ({top_n} jiwa atau {top_p} dari "
        "jumlah penduduk), sedangkan yang paling sedikit adalah {low} ({low_n} jiwa).",
        top=top[0],
        top_n=v_int(top[2], f"{POP}#{top[0]}"),
        top_p=v_pct(top[2], people, f"{POP}#{top[0]}"),
        low=low[0],
        low_n=v_int(low[2], f"{POP}#{low[0]}"),
    )
    three = (
        say(
            "Tiga kecamatan terbesar ({names}) menampung {share} penduduk.",
            names=", ".join(r[0] for r in ranked[:3]),
            share=v_pct(sum(r[2] for r in ranked[:3]), people, f"{POP}#tiga_terbesar"),
        )
        if len(ranked) > 3
        else None
    )
    out = [
        paragraph("profil.penduduk", [first, size]),
        paragraph("profil.sebaran", [spread, three]),
    ]
    return [p for p in out if p]


def tahapan_ppsp(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """How many PPSP stages are recorded, how many finished, and the latest one."""
    table = table_of(section, "Riwayat tahapan")
    if table is None or not table.rows:
        return []
    src = "tahapan_ppsp"
    done = [r for r in table.rows if r[2].lower() == "selesai"]
    latest = max(table.rows, key=lambda r: (r[3], r[0]))
    first = say(
        "Riwayat PPSP {kabkota} mencatat {n} tahapan; {done} di antaranya sudah selesai.",
        kabkota=doc.kabkota,
        n=v_int(len(table.rows), f"{src}#tahapan"),
        done=v_int(len(done), f"{src}#selesai"),
    )
    last = say(
        "Tahapan yang paling akhir dimulai adalah tahapan {no} “{name}” ({status}, mulai {start}).",
        no=Value(latest[0], f"{src}#{latest[0]}"),
        name=latest[1],
        status=latest[2],
        start=Value(latest[3], f"{src}#{latest[0]}"),
    )
    p = paragraph("ppsp.tahapan", [first, last])
    return [p] if p else []
