"""Risk-class labels and colours come from the round's RiskMethodConfig everywhere (issue 15).

A version that renames and recolours its classes shows the same labels and colours on the
map (GeoJSON and legend), in the document binding, in the XLSX export and in the API.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ppsp.compute.area_risk import RISK_CLASSES
from ppsp.docgen.bind_profile import area_berisiko
from ppsp.docgen.doc import Figure, Table
from ppsp.ehra.config import DEFAULTS
from ppsp.ehra.labels import DEFAULT_CLASSES, classes_of, risk_classes_for_round
from ppsp.ehra.models import AreaRisk, ConfigStatus, RiskMethodConfig, SurveyRound
from ppsp.maps.selectors import map_payload
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.maps.support import boundaries_in, desa_list

pytestmark = pytest.mark.django_db

LABELS = [
    ["Aman", "#000001"],
    ["Waspada", "#000002"],
    ["Bahaya", "#000003"],
    ["Darurat", "#000004"],
]


def _custom_round() -> SurveyRound:
    config = RiskMethodConfig.objects.create(
        version=77, status=ConfigStatus.APPROVED, **{**DEFAULTS, "class_labels": LABELS}
    )
    region = Region.objects.get(code="15.07")
    survey = SurveyRound.objects.create(
        region=region, year=2026, config=config, computed_at=timezone.now()
    )
    desa = desa_list("15.07", 2)
    AreaRisk.objects.create(
        survey=survey, desa=desa[0], component="air_limbah", area=9.5, risk_class=3
    )
    AreaRisk.objects.create(
        survey=survey, desa=desa[1], component="drainase", area=2.0, risk_class=1, override_class=4
    )
    return survey


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_reads_the_defaults_without_a_version() -> None:
    assert risk_classes_for_round(None) is DEFAULT_CLASSES
    assert DEFAULT_CLASSES.legend_dict() == {str(k): list(v) for k, v in RISK_CLASSES.items()}
    three = classes_of([["A", "#1"], ["B", "#2"], ["C", "#3"]], 3)
    assert [k for k, *_ in three.legend()] == [0, 1, 2, 3]
    assert three.label(4) == RISK_CLASSES[4][0]  # an IRS layer classed 1..4 keeps a colour
    assert classes_of([["", 1]], 1).label(1) == RISK_CLASSES[1][0]  # malformed: the default


def test_it_shows_the_versions_labels_on_the_map(cast: Cast) -> None:
    boundaries_in("15.07")
    survey = _custom_round()
    payload = map_payload(survey.region, survey)
    assert payload["classes"]["3"] == ["Bahaya", "#000003"]
    assert payload["classes"]["0"] == list(RISK_CLASSES[0])
    url = reverse("maps:map", kwargs={"code": "15.07"}) + f"?putaran={survey.pk}"
    response = _client(cast.cf).get(url)
    assert [label for _, label, _ in response.context["legend"]][1:] == [
        "Aman",
        "Waspada",
        "Bahaya",
        "Darurat",
    ]
    page = response.content.decode()
    assert "#000004" in page and "Darurat" in page
    assert "Risiko sangat tinggi" not in page


def test_it_binds_the_versions_labels_into_the_document(cast: Cast) -> None:
    survey = _custom_round()
    blocks = area_berisiko(survey.region, {"tahun_awal": "2027", "tahun_akhir": "2031"})
    table = next(b for b in blocks if isinstance(b, Table))
    figure = next(b for b in blocks if isinstance(b, Figure))
    assert {row[-1] for row in table.rows} == {"Bahaya", "Darurat"}
    assert "4 darurat" in table.note
    assert figure.data["legend"]["4"] == ["Darurat", "#000004"]


def test_it_exports_the_versions_labels_in_xlsx(cast: Cast) -> None:
    _custom_round()
    url = reverse("exchange:download", args=["15.07", "area_berisiko", "xlsx"])
    book = load_workbook(io.BytesIO(_client(cast.cf).get(url).content), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][-3:] == ("kelas_akhir", "label_kelas", "warna_kelas")
    assert sorted(r[-3:] for r in rows[1:]) == [
        (3, "Bahaya", "#000003"),
        (4, "Darurat", "#000004"),
    ]


def test_it_serves_the_versions_labels_in_the_api(cast: Cast) -> None:
    _custom_round()
    body = _client(cast.pmu).get(reverse("api:area-risk-list")).json()
    rows = body["results"] if isinstance(body, dict) else body
    assert sorted((r["final_class"], r["class_label"], r["class_colour"]) for r in rows) == [
        (3, "Bahaya", "#000003"),
        (4, "Darurat", "#000004"),
    ]
