"""Bulk exports, open data and sector-system imports (issue 10 items 4 and 5)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.exchange.adapters import parse_number
from ppsp.exchange.models import BatchStatus, FieldMapping, ImportBatch, JobStatus, SectorFigure
from ppsp.exchange.selectors import sector_value
from ppsp.exchange.services import batch_import, batch_upload
from ppsp.regions.models import Population, Region
from tests.conftest import Cast

DATA = Path(__file__).parents[1] / "data" / "exchange"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def _import(cast: Cast, system: str, name: str, code: str = "15.07") -> ImportBatch:
    batch, _ = batch_upload(
        system=system,
        kabkota=Region.objects.get(code=code),
        filename=name,
        content=(DATA / name).read_bytes(),
        by=cast.pokja_kabkota,
    )
    return batch_import(batch=batch, by=cast.pokja_kabkota)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_maps_sipsn_headers_through_aliases(cast: Cast) -> None:
    batch = _import(cast, "sipsn", "sipsn_capaian_2023.csv")
    assert batch.status == BatchStatus.DONE, batch.errors
    assert sector_value("15.07", "sipsn_timbulan_tahunan_ton", 2023) == Decimal("22666.5")
    assert sector_value("15.07", "sipsn_terkelola_tahunan_ton", 2022) == Decimal("11845.84")
    assert sector_value("15.07", "sipsn_terkelola_tahunan_ton", 2021) is None


def test_it_reads_stbm_per_desa_with_odf_flags(cast: Cast) -> None:
    batch = _import(cast, "stbm", "stbm_desa_2024.csv")
    assert batch.status == BatchStatus.DONE, batch.errors
    assert sector_value("15.07.01.2001", "stbm_odf", 2024) == 0
    assert sector_value("15.07.01.2002", "stbm_odf", 2024) == 1
    assert sector_value("15.07.01.2002", "stbm_kk_jsp", 2024) == 350


def test_it_reads_sipd_realisation_from_xlsx_and_sums_detail_rows(cast: Cast) -> None:
    batch = _import(cast, "sipd", "sipd_realisasi_2024.xlsx")
    assert batch.status == BatchStatus.DONE, batch.errors
    assert sector_value("15.07", "apbd_realisasi", 2024) == 1187500000 + 801250000 + 132400000
    assert SectorFigure.objects.filter(indicator="apbd_pagu").count() == 3


def test_it_uses_mappings_edited_as_data(cast: Cast) -> None:
    mapping = FieldMapping.objects.get(system="stbm", target="jumlah_kk")
    mapping.aliases = ""
    mapping.save()
    batch, parsed = batch_upload(
        system="stbm",
        kabkota=Region.objects.get(code="15.07"),
        filename="stbm_desa_2024.csv",
        content=(DATA / "stbm_desa_2024.csv").read_bytes(),
        by=cast.pokja_kabkota,
    )
    assert batch.status == BatchStatus.FAILED
    assert parsed.errors == [
        "stbm_desa_2024.csv, baris 1, kolom 'Jumlah KK': kolom wajib tidak ditemukan."
    ]


def test_it_rejects_the_whole_file_and_reports_all_five_bad_rows(cast: Cast) -> None:
    batch = _import(cast, "stbm", "stbm_desa_salah.csv")
    assert batch.status == BatchStatus.FAILED
    assert SectorFigure.objects.count() == 0
    assert len(batch.errors) == 5
    for row, column in [
        (2, "Tahun"), (3, "Jumlah KK"), (4, "Kode Desa"),
        (5, "KK Akses Jamban Sehat Permanen"), (6, "Status ODF"),
    ]:  # fmt: skip
        assert any(
            e.startswith(f"stbm_desa_salah.csv, baris {row}, kolom '{column}'")
            for e in batch.errors
        ), batch.errors


def test_it_is_idempotent_on_reimport_and_audits_each_import(cast: Cast) -> None:
    first = _import(cast, "sipsn", "sipsn_capaian_2023.csv")
    count = SectorFigure.objects.count()
    second = _import(cast, "sipsn", "sipsn_capaian_2023.csv")
    assert SectorFigure.objects.count() == count == first.created
    assert (second.created, second.updated, second.unchanged) == (0, 0, count)
    events = AuditEvent.objects.filter(object_type="exchange.importbatch", action="import")
    assert events.count() == 2


def test_it_rejects_rows_of_another_kabkota(cast: Cast) -> None:
    batch = _import(cast, "sipsn", "sipsn_capaian_2023.csv", code="15.71")
    assert batch.status == BatchStatus.FAILED
    assert "baris 2, kolom 'Kabupaten/Kota'" in batch.errors[0]


def test_it_parses_indonesian_and_plain_numbers() -> None:
    assert parse_number("1.234.567") == 1234567
    assert parse_number("22.352,60") == Decimal("22352.60")
    assert parse_number("1,234.5") == Decimal("1234.5")
    assert parse_number("61,24") == Decimal("61.24")
    assert parse_number("-5") is None and parse_number("banyak") is None


def test_it_imports_through_the_pages_with_preview(cast: Cast) -> None:
    client = _client(cast.pokja_kabkota)
    with (DATA / "sipsn_capaian_2023.csv").open("rb") as upload:
        response = client.post(  # a background job reads the file into a draft batch
            reverse("exchange:imports", args=["15.07"]),
            {"system": "sipsn", "file": upload},
            follow=True,
        )
    batch = ImportBatch.objects.get()
    assert response.redirect_chain[-1][0] == reverse("exchange:batch", args=[batch.pk])
    page = response.content.decode()
    assert "sipsn_timbulan_tahunan_ton" in page and not SectorFigure.objects.exists()
    client.post(reverse("exchange:batch_commit", args=[batch.pk]))
    assert SectorFigure.objects.count() == 10
    other = _client(cast.cf)  # CF sees, but may not import
    assert other.post(reverse("exchange:batch_commit", args=[batch.pk])).status_code == 404


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_it_exports_exactly_the_db_rows_as_csv(cast: Cast) -> None:
    desa = Region.objects.get(code="15.07.01.2001")
    Population.objects.create(region=desa, year=2024, penduduk=1234, kk=321, source="BPS")
    url = reverse("exchange:download", args=["15.07", "penduduk", "csv"])
    rows = _csv(_client(cast.cf).get(url))
    assert rows[0] == ["region__code", "region__name", "year", "penduduk", "kk", "source"]
    expected = Population.objects.filter(region__kabkota_code="15.07").order_by(
        "region__code", "pk"
    )
    assert rows[1:] == [
        [p.region.code, p.region.name, str(p.year), str(p.penduduk), str(p.kk), p.source]
        for p in expected
    ]
    regions = _csv(
        _client(cast.cf).get(reverse("exchange:download", args=["15.07", "wilayah", "csv"]))
    )
    assert len(regions) - 1 == Region.objects.filter(kabkota_code="15.07").count()


def test_it_exports_monev_realisation_inside_the_scope_only(cast: Cast) -> None:
    from ppsp.monev.models import RowRealisation
    from ppsp.monev.services import realisation_save
    from tests.monev.support import full_values, plan_with_sasaran, report_in

    for code in ("15.07", "15.71"):
        rows, indicators = full_values(plan_with_sasaran(code))
        realisation_save(report=report_in(code), rows=rows, indicators=indicators, by=None)
    url = reverse("exchange:download", args=["15.71", "realisasi", "csv"])
    assert _client(cast.cf).get(url).status_code == 404
    url = reverse("exchange:download", args=["15.07", "realisasi", "csv"])
    exported = _csv(_client(cast.cf).get(url))
    own = RowRealisation.objects.filter(report__region__code="15.07")
    assert exported[0][:3] == ["report__region__code", "report__year", "report__status"]
    assert len(exported) - 1 == own.count() > 0
    assert {r[0] for r in exported[1:]} == {"15.07"}
    assert {int(r[3]) for r in exported[1:]} == set(own.values_list("row_id", flat=True))
    url = reverse("exchange:download", args=["15", "realisasi_indikator", "xlsx"])
    sheet = load_workbook(io.BytesIO(_client(cast.pmu).get(url).content), read_only=True)
    assert sum(1 for _ in sheet.worksheets[0].iter_rows(values_only=True)) == 1 + 2


def test_it_writes_xlsx_that_openpyxl_opens(cast: Cast) -> None:
    _import(cast, "sipd", "sipd_realisasi_2024.xlsx")
    url = reverse("exchange:download", args=["15.07", "angka_sektor", "xlsx"])
    response = _client(cast.pokja_kabkota).get(url)
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("region__code", "region__name", "year")
    assert len(rows) == 1 + SectorFigure.objects.count()
    assert {r[3] for r in rows[1:]} == {"apbd_pagu", "apbd_realisasi"}


def test_it_answers_404_outside_the_scope(cast: Cast) -> None:
    client = _client(cast.pokja_kabkota)
    assert (
        client.get(reverse("exchange:download", args=["15.71", "wilayah", "csv"])).status_code
        == 404
    )
    assert (
        client.get(reverse("exchange:download", args=["15.07", "nope", "csv"])).status_code == 404
    )
    assert client.get(reverse("exchange:imports", args=["75.01"])).status_code == 404


def test_it_runs_national_extracts_as_a_job_with_a_private_download(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(cast.pmu)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("exchange:export"), {"table": "wilayah", "region": "", "fmt": "xlsx"}
        )
    from ppsp.exchange.models import ExportJob

    job = ExportJob.objects.get()
    assert _client(cast.pmu).get(response.url).status_code == 200
    assert response.url == reverse("exchange:job", args=[job.pk])
    assert job.status == JobStatus.DONE and job.rows_done == Region.objects.count()
    file_url = reverse("exchange:job_file", args=[job.pk])
    data = client.get(file_url).content
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == job.rows_done + 1
    assert _client(cast.pokja_provinsi).get(file_url).status_code == 404
    assert Client().get(file_url).status_code == 302


def test_it_asks_non_national_users_for_a_region(cast: Cast) -> None:
    response = _client(cast.cf).post(
        reverse("exchange:export"), {"table": "wilayah", "region": "", "fmt": "csv"}
    )
    assert response.status_code == 200 and b"Isi kode wilayah" in response.content


def test_it_publishes_only_approved_ssk_without_login(cast: Cast) -> None:
    from ppsp.documents.models import Document, DocumentVersion, MethodVersion, Status

    method = MethodVersion.objects.filter(doc_type="SSK").first() or MethodVersion.objects.create(
        code="SSK-T", doc_type="SSK", name="t", year=2020
    )
    region = Region.objects.get(code="15.07")
    approved = Document.objects.create(
        region=region, doc_type="SSK", method_version=method, period_start=2020, period_end=2024
    )
    DocumentVersion.objects.create(
        document=approved, number=1, status=Status.APPROVED, created_by=cast.pmu
    )
    draft = Document.objects.create(
        region=Region.objects.get(code="15.71"), doc_type="SSK", method_version=method,
        period_start=2020, period_end=2024,
    )  # fmt: skip
    DocumentVersion.objects.create(
        document=draft, number=1, status=Status.DRAFT, created_by=cast.pmu
    )
    rows = _csv(Client().get(reverse("exchange:open_data_csv")))
    assert [r[0] for r in rows[1:]] == ["15.07"]
    package = json.loads(Client().get(reverse("exchange:open_data_package")).content)
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == rows[0]
    assert Client().get(reverse("exchange:open_data")).status_code == 200
