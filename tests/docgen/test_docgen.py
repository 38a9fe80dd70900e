"""Document generator (issue 9): outlines, context, DOCX/PDF read back, missing data, UI."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx
from hypothesis import given
from hypothesis import strategies as st

from ppsp.audit.models import AuditEvent
from ppsp.docgen import services
from ppsp.docgen.context import build_context
from ppsp.docgen.diff import diff_tables
from ppsp.docgen.fmt import MISSING, id_number, parse_id_number, rp_juta
from ppsp.docgen.models import RenderedFile, RenderState, SectionText
from ppsp.docgen.outlines import OUTLINES
from ppsp.docgen.render_pdf import render_pdf
from ppsp.documents.models import DocType, Status
from ppsp.profiles.models import LegacyTarget
from ppsp.scenarios.selectors import chosen_scenario, table51
from tests.conftest import Cast
from tests.cycles.support import ssk
from tests.docgen.support import demo_ssk_version, load_all_demo

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "docgen"


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _render(version: Any, fmt: str, by: Any, capture: Any) -> RenderedFile:
    with capture(execute=True):
        rendered = services.render_request(version=version, fmt=fmt, by=by)
    rendered.refresh_from_db()
    assert rendered.state == RenderState.DONE, rendered.error
    return rendered


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def _tabel51_expected(version: Any) -> list[str]:
    scenario = chosen_scenario(version.document.region)
    assert scenario is not None
    gaps = table51(scenario).gaps
    return [rp_juta(v) for v in (*gaps.need_total, *gaps.gap1, gaps.totals["need_total"])]


def test_it_formats_numbers_the_indonesian_way() -> None:
    assert id_number(1234.5, 1) == "1.234,5"
    assert id_number(1234567) == "1.234.567"
    assert rp_juta(2_500_000_000) == "2.500,0"
    assert id_number(None) == "–"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_it_reads_back_every_formatted_number(value: float) -> None:
    assert parse_id_number(id_number(value, 1)) == pytest.approx(round(value, 1), abs=0.051)


def test_it_binds_every_ssk_2017_chapter_to_data() -> None:
    outline = OUTLINES["SSK-2017"]
    chapters = [s.number for s in outline if s.level == 1 and not s.number.startswith("L")]
    assert chapters == ["1", "2", "3", "4", "5", "6", "7"]
    bindings = {b for s in outline for b in s.binding.split("+")}
    assert {"tabel_5_1", "area_berisiko", "kkl_matrix", "tanggapan", "irs"} <= bindings
    assert all(OUTLINES[code] for code in ("BPS-2014", "MPS-2014", "SSK-2015", "SSK-2016"))


def test_it_diffs_two_versions_data_tables() -> None:
    a: list[dict[str, Any]] = [
        {"title": "T", "rows": [["x", "1"], ["y", "2"]]},
        {"title": "Old", "rows": []},
    ]
    b: list[dict[str, Any]] = [
        {"title": "T", "rows": [["x", "1"], ["y", "3"]]},
        {"title": "New", "rows": []},
    ]
    diffs = {d.title: d for d in diff_tables(a, b)}
    assert diffs["T"].added == [["y", "3"]] and diffs["T"].removed == [["y", "2"]]
    assert diffs["Old"].only_in == "a" and diffs["New"].only_in == "b"


def test_it_writes_a_complete_demo_ssk_as_docx_and_pdf(
    cast: Cast, media: Path, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    failed = load_all_demo()
    required = {"load_scenarios_demo", "load_ehra_demo", "load_maps_demo", "load_profiles_demo"}
    required |= {"load_docgen_demo", "load_mps_demo", "load_kkl_demo"}
    assert not required & set(failed), failed
    version = demo_ssk_version()
    services.section_text_save(
        version=version,
        section="1.1",
        text="SSK {kabkota} periode {periode}.\n\nParagraf kedua.",
        by=cast.pokja_kabkota,
    )
    context = build_context(version)
    expected_headings = [s.heading for s in context.sections]
    assert len(expected_headings) == len(OUTLINES["SSK-2017"])
    tabel51 = _tabel51_expected(version)

    docx_file = _render(version, "docx", cast.pokja_kabkota, django_capture_on_commit_callbacks)
    with docx_file.file.open("rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == docx_file.sha256 and docx_file.tables
    doc = read_docx(io.BytesIO(data))
    headings = [
        p.text
        for p in doc.paragraphs
        if p.style is not None and p.style.name.startswith("Heading ")
    ]
    assert [h for h in headings if h not in ("Daftar Isi", "Daftar Tabel")] == expected_headings
    assert len(doc.tables) == len(context.tables) >= (10 if not failed else 6)
    texts = [p.text for p in doc.paragraphs]
    assert "SSK Kabupaten Tanjung Jabung Timur periode 2027–2031." in texts
    assert any(
        t.startswith("Kebutuhan biaya pengembangan sanitasi ")  # drafted from Tabel 5.1
        and f"sebesar Rp {tabel51[-1]} juta" in t
        for t in texts
    )
    captions = [t for t in texts if re.match(r"^(Tabel|Gambar) [0-9L]+\.\d+ ", t)]
    assert any(c.startswith("Tabel 6.1 Rekapitulasi indikasi kebutuhan") for c in captions)
    assert any(c.startswith("Gambar 2.2 Peta area berisiko") for c in captions)
    assert "Tabel 2.2 Kemajuan pelaksanaan SSK sebelumnya" in captions
    legacy = LegacyTarget.objects.filter(document__region__code="15.07").first()
    assert legacy is not None
    kemajuan = doc.tables[[t.number for t in context.tables].index("Tabel 2.2")]
    baseline = f"{id_number(legacy.baseline, 1)} ({legacy.baseline_year})"
    assert baseline in [c.text for row in kemajuan.rows for c in row.cells]
    assert len(doc.inline_shapes) == len(context.figures) >= 4
    index = next(i for i, t in enumerate(context.tables) if t.number == "Tabel 6.1")
    cells = [c.text for row in doc.tables[index].rows for c in row.cells]
    assert all(value in cells for value in tabel51)
    assert "TOC" in doc.element.xml and "PAGE" in doc.sections[0].footer._element.xml
    (ARTIFACTS / "ssk-demo.docx").parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "ssk-demo.docx").write_bytes(data)

    pdf_file = _render(version, "pdf", cast.pokja_kabkota, django_capture_on_commit_callbacks)
    with pdf_file.file.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == pdf_file.sha256
    text = _pdf_text(pdf, tmp_path)
    assert "Daftar Isi" in text and "Daftar Tabel" in text and "Halaman 3" in text
    flat = re.sub(r"\s+", " ", text)
    for heading in expected_headings:
        assert re.sub(r"\s+", " ", heading) in flat
    assert "Tabel 6.1 Rekapitulasi indikasi kebutuhan" in flat
    assert "Gambar 6.1 Kebutuhan biaya" in flat and "Gambar 2.2 Peta area berisiko" in flat
    assert all(value in text for value in tabel51)
    if shutil.which("pdfimages"):
        images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True)
        assert images.stdout.count(b"\n") - 2 >= 2
    _pages_to_png(pdf, "ssk-demo")


def _pages_to_png(pdf: bytes, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    target = ARTIFACTS / f"{name}.pdf"
    target.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(target), str(ARTIFACTS / name)], check=True)
    assert len(list(ARTIFACTS.glob(f"{name}-*.png"))) >= 5


def test_it_marks_every_missing_part_instead_of_failing(cast: Cast, tmp_path: Path) -> None:
    version = ssk("15.07").versions.get()
    context = build_context(version)
    bound = [s for s in context.sections if s.binding]
    assert bound and all(s.missing for s in bound)
    pdf = render_pdf(context)
    flat = re.sub(r"\s+", " ", _pdf_text(pdf, tmp_path))
    assert flat.count(MISSING) >= len({s.binding for s in bound})
    # issue 16: no data inside the document's period says so (never today's data)
    assert "Area berisiko" in flat and "Tabel 5.1" in flat
    assert "data tidak tersedia untuk periode ini" in flat
    # issue 20: chapter openings and the Pendahuluan are drafted; no placeholder is printed
    assert "[Narasi bagian ini belum ditulis.]" not in flat
    _pages_to_png(pdf, "ssk-kosong")


def test_it_keeps_narrative_on_draft_versions_only(cast: Cast) -> None:
    version = ssk("15.07", status=Status.APPROVED).versions.get()
    with pytest.raises(ValidationError, match="terkunci"):
        services.section_text_save(version=version, section="1.1", text="x", by=cast.pmu)
    refusal = AuditEvent.objects.get(reason__startswith="DITOLAK: ubah narasi 1.1")
    assert refusal.actor == cast.pmu and refusal.object_id == str(version.pk)
    assert not SectionText.objects.filter(version=version).exists()


def test_it_lets_only_editors_of_the_kabkota_write_narrative(cast: Cast) -> None:
    version = ssk("15.71").versions.get()  # another kab/kota than the Pokja's 15.07
    with pytest.raises(PermissionDenied):
        services.section_text_save(version=version, section="1.1", text="x", by=cast.pokja_kabkota)


def test_it_never_replaces_the_file_of_an_approved_version(
    cast: Cast, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    version = ssk("15.07", 2021, 2025, status=Status.APPROVED).versions.get()
    public = reverse("docgen:public_download", kwargs={"pk": version.pk, "fmt": "docx"})
    assert Client().get(public).status_code == 404
    first = _render(version, "docx", cast.pmu, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        services.render_request(version=version, fmt="docx", by=cast.pmu)
    assert RenderedFile.objects.filter(version=version).count() == 1 and first.sha256
    anonymous = Client().get(public)
    assert anonymous.status_code == 200
    assert hashlib.sha256(anonymous.content).hexdigest() == first.sha256
    draft = ssk("15.07").versions.get()
    assert Client().get(reverse("docgen:public_files", kwargs={"pk": draft.pk})).status_code == 404


def test_it_builds_and_downloads_a_document_from_the_page(
    cast: Cast, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    version = ssk("15.07").versions.get()
    assert version.document.doc_type == DocType.SSK
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("docgen:version", kwargs={"pk": version.pk}))
    assert page.status_code == 200 and "Buat dokumen" in page.content.decode()
    edit = reverse("docgen:narrative", kwargs={"pk": version.pk, "section": "1.2"})
    assert client.post(edit, {"text": "Maksud {kabkota}."}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("docgen:render", kwargs={"pk": version.pk}), {"fmt": "pdf"})
    assert response.status_code == 302
    rendered = RenderedFile.objects.get(version=version)
    status = client.get(reverse("docgen:status", kwargs={"pk": rendered.pk}))
    assert "Unduh" in status.content.decode()
    download = client.get(reverse("docgen:download", kwargs={"pk": rendered.pk}))
    body = download.content
    assert download["X-Checksum-SHA256"] == hashlib.sha256(body).hexdigest() == rendered.sha256
    diff = client.get(reverse("docgen:diff", kwargs={"pk": version.pk}))
    assert diff.status_code == 200
    link = client.get(reverse("documents:version", kwargs={"pk": version.pk}))
    assert reverse("docgen:version", kwargs={"pk": version.pk}) in link.content.decode()
