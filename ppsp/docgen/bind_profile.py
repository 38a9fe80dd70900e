"""Bindings of the profile chapters: population, EHRA (IRS, area berisiko), PPSP stages.

Each binding takes the kab/kota and a `facts` dict (placeholders it may fill) and returns
blocks; absent data gives a `Missing` block naming where to enter it.
"""

from __future__ import annotations

from collections import defaultdict

from ppsp.compute.area_risk import SSK_COMPONENTS
from ppsp.compute.vocabulary import EHRA_COMPONENT_DOC_LABELS, EHRA_COMPONENTS
from ppsp.docgen import periods
from ppsp.docgen.doc import Block, Figure, Missing, Table
from ppsp.docgen.fmt import id_number
from ppsp.ehra.figures import area_classes, irs_by_desa
from ppsp.ehra.labels import risk_classes_for_round
from ppsp.ehra.models import AreaRisk, DesaResult, SurveyRound
from ppsp.profiles.kemajuan import STATUS_LABELS, current_values, kemajuan_rows
from ppsp.profiles.selectors import legacy_documents
from ppsp.programme.models import StageRecord
from ppsp.programme.selectors import stage_timeline
from ppsp.regions.models import Level, Population, Region


def penduduk(region: Region, facts: dict[str, str]) -> list[Block]:
    start, end = periods.years_of(facts)
    year = periods.population_year(region, start)  # regions.figures, within the period
    if year is None:
        return [Missing(periods.unavailable("Data penduduk per desa (menu Wilayah)", start, end))]
    rows = (
        Population.objects.filter(region__kabkota_code=region.code, year=year)
        .values_list("region__parent__name", "penduduk", "kk", "source")
        .order_by("region__parent__code")
    )
    by_kec: dict[str, list[int]] = {}
    origins: set[str] = set()
    for kecamatan, people, kk, origin in rows:
        if origin:
            origins.add(origin)
        acc = by_kec.setdefault(kecamatan, [0, 0, 0])
        acc[0] += 1
        acc[1] += people
        acc[2] += kk
    body = [[k, id_number(v[0]), id_number(v[1]), id_number(v[2])] for k, v in by_kec.items()]
    total = [sum(v[i] for v in by_kec.values()) for i in range(3)]
    body.append(["Jumlah", *(id_number(t) for t in total)])
    facts["penduduk_total"] = id_number(total[1])
    facts["tahun_penduduk"] = str(year)
    return [
        Table(
            f"Jumlah penduduk per kecamatan tahun {year}",
            ["Kecamatan", "Jumlah desa/kelurahan", "Penduduk (jiwa)", "Jumlah KK"],
            body,
            numeric={1, 2, 3},
            bold_rows={len(body) - 1},
            source=(
                f"{'; '.join(sorted(origins))} (data penduduk per desa tahun {year})"
                if origins
                else f"data penduduk per desa tahun {year}; instansi sumber tidak tercatat"
            ),
        )
    ]


def _round(region: Region, facts: dict[str, str]) -> SurveyRound | None:
    return periods.survey_round(region, periods.years_of(facts)[0])


def _no_round(what: str, facts: dict[str, str]) -> Missing:
    return Missing(periods.unavailable(what, *periods.years_of(facts)))


def irs(region: Region, facts: dict[str, str]) -> list[Block]:
    survey = _round(region, facts)
    if survey is None:
        return [_no_round("Hasil studi EHRA (IRS, menu EHRA)", facts)]
    results = list(
        DesaResult.objects.filter(survey=survey)
        .select_related("desa", "desa__parent")
        .order_by("-irs", "desa__code")
    )
    facts["tahun_ehra"] = str(survey.year)
    facts["jumlah_desa_ehra"] = str(len(results))
    irs_values = irs_by_desa(survey)  # the one selector of IRS per desa
    components = EHRA_COMPONENTS
    body = []
    for r in results:
        values = [getattr(r, c) for c in components]
        body.append(
            [
                r.desa.parent.name if r.desa.parent else "",
                r.desa.name,
                *(id_number(v, 1) for v in values),
                id_number(irs_values.get(r.desa.code), 1),
            ]
        )
    means = {}
    for c in components:
        values = [getattr(r, c) for r in results if getattr(r, c) is not None]
        means[EHRA_COMPONENT_DOC_LABELS[c]] = sum(values) / len(values) if values else 0.0
    return [
        Table(
            f"Indeks Risiko Sanitasi (IRS) per desa/kelurahan, EHRA {survey.year}",
            [
                "Kecamatan",
                "Desa/kelurahan",
                *(EHRA_COMPONENT_DOC_LABELS[c] for c in components),
                "IRS",
            ],
            body,
            numeric={2, 3, 4, 5, 6, 7},
            note=f"Sumber: studi EHRA {survey.year}, {len(results)} desa/kelurahan.",
        ),
        Figure(f"Rata-rata indeks risiko per komponen, EHRA {survey.year}", "irs", means),
    ]


def area_berisiko(region: Region, facts: dict[str, str]) -> list[Block]:
    survey = _round(region, facts)
    if survey is None:
        return [_no_round("Area berisiko (menu EHRA, hasil area berisiko)", facts)]
    cells = (
        list(
            AreaRisk.objects.filter(survey=survey, component__in=SSK_COMPONENTS).select_related(
                "desa", "desa__parent"
            )
        )
        if survey
        else []
    )
    if not cells:
        return [Missing("Area berisiko belum ditetapkan (menu EHRA, hasil area berisiko).")]
    scheme = risk_classes_for_round(survey)
    grid: dict[int, dict[str, int]] = defaultdict(dict)
    desa: dict[int, Region] = {}
    final = area_classes(survey, SSK_COMPONENTS)  # the one selector of the class
    for cell in cells:
        grid[cell.desa_id][cell.component] = final[cell.component].get(cell.desa.code, 0)
        desa[cell.desa_id] = cell.desa
    body = []
    tiles: list[dict[str, object]] = []
    for pk in sorted(desa, key=lambda k: desa[k].code):
        d = desa[pk]
        classes = [grid[pk].get(c, 0) for c in SSK_COMPONENTS]
        worst = max(classes)
        kec = d.parent.name if d.parent else ""
        body.append([kec, d.name, *(str(k) for k in classes), scheme.label(worst)])
        tiles.append({"kecamatan": kec, "desa": d.name, "code": d.code, "class": worst})
    facts["desa_risiko_sangat_tinggi"] = str(sum(1 for t in tiles if t["class"] == 4))
    legend = scheme.legend_dict()
    top = scheme.count
    return [
        Table(
            f"Area berisiko sanitasi per desa/kelurahan, EHRA {survey.year if survey else ''}",
            [
                "Kecamatan",
                "Desa/kelurahan",
                *(EHRA_COMPONENT_DOC_LABELS[c] for c in SSK_COMPONENTS),
                "Kelas gabungan (tertinggi)",
            ],
            body,
            numeric={2, 3, 4},
            note=(
                f"Kelas 1 {scheme.label(1).lower()} … {top} {scheme.label(top).lower()}"
                " (hasil verifikasi bila ada)."
            ),
            source=f"studi EHRA {survey.year} dan penetapan area berisiko Pokja Sanitasi",
        ),
        Figure(
            "Peta area berisiko sanitasi (kelas gabungan) per desa/kelurahan",
            "map",
            {"tiles": tiles, "legend": legend, "region": region.code},
        ),
    ]


def tahapan_ppsp(region: Region, facts: dict[str, str]) -> list[Block]:
    records = stage_timeline(region)
    if not records:
        return [Missing("Riwayat tahapan PPSP belum dicatat (menu Program).")]
    body = []
    bars = []
    for r in records:
        start = r.start_date.isoformat() if r.start_date else "–"
        end = r.end_date.isoformat() if r.end_date else "–"
        body.append([str(r.stage.number), r.stage.name, r.get_status_display(), start, end])
        if r.start_date:
            bars.append(
                {
                    "label": f"{r.stage.number}. {r.stage.name}",
                    "start": r.start_date.toordinal(),
                    "end": (r.end_date or r.start_date).toordinal(),
                }
            )
    blocks: list[Block] = [
        Table(
            "Riwayat tahapan PPSP",
            ["No", "Tahapan", "Status", "Mulai", "Selesai"],
            body,
            source=_tahapan_source(region, records),
        )
    ]
    if bars:
        blocks.append(Figure("Lini masa tahapan PPSP", "timeline", {"bars": bars}))
    return blocks


def _tahapan_source(region: Region, records: list[StageRecord]) -> str:
    """The stage records with the year of the latest date they hold (issue 20: every table
    states its source and year)."""
    dates = [d for r in records for d in (r.start_date, r.end_date) if d]
    latest = f", dicatat hingga tahun {max(dates).year}" if dates else ""
    return f"Catatan tahapan PPSP {region.display_name} (menu Program){latest}"


def kabkota_desa_count(region: Region) -> int:
    return Region.objects.filter(kabkota_code=region.code, level=Level.DESA).count()


def kemajuan(region: Region, facts: dict[str, str]) -> list[Block]:
    """Bab 2.2: indicators of the previous SSK (profiles app) against today's values."""
    documents = legacy_documents(region)
    start, _end = periods.years_of(facts)
    window = (start - periods.DATA_YEARS, start)  # values of the document's own period
    rows = kemajuan_rows(documents, current_values(region, within=window)) if documents else []
    if not rows:
        return [
            Missing(
                "Kemajuan pelaksanaan SSK lama belum dicatat: lampirkan SSK lama dan isikan "
                "baseline serta target indikatornya (menu Profil, Kemajuan)."
            )
        ]
    body = [
        [
            r.target.name,
            r.target.unit,
            f"{id_number(r.target.baseline, 1)} ({r.target.baseline_year})",
            f"{id_number(r.target.target, 1)} ({r.target.target_year})",
            id_number(r.current, 1),
            r.current_origin or "–",
            id_number(r.achievement, 1),
            str(STATUS_LABELS.get(r.status, r.status)),
        ]
        for r in rows
    ]
    header = ["Indikator", "Satuan", "Baseline", "Target", "Saat ini", "Sumber", "Capaian (%)"]
    sources = "; ".join(
        d.title
        if f"{d.period_start}–{d.period_end}" in d.title
        else f"{d.title} ({d.period_start}–{d.period_end})"
        for d in documents
    )
    return [
        Table(
            "Kemajuan pelaksanaan SSK sebelumnya",
            [*header, "Status"],
            body,
            note=f"Sumber: {sources}; nilai saat ini dari EHRA/Form 2 atau isian Pokja.",
            numeric={4, 6},
        )
    ]
