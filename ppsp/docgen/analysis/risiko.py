"""Area berisiko (figure ``area_berisiko``): how many desa fall in each risk class, per
component, and in which kecamatan the very-high-risk desa concentrate."""

from __future__ import annotations

from collections import Counter

from ppsp.docgen.analysis.base import DocFacts, SectionInput, lower_first, table_of
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, paragraph, say, slug, v_int, v_pct

AREA = "area_berisiko"
LABELS = {4: "sangat tinggi", 3: "tinggi", 2: "sedang", 1: "kurang berisiko"}


def _cls(cell: str) -> int:
    return int(cell) if cell.strip().isdigit() else 0


def area_berisiko(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Area berisiko")
    if table is None or not table.rows:
        return []
    components = table.header[2:-1]
    rows = table.rows
    n = len(rows)
    total = v_int(n, f"{AREA}#desa")
    worst = [max((_cls(c) for c in r[2:-1]), default=0) for r in rows]
    count = Counter(worst)
    summary = [
        say(
            "Dari {n} desa/kelurahan yang dinilai, {n4} ({p4}) berada pada area berisiko "
            "sangat tinggi dan {n3} ({p3}) pada area berisiko tinggi menurut kelas gabungan "
            "(kelas tertinggi dari ketiga komponen).",
            n=total,
            n4=v_int(count[4], f"{AREA}#gabungan_4"),
            p4=v_pct(count[4], n, f"{AREA}#gabungan_4"),
            n3=v_int(count[3], f"{AREA}#gabungan_3"),
            p3=v_pct(count[3], n, f"{AREA}#gabungan_3"),
        ),
        say(
            "Selebihnya {n2} desa/kelurahan berisiko sedang dan {n1} kurang berisiko.",
            n2=v_int(count[2], f"{AREA}#gabungan_2"),
            n1=v_int(count[1], f"{AREA}#gabungan_1"),
        ),
    ]
    out = [paragraph("risiko.ringkasan", summary)]
    for k, name in enumerate(components, start=2):
        out.append(_component(name, [(r[0], r[1], _cls(r[k])) for r in rows], total))
    out.append(_kecamatan(rows, worst))
    return [p for p in out if p]


def _component(name: str, cells: list[tuple[str, str, int]], total: Value) -> Paragraph | None:
    n = len(cells)
    src = f"{AREA}#{name}"
    high = [c for c in cells if c[2] == 4]
    tinggi = sum(1 for c in cells if c[2] == 3)
    comp = lower_first(name)
    sentences: list[Sentence | None] = []
    if high:
        by_kec = Counter(c[0] for c in high)
        kec, k = sorted(by_kec.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        sentences.append(
            say(
                "Untuk {comp}, sebanyak {n4} dari {n} desa/kelurahan ({p4}) berada pada area "
                "berisiko sangat tinggi, terkonsentrasi di Kecamatan {kec} ({k} desa).",
                comp=comp,
                n4=v_int(len(high), src),
                n=total,
                p4=v_pct(len(high), n, src),
                kec=Value(kec, src),
                k=v_int(k, src),
            )
        )
        if len(high) <= 6:
            sentences.append(
                say(
                    "Desa/kelurahan tersebut adalah {names}.",
                    names=[Value(c[1], src) for c in sorted(high, key=lambda c: c[1])],
                )
            )
    else:
        sentences.append(
            say("Untuk {comp}, tidak ada desa/kelurahan berisiko sangat tinggi.", comp=comp)
        )
    sentences.append(
        say(
            "Sebanyak {n3} desa/kelurahan ({p3}) berisiko tinggi untuk {comp}.",
            n3=v_int(tinggi, src),
            p3=v_pct(tinggi, n, src),
            comp=comp,
        )
    )
    return paragraph(f"risiko.{slug(name)}", sentences)


def _kecamatan(rows: list[list[str]], worst: list[int]) -> Paragraph | None:
    per: dict[str, list[int]] = {}
    for r, w in zip(rows, worst, strict=True):
        per.setdefault(r[0], []).append(w)
    scored = [(sum(1 for w in ws if w >= 3), len(ws), k) for k, ws in per.items()]
    scored = [s for s in scored if s[0]]
    if not scored:
        return None
    risky, n, kec = sorted(scored, key=lambda s: (-s[0], -s[0] / s[1], s[2]))[0]
    src = f"{AREA}#{kec}"
    sentence = say(
        "Kecamatan dengan desa berisiko tinggi atau sangat tinggi terbanyak adalah {kec}: "
        "{risky} dari {n} desanya ({p}); kecamatan ini menjadi prioritas penanganan.",
        kec=Value(kec, src),
        risky=v_int(risky, src),
        n=v_int(n, src),
        p=v_pct(risky, n, src),
    )
    return paragraph("risiko.kecamatan", [sentence])
