from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from ppsp.audit.models import AuditEvent
from ppsp.regions.masterdata import (
    EXPECTED_COUNTS,
    parse_master_data,
    split_kabkota_name,
    title_name,
    village_kind,
)
from ppsp.regions.models import Kind, Level, Region
from ppsp.regions.services import regions_load_master_data
from tests.conftest import write_master_slice


def test_it_splits_the_kabkota_type_from_its_name() -> None:
    assert split_kabkota_name("KABUPATEN TANJUNG JABUNG TIMUR") == (
        "KABUPATEN",
        "Tanjung Jabung Timur",
    )
    assert split_kabkota_name("KOTA JAMBI") == ("KOTA", "Jambi")
    assert split_kabkota_name("KABUPATEN PANGKAJENE DAN KEPULAUAN")[1] == (
        "Pangkajene dan Kepulauan"
    )
    assert title_name("DKI JAKARTA") == "DKI Jakarta"


def test_it_tells_kelurahan_from_desa_by_code() -> None:
    assert village_kind("15.71.01.1001") == "KELURAHAN"
    assert village_kind("15.07.01.2001") == "DESA"


def test_it_reports_bad_rows_with_file_row_and_column(tmp_path: Path) -> None:
    write_master_slice(tmp_path, ("75",))
    villages = tmp_path / "villages.csv"
    lines = villages.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "75.99.99.2001,75.99.99,Desa Tanpa Induk")
    lines.insert(5, "75.01.01.201,75.01.01,Kode Pendek")
    villages.write_text("\n".join(lines) + "\n", encoding="utf-8")

    records, problems = parse_master_data(tmp_path)

    messages = [str(p) for p in problems]
    assert messages == [
        "villages.csv, baris 4, kolom 'district_code': kode induk 75.99.99 tidak dikenal",
        "villages.csv, baris 6, kolom 'code': kode '75.01.01.201' harus 13 karakter",
    ]
    assert records  # the good rows are still parsed, for the report


@pytest.mark.django_db
def test_it_saves_nothing_when_the_source_has_problems(tmp_path: Path) -> None:
    write_master_slice(tmp_path, ("65",))
    with (tmp_path / "districts.csv").open("a", encoding="utf-8") as handle:
        handle.write("65.01.99,65.01,\n")  # empty name
    before = Region.objects.count()

    report = regions_load_master_data(directory=tmp_path)

    assert [str(p) for p in report.problems] == [
        "districts.csv, baris 57, kolom 'name': nama kosong"
    ]
    assert Region.objects.count() == before


@pytest.mark.django_db
def test_it_updates_a_renamed_region_in_place(tmp_path: Path) -> None:
    write_master_slice(tmp_path, ("15",))
    villages = tmp_path / "villages.csv"
    villages.write_text(
        villages.read_text(encoding="utf-8").replace(",Alang-Alang\n", ",Alang Alang Baru\n"),
        encoding="utf-8",
    )
    desa = Region.objects.get(code="15.07.01.2001")

    report = regions_load_master_data(directory=tmp_path)

    desa.refresh_from_db()
    assert (desa.name, desa.search_text) == (
        "Alang Alang Baru",
        "desa alang alang baru 15.07.01.2001",
    )
    assert report.updated[Level.DESA] == 1 and sum(report.created.values()) == 0
    assert AuditEvent.objects.filter(action="import").exists()


@pytest.mark.slow
@pytest.mark.django_db
def test_it_loads_the_whole_country_once_and_then_changes_nothing() -> None:
    call_command("load_regions", verbosity=0)
    counts = {level: Region.objects.filter(level=level).count() for level in Level.values}
    assert counts == EXPECTED_COUNTS == {1: 38, 2: 514, 3: 7_277, 4: 83_763}
    assert Region.objects.filter(level=Level.KABKOTA, kind=Kind.KABUPATEN).count() == 416
    assert Region.objects.filter(level=Level.KABKOTA, kind=Kind.KOTA).count() == 98
    audit_rows = AuditEvent.objects.count()

    report = regions_load_master_data(directory=Path(settings.MASTER_DATA_DIR))

    assert not report.changed and not report.problems and not report.missing_from_source
    assert sum(report.unchanged.values()) == sum(EXPECTED_COUNTS.values())
    assert AuditEvent.objects.count() == audit_rows
    tanjabtim = Region.objects.get(code="15.07")
    assert tanjabtim.display_name == "Kabupaten Tanjung Jabung Timur"
    assert tanjabtim.children.count() == 11
    assert Region.objects.filter(kabkota_code="15.07", level=Level.DESA).count() == 93
