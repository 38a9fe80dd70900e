"""Risk map (issue 5 item 8): boundary import, matching, errors, scope, exports."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.ehra.models import AreaRisk, DesaResult, SurveyRound
from ppsp.maps import services
from ppsp.maps.geo import normalise_code
from ppsp.maps.models import BoundarySet, DesaBoundary
from ppsp.maps.render import choropleth_pdf, choropleth_png
from ppsp.maps.selectors import map_payload
from ppsp.maps.services import boundary_commit, boundary_upload
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.maps.support import (
    UTM_PRJ,
    boundaries_in,
    desa_list,
    feature,
    geojson,
    kabkota_geojson,
    shapefile_zip,
    square,
)

pytestmark = pytest.mark.django_db


def _kab() -> Region:
    return Region.objects.get(code="15.07")


def _errors(content: bytes, filename: str) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        boundary_upload(region=_kab(), content=content, filename=filename, by=None)
    assert not BoundarySet.objects.exists()
    return raised.value.messages


def test_it_normalises_kemendagri_codes() -> None:
    assert normalise_code("15.07.01.2001") == "15.07.01.2001"
    assert normalise_code("1507012001") == "15.07.01.2001"
    assert normalise_code(1507012001) == "15.07.01.2001"
    assert normalise_code(" 15-07-01-2001 ") == "15.07.01.2001"
    assert normalise_code("Sungai Lokan") is None
    assert normalise_code("150701") is None


def test_it_imports_geojson_matching_codes_in_either_form(regions: None) -> None:
    desa = desa_list("15.07", 3)
    content = geojson(
        [
            feature({"KODE": desa[0].code}, square(0)),
            feature({"kd_desa": desa[1].code.replace(".", "")}, square(1)),
            feature({"kode_desa": int(desa[2].code.replace(".", ""))}, square(2)),
        ]
    )
    draft = boundary_upload(region=_kab(), content=content, filename="a.geojson", by=None)
    assert not draft.active
    shapes = list(draft.desa.order_by("desa__code"))
    assert [s.desa.code for s in shapes] == [d.code for d in desa]
    assert {s.matched_by for s in shapes} == {"kode"}
    geometry = json.loads(shapes[0].geometry)
    assert geometry["type"] == "MultiPolygon"
    assert (shapes[0].min_lon, shapes[0].max_lat) == (103.4, -1.45)


def test_it_imports_a_zipped_shapefile(regions: None) -> None:
    desa = desa_list("15.07", 4)
    rows = [({"KD_DESA": d.code, "NAMOBJ": d.name}, square(i)) for i, d in enumerate(desa)]
    draft = boundary_upload(
        region=_kab(), content=shapefile_zip(rows), filename="batas.zip", by=None
    )
    assert draft.desa.count() == 4
    ring = json.loads(draft.desa.get(desa=desa[0]).geometry)["coordinates"][0][0]
    assert sorted(map(tuple, ring[:-1])) == sorted(map(tuple, square(0)[:-1]))


def test_it_matches_by_name_within_kecamatan_when_there_is_no_code(regions: None) -> None:
    target = desa_list("15.07", 1)[0]
    assert target.parent is not None
    content = geojson(
        [
            feature(
                {"NAMOBJ": f"Desa {target.name.upper()}", "WADMKC": target.parent.name}, square(0)
            ),
            feature({"NAMOBJ": "Tidak Ada Di Sini"}, square(1)),
        ]
    )
    draft = boundary_upload(region=_kab(), content=content, filename="nama.geojson", by=None)
    assert draft.desa.get().matched_by == "nama"
    assert draft.unmatched[0]["feature"] == 2
    assert "tidak dikenal" in draft.unmatched[0]["reason"]


def test_it_rejects_bad_geometry_naming_file_and_feature(regions: None) -> None:
    d = desa_list("15.07", 2)
    content = geojson(
        [
            feature({"KODE": d[0].code}, square(0)),
            feature({"KODE": d[1].code}, [[103.4, -1.5], [103.5, -1.5]]),
        ]
    )
    messages = _errors(content, "rusak.geojson")
    assert messages == [
        "rusak.geojson, fitur 2, geometry: cincin poligon harus memiliki sedikitnya 4 titik"
    ]


def test_it_rejects_points_and_a_feature_without_code_or_name(regions: None) -> None:
    d = desa_list("15.07", 1)[0]
    point = {
        "type": "Feature",
        "properties": {"KODE": d.code},
        "geometry": {"type": "Point", "coordinates": [103.5, -1.2]},
    }
    assert (
        "fitur 1, geometry: jenis geometri 'Point' tidak didukung"
        in _errors(geojson([point]), "t.geojson")[0]
    )
    messages = _errors(geojson([feature({"LUAS": "12.5"}, square(0))]), "tanpa_kode.geojson")
    assert messages[0].startswith("tanpa_kode.geojson, fitur 1: tidak ada properti kode desa")


def test_it_rejects_a_wrong_crs(regions: None) -> None:
    d = desa_list("15.07", 1)[0]
    rows = [({"KD_DESA": d.code}, square(0))]
    assert "bukan WGS84" in _errors(shapefile_zip(rows, prj=UTM_PRJ), "utm.zip")[0]
    assert ".prj tidak ada" in _errors(shapefile_zip(rows, prj=None), "tanpa_prj.zip")[0]
    utm = [
        [400000.0, 9830000.0],
        [401000.0, 9830000.0],
        [401000.0, 9831000.0],
        [400000.0, 9830000.0],
    ]
    message = _errors(geojson([feature({"KODE": d.code}, utm)]), "meter.geojson")[0]
    assert message.startswith("meter.geojson, fitur 1, geometry: koordinat (400000, 9.83e+06)")
    crs = json.loads(geojson([feature({"KODE": d.code}, square(0))]))
    crs["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32748"}}
    assert "bukan WGS84" in _errors(json.dumps(crs).encode(), "crs.geojson")[0]


def test_it_refuses_two_features_for_one_desa(regions: None) -> None:
    d = desa_list("15.07", 1)[0]
    content = geojson([feature({"KODE": d.code}, square(0)), feature({"KODE": d.code}, square(1))])
    assert "sudah dipakai fitur 1" in _errors(content, "ganda.geojson")[0]


def test_it_simplifies_dense_boundaries(regions: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "SIMPLIFY_ABOVE_POINTS", 10)
    d = desa_list("15.07", 1)[0]
    dense = [[103.4 + i * 0.001, -1.5] for i in range(100)] + [[103.5, -1.4], [103.4, -1.5]]
    draft = boundary_upload(
        region=_kab(),
        content=geojson([feature({"KODE": d.code}, dense)]),
        filename="d.geojson",
        by=None,
    )
    assert draft.simplified_from == 102
    assert draft.points == 4


def test_it_commits_a_draft_replacing_the_previous_set(regions: None) -> None:
    first = boundaries_in("15.07")
    second = boundary_upload(
        region=_kab(), content=kabkota_geojson("15.07", 6), filename="baru.geojson", by=None
    )
    boundary_commit(boundary_set=second, by=None)
    assert list(BoundarySet.objects.values_list("pk", flat=True)) == [second.pk]
    assert not DesaBoundary.objects.filter(boundary_set_id=first.pk).exists()


def test_it_previews_and_commits_through_the_pages(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    upload = SimpleUploadedFile("batas.geojson", kabkota_geojson("15.07", 5))
    response = client.post(reverse("maps:upload", kwargs={"code": "15.07"}), {"file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert "5 desa cocok, 88 desa tanpa batas" in preview.content.decode()
    draft = BoundarySet.objects.get()
    response = client.post(reverse("maps:commit", kwargs={"pk": draft.pk}))
    assert response["Location"] == reverse("maps:map", kwargs={"code": "15.07"})
    page = client.get(response["Location"]).content.decode()
    assert 'id="map-data"' in page and "leaflet.js" in page


def test_it_reports_upload_errors_in_the_page(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    upload = SimpleUploadedFile("x.geojson", b"{bukan json")
    response = client.post(reverse("maps:upload", kwargs={"code": "15.07"}), {"file": upload})
    assert response.status_code == 400
    assert "x.geojson: bukan GeoJSON yang valid" in response.content.decode()


def test_it_answers_404_outside_scope(cast: Cast) -> None:
    boundaries_in("15.71")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    for name in ("maps:map", "maps:png", "maps:pdf", "maps:upload"):
        assert client.get(reverse(name, kwargs={"code": "15.71"})).status_code == 404
    draft = boundary_upload(
        region=Region.objects.get(code="15.71"),
        content=kabkota_geojson("15.71", 2),
        filename="a.geojson",
        by=None,
    )
    assert client.get(reverse("maps:preview", kwargs={"pk": draft.pk})).status_code == 404
    assert client.post(reverse("maps:commit", kwargs={"pk": draft.pk})).status_code == 404
    with pytest.raises(ValidationError):
        boundary_commit(boundary_set=draft, by=cast.pokja_kabkota)


def test_it_shows_table_and_tiles_without_boundaries(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    page = client.get(reverse("maps:map", kwargs={"code": "15.07"})).content.decode()
    assert 'data-testid="no-boundaries"' in page
    assert page.count('class="cell"') == 93
    assert choropleth_png("15.07", "area") is None


def _round_with_results() -> SurveyRound:
    survey = SurveyRound.objects.create(region=_kab(), year=2026)
    desa = desa_list("15.07", 3)
    for i, d in enumerate(desa):
        DesaResult.objects.create(
            survey=survey,
            desa=d,
            households=40,
            sumber_air=10.0 * i,
            phbs=5.0 * i,
            irs=100.0 + i,
            irs_class=i + 1,
        )
    AreaRisk.objects.create(
        survey=survey, desa=desa[0], component="air_limbah", area=9.5, risk_class=3
    )
    AreaRisk.objects.create(
        survey=survey,
        desa=desa[0],
        component="drainase",
        area=4.0,
        risk_class=1,
        override_class=4,
        override_reason="Verifikasi lapangan",
    )
    return survey


def test_it_puts_every_layer_with_overrides_into_the_payload(regions: None) -> None:
    boundaries_in("15.07")
    survey = _round_with_results()
    payload = map_payload(_kab(), survey)
    code = desa_list("15.07", 1)[0].code
    first = next(f for f in payload["features"] if f["properties"]["code"] == code)
    values = first["properties"]["values"]
    assert values["air_limbah"] == [3, 9.5, 3, ""]
    assert values["drainase"] == [4, 4.0, 1, "Verifikasi lapangan"]
    assert values["area"][0] == 4  # highest final class of the SSK components
    assert values["persampahan"][0] == 0
    assert values["sumber_air"][0] == 1 and values["irs"] == [1, 100.0, 1, ""]


def test_it_exports_png_and_pdf(cast: Cast) -> None:
    boundaries_in("15.07")
    _round_with_results()
    png = choropleth_png("15.07", "drainase", width_px=800)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    assert Image.open(io.BytesIO(png)).size[0] == 800
    pdf = choropleth_pdf("15.07", "area")
    assert pdf is not None and pdf.startswith(b"%PDF")
    client = Client()
    client.force_login(cast.kepala_daerah)
    response = client.get(reverse("maps:png", kwargs={"code": "15.07"}) + "?komponen=phbs")
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_it_keeps_the_map_blind_for_a_rater_who_has_not_scored(cast: Cast) -> None:
    boundaries_in("15.07")
    SurveyRound.objects.create(region=_kab(), year=2026, opd_open=True)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("maps:map", kwargs={"code": "15.07"})).content.decode()
    assert 'data-testid="blind"' in page and "map-data" not in page
    assert client.get(reverse("maps:png", kwargs={"code": "15.07"})).status_code == 404
    client.force_login(cast.cf)
    assert client.get(reverse("maps:png", kwargs={"code": "15.07"})).status_code == 200


def test_it_audits_the_commit_and_shows_its_trail(cast: Cast) -> None:
    active = boundaries_in("15.07")
    client = Client()
    client.force_login(cast.kepala_daerah)
    url = reverse(
        "audit:object", kwargs={"object_type": "maps.boundaryset", "object_id": active.pk}
    )
    assert client.get(url).status_code == 200
    client.force_login(cast.public)
    assert client.get(url).status_code == 404


def test_it_accepts_multipolygons_and_closes_open_rings(regions: None) -> None:
    d = desa_list("15.07", 1)[0]
    open_ring = square(0)[:-1]
    multi = {
        "type": "Feature",
        "properties": {"Kode_Kemendagri": d.code},
        "geometry": {"type": "MultiPolygon", "coordinates": [[open_ring], [square(5)]]},
    }
    draft = boundary_upload(region=_kab(), content=geojson([multi]), filename="m.json", by=None)
    coordinates = json.loads(draft.desa.get().geometry)["coordinates"]
    assert len(coordinates) == 2 and coordinates[0][0][0] == coordinates[0][0][-1]
