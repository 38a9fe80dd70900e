"""Monev realisation offered from imported sector figures (issue 10 item 5: "so figures are
not typed twice"), the grid validated before a report is opened, and the API's documented
status filter."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.compute.monev import derived_value
from ppsp.exchange.models import BatchStatus, RealisationMapping
from ppsp.exchange.services import batch_import, batch_upload
from ppsp.monev.models import IndicatorRealisation, Report, RowRealisation
from ppsp.monev.selectors import kabkota_monev
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.monev.support import YEAR, plan_with_sasaran, sasaran

DATA = Path(__file__).parents[1] / "data" / "exchange"
STBM_ACCESS = Decimal("94.88")  # (301 + 70 + 350 + 38) / (412 + 388) × 100 = 94.875
SIPD_CODE = "1.03.03.2.01.0016"


def _import(cast: Cast, system: str, name: str) -> None:
    batch, _ = batch_upload(
        system=system,
        kabkota=Region.objects.get(code="15.07"),
        filename=name,
        content=(DATA / name).read_bytes(),
        by=cast.pokja_kabkota,
    )
    assert batch_import(batch=batch, by=cast.pokja_kabkota).status == BatchStatus.DONE


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name: str) -> str:
    return reverse(f"monev:{name}", kwargs={"code": "15.07", "year": YEAR})


def test_it_pins_the_derivation_formulas() -> None:
    assert derived_value("ratio", 759, 800) == 94.88
    assert derived_value("ratio", 11845.84, 22666.5) == 52.26
    assert derived_value("ratio", 5, 0) is None
    assert derived_value("ratio", None, 10) is None
    assert derived_value("direct", 1187500000) == 1187500000.0


@pytest.mark.django_db
def test_it_shows_the_stbm_access_derived_from_an_import_on_the_realisation_page(
    cast: Cast,
) -> None:
    node = sasaran(plan_with_sasaran())
    _import(cast, "stbm", "stbm_desa_2024.csv")
    page = _client(cast.pokja_kabkota).get(_url("kabkota"))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'data-testid="use-i{node.pk}"' in html
    assert "STBM 2024" in html
    assert "94,88" in html or "94.88" in html
    offered = kabkota_monev(Region.objects.get(code="15.07"), YEAR).indicators[0].offered
    assert offered is not None and offered.value == STBM_ACCESS and offered.year == 2024


@pytest.mark.django_db
def test_it_stores_the_accepted_value_with_its_source_and_audits_it(cast: Cast) -> None:
    node = sasaran(plan_with_sasaran())
    _import(cast, "stbm", "stbm_desa_2024.csv")
    answer = _client(cast.pokja_kabkota).post(_url("save"), {"pakai": f"i{node.pk}"})
    assert answer.status_code == 302
    saved = IndicatorRealisation.objects.get(node=node)
    assert (saved.value, saved.source, saved.source_note) == (STBM_ACCESS, "sektor", "STBM 2024")
    event = AuditEvent.objects.get(object_type="monev.indicatorrealisation")
    assert {"field": "source_note", "old": None, "new": "STBM 2024"} in event.changes


@pytest.mark.django_db
def test_it_clears_the_source_note_when_the_value_is_typed_over(cast: Cast) -> None:
    node = sasaran(plan_with_sasaran())
    _import(cast, "stbm", "stbm_desa_2024.csv")
    client = _client(cast.pokja_kabkota)
    client.post(_url("save"), {"pakai": f"i{node.pk}"})
    client.post(_url("save"), {f"i{node.pk}-value": "90", f"i{node.pk}-source": "ehra"})
    saved = IndicatorRealisation.objects.get(node=node)
    assert (saved.value, saved.source_note) == (Decimal("90"), "")


@pytest.mark.django_db
def test_it_offers_sipd_realisation_for_the_row_with_the_same_subkegiatan_code(
    cast: Cast,
) -> None:
    plan = plan_with_sasaran()
    row = plan.rows.order_by("pk").first()
    assert row is not None
    row.kegiatan_code = SIPD_CODE
    row.save(update_fields=["kegiatan_code"])
    _import(cast, "sipd", "sipd_realisasi_2024.xlsx")
    lines = {line.row.pk: line for line in kabkota_monev(plan.region, YEAR).rows}
    assert lines[row.pk].offered is not None
    assert lines[row.pk].offered.value == Decimal("1187500000")
    assert all(line.offered is None for pk, line in lines.items() if pk != row.pk)
    html = _client(cast.pokja_kabkota).get(_url("kabkota")).content.decode()
    assert f'data-testid="use-r{row.pk}"' in html and "SIPD 2024" in html
    assert "1.187.500.000" in html or "1,187,500,000" in html
    prefix = f"r{row.pk}"
    data = {"pakai": prefix, f"{prefix}-output": "1", f"{prefix}-work_status": "selesai"}
    assert _client(cast.pokja_kabkota).post(_url("save"), data).status_code == 302
    saved = RowRealisation.objects.get(row=row)
    assert (saved.budget, saved.source_note) == (1187500000, "SIPD 2024")


@pytest.mark.django_db
def test_it_follows_the_mapping_kept_as_data(cast: Cast) -> None:
    node = sasaran(plan_with_sasaran())
    _import(cast, "stbm", "stbm_desa_2024.csv")
    RealisationMapping.objects.filter(code="stbm_akses_jamban").update(match="jamban sehat")
    region = Region.objects.get(code="15.07")
    assert kabkota_monev(region, YEAR).indicators[0].offered is None
    RealisationMapping.objects.filter(code="stbm_babs").update(match="sanitasi layak")
    offered = kabkota_monev(region, YEAR).indicators[0].offered
    assert offered is not None and offered.value == Decimal("2.5")  # 20 BABS / 800 KK
    assert node.pk == kabkota_monev(region, YEAR).indicators[0].node.pk


@pytest.mark.django_db
def test_it_reads_the_offers_with_a_fixed_number_of_queries(cast: Cast) -> None:
    plan_with_sasaran()
    _import(cast, "stbm", "stbm_desa_2024.csv")
    region = Region.objects.get(code="15.07")
    with CaptureQueriesContext(connection) as queries:
        kabkota_monev(region, YEAR)
    assert len(queries) <= 8


@pytest.mark.django_db
def test_it_leaves_no_report_behind_when_the_grid_has_errors(cast: Cast) -> None:
    node = sasaran(plan_with_sasaran())
    answer = _client(cast.pokja_kabkota).post(
        _url("save"), {f"i{node.pk}-value": "", f"i{node.pk}-na_code": "belum_tersedia"}
    )
    assert answer.status_code == 400
    assert not Report.objects.exists()
    assert not AuditEvent.objects.filter(object_type="monev.report").exists()


@pytest.mark.django_db
def test_it_opens_the_report_together_with_the_first_values(cast: Cast) -> None:
    node = sasaran(plan_with_sasaran())
    data = {f"i{node.pk}-value": "47.5", f"i{node.pk}-source": "ehra"}
    assert _client(cast.pokja_kabkota).post(_url("save"), data).status_code == 302
    report = Report.objects.get()
    assert report.indicator_values.count() == 1
    assert AuditEvent.objects.filter(object_type="monev.report").count() == 1


@pytest.mark.django_db
def test_it_documents_the_status_filter_of_the_realisation_api(cast: Cast) -> None:
    schema = _client(cast.pmu).get(reverse("api:schema"), {"format": "json"}).json()
    for path in ("/api/v1/realisasi/", "/api/v1/realisasi-indikator/"):
        names = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert "status" in names
        assert set(names["status"]["schema"]["enum"]) == {
            "draft",
            "submitted",
            "approved",
            "returned",
        }
