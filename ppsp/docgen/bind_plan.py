"""Bindings of the planning chapters: Tabel 5.1/5.2, KKL, strategi, programme, SWOT, MPS,
the scenario and the tanggapan matrix (reads through the owning apps' selectors)."""

from __future__ import annotations

from collections import defaultdict

from ppsp.consultation.exports import matrix_rows
from ppsp.consultation.selectors import consultations_of, tanggapan_rows
from ppsp.docgen import periods
from ppsp.docgen.doc import Block, Figure, Missing, Table
from ppsp.docgen.fmt import id_number, rp_juta
from ppsp.mps.codes import Source, Subsector
from ppsp.mps.models import KklNode, Plan
from ppsp.mps.selectors import mps_table, plan_rows
from ppsp.regions.models import Region
from ppsp.scenarios.figures import tabel51_figures
from ppsp.scenarios.models import KegiatanType, Scenario
from ppsp.scenarios.selectors import chosen_cost_lines
from ppsp.scenarios.selectors.vision import vision_of

SUBSECTORS = {k: str(v) for k, v in Subsector.choices}
SOURCES = {k: str(v) for k, v in Source.choices}
KEGIATAN_TYPES = {k: str(v) for k, v in KegiatanType.choices}
NO_PLAN = "Rencana program (Proses 4, menu MPS) belum dibuat."


def _plan(region: Region, facts: dict[str, str]) -> Plan | None:
    """The Lampiran 4 plan of the document's period (`periods.plan`), never a later one."""
    return periods.plan(region, periods.years_of(facts)[0])


def _scenario(region: Region, facts: dict[str, str]) -> Scenario | None:
    return periods.scenario(region, periods.years_of(facts)[0])


def _no_scenario(what: str, facts: dict[str, str]) -> Missing:
    return Missing(periods.unavailable(what, *periods.years_of(facts)))


def tabel_5_1(region: Region, facts: dict[str, str]) -> list[Block]:
    scenario = _scenario(region, facts)  # the chosen scenario of the document's period
    if scenario is None:
        return [_no_scenario("Skenario terpilih (Proses 3, menu Skenario) untuk Tabel 5.1", facts)]
    figure = tabel51_figures(scenario)  # the one Tabel 5.1 selector (scenarios.figures)
    table = figure.table
    gaps, totals = table.gaps, table.gaps.totals
    body = [
        [str(k), label, *map(rp_juta, v), rp_juta(t)]
        for k, (label, v, t) in enumerate(table.rows, start=1)
    ]
    extra = (
        ("Jumlah (a)", gaps.need_total, totals["need_total"]),
        ("Perkiraan APBD murni untuk sanitasi (b)", gaps.apbd_murni, totals["apbd_murni"]),
        ("Perkiraan komitmen pendanaan sanitasi (c)", gaps.komitmen, totals["komitmen"]),
        ("Gap 1 (a − b)", gaps.gap1, totals["gap1"]),
        ("Gap 2 (a − c)", gaps.gap2, totals["gap2"]),
    )
    first_extra = len(body)
    body += [["", label, *map(rp_juta, v), rp_juta(t)] for label, v, t in extra]
    facts["kebutuhan_total"] = rp_juta(totals["need_total"])
    facts["skenario"] = scenario.name
    blocks: list[Block] = [
        Table(
            "Rekapitulasi indikasi kebutuhan biaya pengembangan sanitasi untuk 5 tahun (x Rp juta)",
            ["No", "Sektor/Subsektor", *map(str, table.years), "Total"],
            body,
            numeric=set(range(2, 3 + len(table.years))),
            bold_rows={first_extra, first_extra + 3, first_extra + 4},
            note="; ".join(table.problems),
            source=figure.source,
        ),
        Figure(
            "Kebutuhan biaya, kemampuan pendanaan dan gap per tahun (Rp juta)",
            "gaps",
            {
                "years": table.years,
                "need": [v / 1e6 for v in gaps.need_total],
                "b": [v / 1e6 for v in gaps.apbd_murni],
                "c": [v / 1e6 for v in gaps.komitmen],
                "gap1": [v / 1e6 for v in gaps.gap1],
            },
        ),
    ]
    return blocks


def tabel_5_2(region: Region, facts: dict[str, str]) -> list[Block]:
    plan = _plan(region, facts)
    if plan is None:
        return [Missing(NO_PLAN)]
    rows = list(plan_rows(plan))
    if not rows:
        return [Missing("Lampiran 4 (baris program/kegiatan) belum diisi.")]
    per_source: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    for row in rows:
        for t, amount in enumerate(row.amounts):
            per_source[row.source][t] += amount
    years = [plan.first_year + t for t in range(5)]
    body = [
        [SOURCES[s], *map(rp_juta, v), rp_juta(sum(v))]
        for s, v in sorted(per_source.items(), key=lambda kv: list(SOURCES).index(kv[0]))
    ]
    total = [sum(v[t] for v in per_source.values()) for t in range(5)]
    body.append(["Jumlah", *map(rp_juta, total), rp_juta(sum(total))])
    return [
        Table(
            "Rekapitulasi indikasi pendanaan per sumber pendanaan (x Rp juta)",
            ["Sumber pendanaan", *map(str, years), "Total"],
            body,
            numeric=set(range(1, 7)),
            bold_rows={len(body) - 1},
        )
    ]


def program_kegiatan(region: Region, facts: dict[str, str], *, subsector: str = "") -> list[Block]:
    """Lampiran 4 (all rows, or those of one `subsector` numbered from 1 for MPS Bab 3.x),
    with a "Jumlah" row summed from the unrounded amounts (the figure Tabel 5.1 prints)."""
    plan = _plan(region, facts)
    rows = list(plan_rows(plan)) if plan else []
    if not rows:
        return [Missing(NO_PLAN if plan is None else "Lampiran 4 belum diisi.")]
    title = "Program, kegiatan dan indikasi pendanaan (x Rp juta, 5 tahun)"
    if subsector:
        label = SUBSECTORS.get(subsector, subsector)
        rows = [r for r in rows if r.subsector == subsector]
        if not rows:
            return [Missing(f"Lampiran 4 belum memuat kegiatan subsektor {label}.")]
        shown = label if label.isupper() else label.lower()
        title = f"Rencana kegiatan {shown} (x Rp juta, 5 tahun)"
    body = [
        [
            str(k),
            SUBSECTORS.get(r.subsector, r.subsector),
            r.program,
            r.kegiatan,
            r.lokasi.name if r.lokasi else r.zone,
            SOURCES.get(r.source, r.source),
            rp_juta(r.total),
            str(r.get_status_display()),
        ]
        for k, r in enumerate(rows, start=1)
    ]
    body.append(["", "Jumlah", "", "", "", "", rp_juta(sum(r.total for r in rows)), ""])
    return [
        Table(
            title,
            ["No", "Subsektor", "Program", "Kegiatan", "Lokasi", "Sumber", "Biaya", "Status"],
            body,
            numeric={6},
            bold_rows={len(body) - 1},
        )
    ]


def _nodes(region: Region, facts: dict[str, str]) -> list[KklNode]:
    plan = _plan(region, facts)
    return list(plan.kkl_nodes.order_by("pk")) if plan else []


def _chain(node: KklNode, by_pk: dict[int, KklNode]) -> dict[str, str]:
    out = {node.level: node.text}
    parent = by_pk.get(node.parent_id) if node.parent_id else None
    while parent is not None:
        out.setdefault(parent.level, parent.text)
        parent = by_pk.get(parent.parent_id) if parent.parent_id else None
    return out


def kkl_matrix(region: Region, facts: dict[str, str]) -> list[Block]:
    nodes = _nodes(region, facts)
    if not nodes:
        return [Missing("Kerangka Kerja Logis belum disusun (menu MPS, KKL).")]
    by_pk = {n.pk: n for n in nodes}
    levels = ("permasalahan", "isu", "tujuan", "sasaran", "strategi")
    has_child = {n.parent_id for n in nodes}
    body = []
    for leaf in (n for n in nodes if n.pk not in has_child):
        chain = _chain(leaf, by_pk)
        rows = list(leaf.rows.all())
        programmes = "; ".join(sorted({r.program for r in rows}))
        kegiatan = "; ".join(sorted({r.kegiatan for r in rows}))
        body.append([*(chain.get(level, "") for level in levels), programmes, kegiatan])
    header = ["Permasalahan mendesak", "Isu strategis", "Tujuan", "Sasaran", "Strategi"]
    header += ["Indikasi program", "Indikasi kegiatan"]
    return [Table("Matriks Kerangka Kerja Logis", header, body)]


def tujuan_sasaran(region: Region, facts: dict[str, str]) -> list[Block]:
    nodes = _nodes(region, facts)
    sasaran = [n for n in nodes if n.level == "sasaran"]
    if not sasaran:
        return [Missing("Tujuan dan sasaran belum disusun dalam KKL (menu MPS).")]
    by_pk = {n.pk: n for n in nodes}
    years = sorted({y for n in sasaran for y in (n.targets or {})})
    body = []
    for n in sasaran:
        chain = _chain(n, by_pk)
        targets = [id_number((n.targets or {}).get(y), 1) for y in years]
        base = id_number(n.baseline_value, 1) if n.baseline_value is not None else "–"
        body.append([chain.get("tujuan", ""), n.text, n.indicator, base, *targets])
    return [
        Table(
            "Tujuan, sasaran dan tahapan pencapaian",
            ["Tujuan", "Sasaran", "Indikator", "Nilai dasar", *years],
            body,
            numeric=set(range(3, 4 + len(years))),
        )
    ]


def strategi(subsector: str, region: Region, facts: dict[str, str]) -> list[Block]:
    nodes = _nodes(region, facts)
    by_pk = {n.pk: n for n in nodes}
    own = [n for n in nodes if n.level == "strategi" and _subsector(n, by_pk) == subsector]
    if not own:
        label = SUBSECTORS.get(subsector, subsector)
        return [Missing(f"Strategi {label} belum disusun dalam KKL (menu MPS).")]
    body = []
    for k, n in enumerate(own, start=1):
        chain = _chain(n, by_pk)
        body.append([f"Strategi {k}", n.text, chain.get("sasaran", ""), chain.get("tujuan", "")])
    label = SUBSECTORS.get(subsector, subsector)
    return [Table(f"Strategi {label}", ["No", "Strategi", "Sasaran", "Tujuan"], body)]


def _subsector(node: KklNode, by_pk: dict[int, KklNode]) -> str:
    current: KklNode | None = node
    while current is not None:
        if current.subsector:
            return current.subsector
        current = by_pk.get(current.parent_id) if current.parent_id else None
    return ""


def monev(region: Region, facts: dict[str, str]) -> list[Block]:
    sasaran = [n for n in _nodes(region, facts) if n.level == "sasaran" and n.indicator]
    if not sasaran:
        return [Missing("Indikator sasaran (KKL) belum diisi: matriks monev kosong.")]
    body = []
    for n in sasaran:
        targets = n.targets or {}
        last = max(targets) if targets else None
        body.append(
            [
                n.indicator,
                id_number(n.baseline_value, 1) if n.baseline_value is not None else "–",
                f"{id_number(targets[last], 1)} ({last})" if last else "–",
                "Tahunan",
                "Pokja Sanitasi",
            ]
        )
    header = ["Indikator", "Nilai dasar", "Target akhir", "Frekuensi", "Penanggung jawab"]
    return [Table("Matriks monitoring dan evaluasi", header, body)]


def swot(region: Region, facts: dict[str, str]) -> list[Block]:
    plan = _plan(region, facts)
    factors = list(plan.swot_factors.order_by("subsector", "kind", "pk")) if plan else []
    if not factors:
        return [Missing("Analisis SWOT belum diisi (menu MPS).")]
    body = [
        [
            SUBSECTORS.get(f.subsector, f.subsector),
            str(f.get_kind_display()),
            f.text,
            id_number(f.weight, 3),
            id_number(f.score, 1),
        ]
        for f in factors
    ]
    header = ["Subsektor", "Faktor", "Uraian", "Bobot", "Skor"]
    return [Table("Analisis SWOT", header, body, numeric={3, 4})]


def skenario(region: Region, facts: dict[str, str]) -> list[Block]:
    scenario = _scenario(region, facts)
    if scenario is None:
        return [_no_scenario("Skenario pembangunan sanitasi (Proses 3)", facts)]
    facts["skenario"] = scenario.name
    lines = chosen_cost_lines(region, scenario=scenario) or []
    per_sub: dict[str, float] = defaultdict(float)
    for line in lines:
        per_sub[line.subsector] += sum(line.amounts_by_year)
    body = [[SUBSECTORS.get(k, k), rp_juta(v)] for k, v in per_sub.items()]
    body.append(["Jumlah", rp_juta(sum(per_sub.values()))])
    return [
        Table(
            f"Skenario terpilih: {scenario.name} (x Rp juta)",
            ["Subsektor", "Kebutuhan 5 tahun"],
            body,
            numeric={1},
            bold_rows={len(body) - 1},
        )
    ]


def visi_misi(region: Region, facts: dict[str, str]) -> list[Block]:
    """Bab 3.1: visi/misi of the cycle before the plan years (Proses 3, menu Skenario)."""
    year = int(facts["tahun_awal"]) - 1 if facts.get("tahun_awal") else None
    vision = vision_of(region, year) if year else None
    if vision is None:
        return [Missing("Visi dan misi sanitasi belum dicatat (Proses 3, menu Skenario: Visi).")]
    facts["visi_sanitasi"] = vision.visi_sanitasi
    body = [
        [label, "–", text]
        for label, text in (
            ("Visi kabupaten/kota (RPJMD)", vision.visi_kabkota),
            ("Misi kabupaten/kota (RPJMD)", vision.misi_kabkota),
            ("Visi sanitasi", vision.visi_sanitasi),
        )
        if text
    ]
    for key, item in (vision.subsectors or {}).items():
        label = SUBSECTORS.get(key, key)
        body += [["Misi sanitasi", label, str(item.get("misi", "") or "–")]]
        body += [["Tujuan", label, str(item.get("tujuan", "") or "–")]]
    return [Table("Visi, misi dan tujuan sanitasi", ["Unsur", "Subsektor", "Uraian"], body)]


def tahapan_pengembangan(region: Region, facts: dict[str, str]) -> list[Block]:
    scenario = _scenario(region, facts)
    lines = chosen_cost_lines(region, scenario=scenario) if scenario else None
    if not lines:
        return [Missing("Sistem dan zona (skenario terpilih, Proses 3) belum ada.")]
    body = [
        [
            SUBSECTORS.get(x.subsector, x.subsector),
            x.zone or "–",
            x.description,
            KEGIATAN_TYPES.get(x.kegiatan_type, x.kegiatan_type),
        ]
        for x in lines
    ]
    return [
        Table(
            "Tahapan pengembangan sanitasi per zona",
            ["Subsektor", "Zona", "Uraian", "Jenis"],
            body,
        )
    ]


def tanggapan(region: Region, facts: dict[str, str]) -> list[Block]:
    start = periods.years_of(facts)[0]  # the consultation of this document's period
    of_period = consultations_of(region.code).filter(version__document__period_start=start)
    consultation = of_period.first()
    if consultation is None:
        return [Missing("Konsultasi publik belum diadakan (menu Konsultasi).")]
    rows = matrix_rows(tanggapan_rows(consultation))
    if not rows:
        return [Missing("Belum ada masukan yang diterima dalam konsultasi publik.")]
    # the section each comment cites (else its paragraph) and, when the Pokja accommodated
    # it, the section of this document it changed (columns of `matrix_rows`)
    body = [
        [
            str(r[0]),
            str(r[10] or (f"¶{r[1]}" if r[1] != "umum" else "umum")),
            str(r[4]),
            str(r[6]),
            str(r[7]),
            str(r[8]),
            str(r[13] or "–"),
        ]
        for r in rows
    ]
    header = ["No", "Bab/bagian dirujuk", "Dari", "Masukan", "Keputusan", "Tanggapan Pokja"]
    return [Table("Matriks tanggapan konsultasi publik", [*header, "Bab/bagian diubah"], body)]


def mps_tahunan(region: Region, facts: dict[str, str]) -> list[Block]:
    plan = _plan(region, facts)
    if plan is None:
        return [Missing(NO_PLAN)]
    start = periods.years_of(facts)[0]
    year = start if start in plan.years else plan.first_year
    lines, _per_source = mps_table(plan, year)
    if not lines:
        return [Missing(f"Tidak ada kegiatan prioritas tahun {year}.")]
    body = [
        [
            x.row.kegiatan,
            SOURCES.get(x.row.source, x.row.source),
            rp_juta(x.amount),
            rp_juta(x.committed),
        ]
        for x in lines
    ]
    total = ["Jumlah", "", rp_juta(sum(x.amount for x in lines))]
    body.append([*total, rp_juta(sum(x.committed for x in lines))])
    header = ["Kegiatan", "Sumber", "Biaya", "Komitmen tercatat"]
    title = f"MPS tahun {year} (x Rp juta)"
    return [Table(title, header, body, numeric={2, 3}, bold_rows={len(body) - 1})]
