"""Nomenclature code lists as data (Permendagri 90/2019 for APBD, Cipta Karya/PPLP for
APBN): seeded from the CSV, checked on rows and on import."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from ppsp.mps import services
from ppsp.mps.codes import DEFAULT_PROGRAM, load_nomenclature
from ppsp.mps.exports import export_workbook
from ppsp.mps.models import NomenclatureCode
from ppsp.mps.nomenclature import seed_nomenclature
from ppsp.mps.workbook import HEADERS, read_workbook
from tests.conftest import Cast
from tests.mps.support import plan_in

pytestmark = pytest.mark.django_db


def test_it_seeds_every_code_of_the_file_once_and_marks_the_unverified() -> None:
    rows = load_nomenclature()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    seed_nomenclature()  # done by migration 0003; again here in case a test flushed it
    assert NomenclatureCode.objects.count() == len(rows)
    assert seed_nomenclature() == 0  # idempotent
    for row in rows:
        assert row["level"] in ("program", "kegiatan", "sub_kegiatan")
        assert row["system"] in ("APBD", "APBN")
        assert row["status"] in ("terverifikasi", "[R] to verify"), row["code"]
    # the APBN stand-ins are not official codes and say so
    assert all(r["status"] == "[R] to verify" for r in rows if r["system"] == "APBN")
    by_code = {r["code"]: r for r in rows}
    for code in DEFAULT_PROGRAM.values():
        assert by_code[code]["level"] == "program"
    for row in rows:  # every kegiatan/sub-kegiatan sits under a listed parent
        if row["level"] != "program":
            parent = row["code"].rsplit(".", 2 if row["level"] == "kegiatan" else 1)[0]
            assert parent in by_code, row["code"]


def test_it_refuses_unknown_codes_and_a_kegiatan_outside_its_program(cast: Cast) -> None:
    row = plan_in("15.07").rows.get(kegiatan="IPAL komunal Zona 1")
    row.kegiatan_code = "1.03.05.2.01.03"
    services.row_save(row=row, by=cast.pokja_kabkota)
    row.program_code = "9.99.99"
    with pytest.raises(ValidationError, match="tidak ada dalam daftar nomenklatur"):
        services.row_save(row=row, by=cast.pokja_kabkota)
    row.program_code = "1.03.06"
    with pytest.raises(ValidationError, match=r"tidak berada di bawah program '1\.03\.06'"):
        services.row_save(row=row, by=cast.pokja_kabkota)


def test_it_checks_codes_on_import_naming_the_column(cast: Cast) -> None:
    plan = plan_in("15.07")
    rows = list(plan.rows.all())
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    workbook = load_workbook(io.BytesIO(export_workbook(plan, rows)))
    sheet = workbook["APBD K"]
    (line,) = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == ipal.pk]
    sheet.cell(line, HEADERS.index("kode_kegiatan") + 1).value = "2.11.11.2.01.04"
    buffer = io.BytesIO()
    workbook.save(buffer)
    diff = read_workbook("l4.xlsx", buffer.getvalue(), plan, rows)
    (error,) = diff.errors
    assert f"lembar 'APBD K', baris {line}, kolom 'kode_kegiatan'" in str(error)
    assert "tidak berada di bawah program '1.03.05'" in str(error)
