"""One source per figure (issue 16): on the demo kab/kota 15.07 every headline figure is
identical on each page, export and document where it appears, and equals its selector
(``ppsp.core.figures``)."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from ppsp.core.figures import FIGURES, selector
from ppsp.docgen.context import build_context
from ppsp.docgen.fmt import parse_id_number, rp_juta
from ppsp.ehra.figures import sample_figures
from ppsp.ehra.models import SamplingFrame, SurveyRound
from ppsp.ehra.sampling_frame import frame_create
from ppsp.finance.templatetags.rupiah import juta
from ppsp.profiles.figures import sanitasi_access
from ppsp.regions.figures import population_total
from ppsp.regions.models import Level, Region
from ppsp.scenarios.figures import komitmen_total, tabel51_of_record
from tests.conftest import Cast, DemoWorld
from tests.core.xlsx_support import value_of
from tests.docgen.support import demo_ssk_version

pytestmark = pytest.mark.django_db

KEYS = ("need_total", "apbd_murni", "komitmen", "gap1", "gap2")
LABELS = {
    "need_total": "Jumlah (a)",
    "apbd_murni": "Perkiraan APBD murni untuk sanitasi (b)",
    "komitmen": "Perkiraan komitmen pendanaan sanitasi (c)",
    "gap1": "Gap 1 (a − b)",
    "gap2": "Gap 2 (a − c)",
}
TESTIDS = {
    "need_total": "total-a",
    "apbd_murni": "total-b",
    "komitmen": "total-c",
    "gap1": "total-gap1",
    "gap2": "total-gap2",
}


@pytest.fixture
def cast(demo: DemoWorld) -> Cast:
    """The database tests here read the demo, loaded once for the module (`module_demo`)."""
    return demo.cast


def _testid(page: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>([^<]*)<', page)
    assert found, testid
    return found.group(1).strip()


def _digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_it_resolves_every_headline_figure_to_one_selector() -> None:
    keys = [f.key for f in FIGURES]
    assert len(keys) == len(set(keys))
    for figure in FIGURES:
        assert callable(selector(figure.key)), figure.key


def test_it_shows_each_headline_figure_identically_everywhere(cast: Cast, demo: DemoWorld) -> None:
    failed = demo.failed
    assert not set(failed) - {"load_monev_demo"}, failed
    region = Region.objects.get(code="15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    record = tabel51_of_record(region)
    assert record is not None

    # Tabel 5.1 (a), (b), (c), Gap 1, Gap 2: scenario page, its XLSX, the SSK document
    with translation.override("id"):
        page = client.get(reverse("scenarios:detail", args=[record.scenario.pk])).content.decode()
        for key in KEYS:
            assert _testid(page, TESTIDS[key]) == juta(record.total(key)), key
    xlsx = client.get(reverse("scenarios:table_xlsx", args=[record.scenario.pk])).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    by_label = {  # Jumlah (a), the totals and the gaps are formulas: computed as Excel would
        row[1]: value_of(sheet, row[-1])
        for row in sheet.iter_rows(values_only=True)
        if len(row) > 2
    }
    for key in KEYS:
        assert abs(float(by_label[LABELS[key]]) * 1e6 - record.total(key)) < 1, key
    context = build_context(demo_ssk_version())
    tabel51 = next(t for t in context.tables if t.header[:2] == ["No", "Sektor/Subsektor"])
    doc_rows = {row[1]: row[-1] for row in tabel51.rows}
    for key in KEYS:
        assert doc_rows[LABELS[key]] == rp_juta(record.total(key)), key

    # komitmen (c): the MPS budget check holds APBD rows to the same figure, with its source
    komitmen = komitmen_total(region)
    assert komitmen is not None and komitmen[0] == round(record.total("komitmen"))
    mps = client.get(reverse("mps:kabkota", args=["15.07"])).content.decode()
    assert _digits(_testid(mps, "komitmen")) == komitmen[0]
    assert komitmen[1] in mps
    assert 'name="komitmen_apbd"' not in mps  # no second, typed komitmen beside (c)

    # population / KK: region page, SSK document (Tabel penduduk), EHRA frame N
    total = population_total("15.07")
    assert total is not None
    region_page = client.get(reverse("regions:detail", args=["15.07"])).content.decode()
    with translation.override("id"):
        from django.contrib.humanize.templatetags.humanize import intcomma

        assert f'<td>{total.year}</td><td class="num">{intcomma(total.penduduk)}</td>' in (
            region_page
        )
        assert f'<td class="num">{intcomma(total.kk)}</td>' in region_page
    penduduk = next(t for t in context.tables if "Jumlah" in [r[0] for r in t.rows])
    jumlah = next(r for r in penduduk.rows if r[0] == "Jumlah")
    assert [parse_id_number(v) for v in jumlah[2:4]] == [total.penduduk, total.kk]

    survey = SurveyRound.objects.get(region=region, year=2026)
    codes = sorted(
        Region.objects.filter(kabkota_code="15.07", level=Level.DESA).values_list("code", flat=True)
    )
    rows = [(c, 100.0 + i, 10.0 + i % 7, i % 2 == 0, i % 3 == 0, 12) for i, c in enumerate(codes)]
    SamplingFrame.objects.filter(survey=survey).delete()
    frame_create(survey=survey, rows=rows, target_desa=30, seed=7, by=cast.pokja_kabkota)
    figures = sample_figures(survey)
    assert figures is not None
    assert figures.frame_kk == population_total("15.07", survey.year).kk  # type: ignore[union-attr]
    sampling = client.get(reverse("ehra:sampling", args=[survey.pk])).content.decode()
    with translation.override("id"):
        assert f"N = {intcomma(figures.frame_kk)} KK" in sampling
    assert _testid(sampling, "drawn-desa") == str(figures.drawn_desa) == "30"
    assert sampling.count('data-testid="selected"') == figures.drawn_desa
    assert f"= {figures.min_desa} desa × {figures.per_desa}" in sampling

    # sanitasi layak/aman: every source with its year, the same on Kemajuan and the triggers
    access = sanitasi_access([region.pk])[region.pk]
    sources = {a.source.split(",")[0].split()[0] for a in access}
    assert {"EHRA", "SUSENAS"} <= sources  # two sources, both shown, none as "the" value
    lines = [
        _line(client.get(url).content.decode())
        for url in (
            reverse("profiles:kemajuan", args=["15.07"]),
            reverse("cycles:triggers"),
            reverse("cycles:kabkota", args=["15.07"]),
        )
    ]
    assert lines[0] == lines[1] == lines[2]
    assert all(a.label in lines[0] for a in access)


def _line(page: str) -> str:
    found = re.search(r'data-testid="access-by-source">(.*?)</p>', page, re.S)
    assert found
    return found.group(1)


def _json(client: Client, url: str) -> list[dict[str, object]]:
    """Every result of a paginated API list."""
    results: list[dict[str, object]] = []
    next_url: str | None = url
    while next_url:
        data = client.get(next_url).json()
        results += data["results"]
        next_url = data.get("next")
    return results


def test_it_shows_irs_and_area_berisiko_identically_everywhere(cast: Cast, demo: DemoWorld) -> None:
    """IRS per desa and the area berisiko class per desa (and the count per class) equal
    their selectors on the IRS and area pages, the risk map (its GeoJSON), the XLSX export,
    the API and the SSK document."""
    import json
    from collections import Counter

    from django.template.defaultfilters import floatformat

    from ppsp.compute.area_risk import SSK_COMPONENTS
    from ppsp.docgen.fmt import id_number
    from ppsp.ehra.figures import area_class_by_desa, area_class_counts, irs_by_desa
    from ppsp.ehra.labels import risk_class
    from ppsp.ehra.models import AreaRisk

    failed = demo.failed
    assert not set(failed) - {"load_monev_demo"}, failed
    region = Region.objects.get(code="15.07")
    survey = SurveyRound.objects.get(region=region, year=2026)
    # a verified class (the Pokja's override) must win everywhere, not the computed one
    area = AreaRisk.objects.filter(survey=survey, component="air_limbah").order_by("pk").first()
    assert area is not None
    AreaRisk.objects.filter(pk=area.pk).update(override_class=area.risk_class % 4 + 1)
    irs = irs_by_desa(survey)
    classes = {c: area_class_by_desa(survey, c) for c in SSK_COMPONENTS}
    assert irs and all(classes.values())
    assert classes["air_limbah"][area.desa.code] == area.risk_class % 4 + 1
    for c in SSK_COMPONENTS:
        assert area_class_counts(survey, c) == dict(sorted(Counter(classes[c].values()).items()))
    names = {
        (d.parent.name if d.parent else "", d.name): d.code
        for d in Region.objects.filter(kabkota_code="15.07", level=Level.DESA).select_related(
            "parent"
        )
    }
    client = Client()
    client.force_login(cast.pokja_kabkota)

    with translation.override("id"):
        # the IRS page (EHRA results)
        page = client.get(reverse("ehra:irs", args=[survey.pk])).content.decode()
        shown = dict(
            re.findall(r'data-desa="([^"]+)">.*?data-testid="irs-value">([^<]*)<', page, re.S)
        )
        assert shown == {code: floatformat(v, 1) for code, v in irs.items()}
        # the area berisiko page: table and tile grid, per SSK component
        for c in SSK_COMPONENTS:
            url = reverse("ehra:area", args=[survey.pk]) + f"?komponen={c}"
            page = client.get(url).content.decode()
            badges = dict(
                re.findall(
                    r'data-testid="area-row-([^"]+)".*?data-testid="final-class">([^<]*)<',
                    page,
                    re.S,
                )
            )
            assert badges == {code: str(risk_class(k)[0]) for code, k in classes[c].items()}, c
            for code, k in classes[c].items():
                tile = re.search(rf'title="([^"]*)" data-testid="tile-{re.escape(code)}"', page)
                assert tile and f": {risk_class(k)[0]}" in tile.group(1), (c, code)
        # the risk map page and its GeoJSON
        page = client.get(reverse("maps:map", args=["15.07"])).content.decode()
        found = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', page)
        assert found, "map GeoJSON"
        features = json.loads(found.group(1))["features"]
        assert features
        for c in SSK_COMPONENTS:
            on_map = {
                f["properties"]["code"]: f["properties"]["values"][c][0]
                for f in features
                if f["properties"]["values"][c][0]
            }
            assert on_map == classes[c], c
        on_map_irs = {
            f["properties"]["code"]: f["properties"]["values"]["irs"][1]
            for f in features
            if f["properties"]["values"]["irs"][1] is not None
        }
        assert on_map_irs == {code: round(v, 2) for code, v in irs.items() if v is not None}

    # the XLSX export of area berisiko (kelas_akhir) and of IRS
    url = reverse("exchange:download", args=["15.07", "area_berisiko", "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    col = {name: header.index(name) for name in ("desa__code", "component", "kelas_akhir")}
    exported: dict[str, dict[str, int]] = {c: {} for c in SSK_COMPONENTS}
    for row in rows[1:]:
        if row[col["component"]] in exported:
            exported[str(row[col["component"]])][str(row[col["desa__code"]])] = int(
                row[col["kelas_akhir"]]  # type: ignore[arg-type]
            )
    assert exported == classes
    url = reverse("exchange:download", args=["15.07", "ehra_irs", "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    i_code, i_irs = rows[0].index("desa__code"), rows[0].index("irs")
    # XLSX holds 15 significant digits (Excel's precision): equal at that precision
    assert {r[i_code]: r[i_irs] for r in rows[1:]} == pytest.approx(irs, rel=1e-14)

    # the API fields
    api_areas = _json(client, f"/api/v1/ehra/area-berisiko/?year={survey.year}&page_size=500")
    api_classes: dict[str, dict[str, int]] = {c: {} for c in SSK_COMPONENTS}
    for item in api_areas:
        if item["kabkota"] == "15.07" and item["component"] in api_classes:
            api_classes[str(item["component"])][str(item["desa"])] = int(item["final_class"])  # type: ignore[call-overload]
    assert api_classes == classes
    api_irs = _json(client, f"/api/v1/ehra/irs/?year={survey.year}&page_size=500")
    assert {i["desa"]: i["irs"] for i in api_irs if i["kabkota"] == "15.07"} == irs

    # the SSK document (IRS table and area berisiko table, built by docgen)
    context = build_context(demo_ssk_version())
    area_table = next(t for t in context.tables if t.title.startswith("Area berisiko sanitasi"))
    in_doc = {names[(r[0], r[1])]: [int(k) for k in r[2:5]] for r in area_table.rows}
    for i, c in enumerate(SSK_COMPONENTS):
        assert {code: k[i] for code, k in in_doc.items() if k[i]} == classes[c], c
    irs_table = next(t for t in context.tables if t.title.startswith("Indeks Risiko Sanitasi"))
    assert {names[(r[0], r[1])]: r[-1] for r in irs_table.rows} == {
        code: id_number(v, 1) for code, v in irs.items()
    }
