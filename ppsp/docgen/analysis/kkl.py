"""The Kerangka Kerja Logis (bound data ``kkl_matrix``), tujuan/sasaran with their yearly
targets (``tujuan_sasaran``) and the strategi per subsector (``strategi:<subsektor>``)."""

from __future__ import annotations

from collections import Counter

from ppsp.docgen.analysis.base import DocFacts, SectionInput, lower_first, table_of
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, num, paragraph, say, v_dec, v_int


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("; ") if x.strip()]


def kkl_matrix(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Matriks Kerangka Kerja Logis")
    if table is None or not table.rows:
        return []
    src = "kkl_matrix"
    rows = table.rows
    distinct = [len({r[k] for r in rows if r[k]}) for k in range(5)]
    programmes = {p for r in rows for p in _split(r[5])}
    kegiatan = {k for r in rows for k in _split(r[6])}
    per_strategy = Counter({r[4]: len(_split(r[6])) for r in rows})
    empty = [r[4] for r in rows if not _split(r[6])]
    sentences: list[Sentence | None] = [
        say(
            "Kerangka Kerja Logis menautkan {p} permasalahan mendesak dan {i} isu strategis "
            "ke {t} tujuan, {s} sasaran dan {st} strategi.",
            p=v_int(distinct[0], f"{src}#permasalahan"),
            i=v_int(distinct[1], f"{src}#isu"),
            t=v_int(distinct[2], f"{src}#tujuan"),
            s=v_int(distinct[3], f"{src}#sasaran"),
            st=v_int(distinct[4], f"{src}#strategi"),
        ),
        say(
            "Strategi tersebut dijabarkan ke dalam {np} program dan {nk} kegiatan.",
            np=v_int(len(programmes), f"{src}#program"),
            nk=v_int(len(kegiatan), f"{src}#kegiatan"),
        ),
    ]
    if per_strategy:
        name, k = sorted(per_strategy.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        sentences.append(
            say(
                "Strategi dengan kegiatan terbanyak adalah “{name}” ({k} kegiatan).",
                name=Value(name, f"{src}#strategi"),
                k=v_int(k, f"{src}#strategi"),
            )
        )
    sentences.append(
        say(
            "Sebanyak {n} strategi belum memiliki kegiatan dan perlu dilengkapi.",
            n=v_int(len(empty), f"{src}#tanpa_kegiatan"),
        )
        if empty
        else say("Setiap strategi sudah memiliki sedikitnya satu kegiatan.")
    )
    p = paragraph("kkl.ringkasan", sentences)
    return [p] if p else []


def tujuan_sasaran(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Tujuan, sasaran")
    if table is None or not table.rows:
        return []
    src = "tujuan_sasaran"
    years = table.header[4:]
    rows = table.rows
    sentences: list[Sentence | None] = [
        say(
            "Terdapat {n} sasaran untuk {t} tujuan, masing-masing dengan indikator, nilai dasar "
            "dan target tahunan {first}–{last}.",
            n=v_int(len(rows), f"{src}#sasaran"),
            t=v_int(len({r[0] for r in rows}), f"{src}#tujuan"),
            first=Value(years[0] if years else "", f"{src}#tahun"),
            last=Value(years[-1] if years else "", f"{src}#tahun"),
        )
        if years
        else None
    ]
    for r in rows:
        base, target = num(r[3]), num(r[-1]) if years else None
        if base is None or target is None or not years:
            continue
        step = (target - base) / len(years)
        sentences.append(
            say(
                "{indicator}: dari {base} menjadi {target} pada {year}, rata-rata {direction} "
                "{step} per tahun.",
                indicator=Value(r[2], f"{src}#{r[2]}"),
                base=Value(r[3], f"{src}#{r[2]}"),
                target=Value(r[-1], f"{src}#{r[2]}"),
                year=Value(years[-1], f"{src}#tahun"),
                direction="naik" if step >= 0 else "turun",
                step=v_dec(abs(step), f"{src}#{r[2]}"),
            )
        )
    p = paragraph("sasaran.ringkasan", sentences)
    return [p] if p else []


def strategi(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    table = table_of(section, "Strategi")
    if table is None or not table.rows:
        return []
    label = table.title.removeprefix("Strategi").strip()
    src = f"{section.binding}"
    rows = table.rows
    sasaran = sorted({r[2] for r in rows if r[2]})
    sentences: list[Sentence | None] = [
        say(
            "Untuk subsektor {label}, Pokja menetapkan {n} strategi yang mendukung {ns} sasaran.",
            label=label[:1].lower() + label[1:],
            n=v_int(len(rows), f"{src}#strategi"),
            ns=v_int(len(sasaran), f"{src}#sasaran"),
        ),
        say(
            "Strategi tersebut adalah {items}.",
            items=[
                Value(f"({k}) {lower_first(r[1])}", f"{src}#strategi")
                for k, r in enumerate(rows, start=1)
            ],
        ),
    ]
    p = paragraph("strategi.ringkasan", sentences)
    return [p] if p else []
