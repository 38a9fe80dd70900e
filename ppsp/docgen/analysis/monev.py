"""Monev (bound data ``monev``: the sasaran indicators with baseline and final target) and
the public consultation responses (``tanggapan``)."""

from __future__ import annotations

import re
from collections import Counter

from ppsp.docgen.analysis.base import DocFacts, SectionInput, table_of
from ppsp.docgen.analysis.text import (
    Paragraph,
    Sentence,
    Value,
    column,
    num,
    paragraph,
    say,
    v_dec,
    v_int,
)


def monev(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Matriks monitoring")
    if table is None or not table.rows:
        return []
    src = "monev"
    rows = table.rows
    no_base = [r for r in rows if num(r[1]) is None]
    changes = []
    for r in rows:
        found = re.match(r"^(.*?) \((\d{4})\)$", r[2])
        base = num(r[1])
        target = num(found.group(1)) if found else None
        if found and base is not None and target is not None:
            changes.append((abs(target - base), r, found.group(1), found.group(2)))
    frequencies = Counter(r[3] for r in rows)
    freq = sorted(frequencies.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    sentences: list[Sentence | None] = [
        say(
            "Matriks monitoring dan evaluasi memantau {n} indikator sasaran; pemantauan "
            "dilakukan {freq} oleh {who}.",
            n=v_int(len(rows), f"{src}#indikator"),
            freq=freq.lower(),
            who=rows[0][4],
        )
    ]
    if changes:
        _d, r, final, year = max(changes, key=lambda c: (c[0], c[1][0]))
        sentences.append(
            say(
                "Perubahan terbesar yang ditargetkan adalah {ind}: dari {base} menjadi {target} "
                "pada {year} ({delta} poin).",
                ind=Value(r[0], f"{src}#{r[0]}"),
                base=Value(r[1], f"{src}#{r[0]}"),
                target=Value(final, f"{src}#{r[0]}"),
                year=Value(year, f"{src}#{r[0]}"),
                delta=v_dec(_d, f"{src}#{r[0]}"),
            )
        )
    sentences.append(
        say(
            "Sebanyak {m} indikator belum memiliki nilai dasar dan perlu diukur pada tahun "
            "pertama.",
            m=v_int(len(no_base), f"{src}#tanpa_nilai_dasar"),
        )
        if no_base
        else say("Semua indikator sudah memiliki nilai dasar sebagai titik awal pemantauan.")
    )
    p = paragraph("monev.ringkasan", sentences)
    return [p] if p else []


def tanggapan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Matriks tanggapan")
    if table is None or not table.rows:
        return []
    src = "tanggapan"
    decisions = Counter(r[4] for r in table.rows)
    open_ = decisions.get("belum ditanggapi", 0)
    sentences: list[Sentence | None] = [
        say(
            "Konsultasi publik menerima {n} masukan: {items}.",
            n=v_int(len(table.rows), f"{src}#masukan"),
            items=[
                Value(f"{k} {label}", f"{src}#keputusan")
                for label, k in sorted(decisions.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        ),
        say(
            "Sebanyak {k} masukan masih perlu ditanggapi Pokja sebelum dokumen ditetapkan.",
            k=v_int(open_, f"{src}#belum_ditanggapi"),
        )
        if open_
        else say("Semua masukan sudah ditanggapi Pokja."),
    ]
    changed_at = column(table.header, "Bab/bagian diubah")
    changed = Counter(
        r[changed_at] for r in table.rows if changed_at is not None and r[changed_at] != "–"
    )
    if changed:
        sentences.append(
            say(
                "Sebanyak {k} masukan diakomodasi dan mengubah dokumen ini: {items}.",
                k=v_int(sum(changed.values()), f"{src}#diakomodasi"),
                items=[
                    Value(f"{name} ({n} masukan)", f"{src}#diakomodasi")
                    for name, n in changed.items()
                ],
            )
        )
    p = paragraph("tanggapan.ringkasan", sentences)
    return [p] if p else []
