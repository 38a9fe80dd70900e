"""Zones and systems (bound data ``tahapan_pengembangan``) and the visi/misi
(``visi_misi``): how many kegiatan per subsector and zone, the commonest kind of kegiatan,
and the sanitation vision against the kab/kota vision."""

from __future__ import annotations

from collections import Counter, defaultdict

from ppsp.docgen.analysis.base import DocFacts, SectionInput, lower_first, table_of
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, paragraph, say, v_int


def tahapan_pengembangan(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Tahapan pengembangan")
    if table is None or not table.rows:
        return []
    src = "tahapan_pengembangan"
    rows = table.rows
    zones = sorted({r[1] for r in rows if r[1] and r[1] != "–"})
    per_sub: dict[str, list[list[str]]] = defaultdict(list)
    for r in rows:
        per_sub[r[0]].append(r)
    kinds = Counter(r[3] for r in rows)
    kind, k = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    sentences: list[Sentence | None] = [
        say(
            "Tahapan pengembangan sanitasi dari skenario terpilih memuat {n} kegiatan di {nz} "
            "zona/kawasan untuk {ns} subsektor.",
            n=v_int(len(rows), f"{src}#kegiatan"),
            nz=v_int(len(zones), f"{src}#zona"),
            ns=v_int(len(per_sub), f"{src}#subsektor"),
        )
    ]
    for sub, items in per_sub.items():
        sub_zones = sorted({r[1] for r in items if r[1] and r[1] != "–"})
        sentences.append(
            say(
                "Subsektor {sub} mencakup {n} kegiatan" + (" di {zones}." if sub_zones else "."),
                sub=lower_first(sub),
                n=v_int(len(items), f"{src}#{sub}"),
                **({"zones": [Value(z, f"{src}#{sub}") for z in sub_zones]} if sub_zones else {}),
            )
        )
    sentences.append(
        say(
            "Jenis kegiatan yang paling sering adalah “{kind}” ({k} kegiatan).",
            kind=Value(kind, f"{src}#jenis"),
            k=v_int(k, f"{src}#jenis"),
        )
    )
    p = paragraph("zona.ringkasan", sentences)
    return [p] if p else []


def visi_misi(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Visi, misi")
    if table is None or not table.rows:
        return []
    src = "visi_misi"
    by_label: dict[str, list[list[str]]] = defaultdict(list)
    for r in table.rows:
        by_label[r[0]].append(r)
    visi = by_label.get("Visi sanitasi")
    if not visi:
        return []
    kab = by_label.get("Visi kabupaten/kota (RPJMD)")
    subs = sorted({r[1] for r in by_label.get("Misi sanitasi", []) if r[1] != "–"})
    sentences: list[Sentence | None] = [
        say(
            "Visi sanitasi {kabkota} adalah “{visi}”"
            + (", mendukung visi daerah dalam RPJMD “{kab}”." if kab else "."),
            kabkota=doc.kabkota,
            visi=Value(visi[0][2], f"{src}#visi_sanitasi"),
            **({"kab": Value(kab[0][2], f"{src}#visi_kabkota")} if kab else {}),
        )
    ]
    if subs:
        sentences.append(
            say(
                "Misi dan tujuan sanitasi dirumuskan untuk {n} subsektor, yaitu {subs}.",
                n=v_int(len(subs), f"{src}#subsektor"),
                subs=[Value(lower_first(s), f"{src}#subsektor") for s in subs],
            )
        )
    p = paragraph("visi.ringkasan", sentences)
    return [p] if p else []
