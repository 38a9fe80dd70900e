"""Issue 20, analysis written from the data: the demo SSK, BPS and MPS of 15.07 carry
drafted paragraphs in every data section, no placeholder text, and every number of a
drafted sentence traced to its source; a Pokja edit survives re-rendering and is flagged
when the data under it changes; the snapshot keeps the paragraphs."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx

from ppsp.audit.models import AuditEvent
from ppsp.core.figures import FIGURES
from ppsp.docgen import selectors
from ppsp.docgen.analysis import ANALYSES, analysis_for
from ppsp.docgen.analysis.base import DOC
from ppsp.docgen.analysis.edits import placeholders_in
from ppsp.docgen.analysis.text import untraced
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext, Table
from ppsp.docgen.models import SectionText
from ppsp.docgen.render_docx import render_docx
from ppsp.docgen.snapshot import from_json, normalised, to_json
from ppsp.documents.models import DocType, DocumentVersion, MethodVersion
from ppsp.documents.services import document_create
from ppsp.regions.models import Population
from tests.conftest import Cast, DemoWorld
from tests.docgen.support import demo_ssk_version

pytestmark = pytest.mark.django_db

SOURCES = {f.key for f in FIGURES} | set(ANALYSES) | {DOC}
NO_TEXT = "[Narasi bagian ini belum ditulis.]"


@pytest.fixture
def cast(demo: DemoWorld) -> Cast:
    """The database tests here read the demo, loaded once for the module (`module_demo`)."""
    return demo.cast


def _version(doc_type: str, method: str) -> DocumentVersion:
    region = demo_ssk_version().document.region
    document = document_create(
        region=region,
        doc_type=doc_type,
        method_version=MethodVersion.objects.get(code=method),
        period_start=2027,
        period_end=2031,
        by=None,
    )
    return document.versions.get()


def _docx_text(context: DocContext) -> str:
    doc = read_docx(io.BytesIO(render_docx(context)))
    return "\n".join(p.text for p in doc.paragraphs)


def _check_drafted(context: DocContext) -> int:
    """Every data section drafted, no placeholder, every number traced; sentence count."""
    sentences = 0
    for section in context.sections:
        has_table = any(isinstance(b, Table) for b in section.blocks)
        if analysis_for(section.binding) and has_table:
            assert section.paragraphs, f"{context.doc_type} {section.number} tanpa analisis"
        assert section.text.strip(), f"{context.doc_type} {section.number} tanpa narasi"
        assert placeholders_in(section.text) == [], (section.number, section.text)
        for paragraph in section.paragraphs:
            assert paragraph.text in section.text
            for sentence in paragraph.sentences:
                assert untraced(sentence) == [], (section.number, sentence)
                keys = {s.split("#")[0].split(":")[0] for s in sentence.sources}
                assert keys <= SOURCES, sentence
                sentences += 1
    return sentences


def test_it_drafts_every_data_section_of_the_demo_ssk_bps_and_mps(
    cast: Cast, demo: DemoWorld
) -> None:
    assert not set(demo.failed) - {"load_monev_demo"}
    versions = {
        "SSK": demo_ssk_version(),
        "BPS": _version(DocType.BPS, "BPS-2014"),
        "MPS": _version(DocType.MPS, "MPS-2014"),
    }
    for name, version in versions.items():
        context = build_context(version)
        assert _check_drafted(context) >= 10, name
        states = selectors.completeness(version)
        assert selectors.document_complete(states), [
            s.section.number for s in states if not s.complete
        ]
        text = _docx_text(context)
        assert NO_TEXT not in text and placeholders_in(text) == []
        back = from_json(normalised(to_json(context)))  # the approval snapshot keeps them
        assert [[p.text for p in s.paragraphs] for s in back.sections] == [
            [p.text for p in s.paragraphs] for s in context.sections
        ]
        assert _check_drafted(back) == _check_drafted(context)

    ssk = {s.number: s for s in build_context(versions["SSK"]).sections}
    risk = {p.key: p.text for p in ssk["2.4"].paragraphs}
    assert risk["risiko.air_limbah"].startswith(
        "Untuk air limbah, sebanyak 5 dari 36 desa/kelurahan (13,9 %) berada pada area "
        "berisiko sangat tinggi, terkonsentrasi di Kecamatan Nipah Panjang (3 desa)."
    )
    gap = {p.key: p for p in ssk["6.1"].paragraphs}["pendanaan.gap"]  # Tabel 5.1 is in Bab VI
    assert "Gap terbesar terjadi pada tahun 2029" in gap.text and "persampahan" in gap.text
    assert {"gaps", "need_a"} <= {s.split("#")[0] for s in gap.sources}
    people = {p.key: p.text for p in ssk["2.1"].paragraphs}["profil.penduduk"]
    assert people.startswith("Pada tahun 2025, penduduk Kabupaten Tanjung Jabung Timur")


def _edit_url(version: DocumentVersion, section: str) -> str:
    return reverse("docgen:narrative", kwargs={"pk": version.pk, "section": section})


def _post(client: Client, version: DocumentVersion, section: str, data: dict[str, Any]) -> None:
    own = selectors.completeness(version)
    state = next(s for s in own if s.section.number == section)
    payload = {"text": state.own_text}
    payload.update({f"p-{p.key}": p.text for p in state.paragraphs})
    payload.update(data)
    assert client.post(_edit_url(version, section), payload).status_code == 302


def test_it_keeps_a_pokja_edit_across_re_renders_and_flags_changed_data(
    cast: Cast, demo: DemoWorld
) -> None:
    version = demo_ssk_version()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(_edit_url(version, "2.1")).content.decode()
    assert 'data-testid="paragraph-profil.penduduk"' in page and "population_desa" in page

    mine = "Penduduk {kabkota} tumbuh pesat di ibu kota kabupaten menurut catatan Pokja."
    _post(client, version, "2.1", {"p-profil.penduduk": mine})
    stored = SectionText.objects.get(version=version, section="2.1", paragraph="profil.penduduk")
    assert stored.text == mine and len(stored.data_hash) == 64
    assert AuditEvent.objects.filter(changes__0__field="paragraf 2.1 profil.penduduk").exists()

    for _ in range(2):  # re-rendering keeps the Pokja's text
        context = build_context(version)
        section = next(s for s in context.sections if s.number == "2.1")
        edited = next(p for p in section.paragraphs if p.key == "profil.penduduk")
        assert edited.edited and not edited.stale
        assert edited.text == mine.replace("{kabkota}", "Kabupaten Tanjung Jabung Timur")
        assert edited.text in _docx_text(context)
    assert selectors.document_complete(selectors.completeness(version))

    year = int(next(t for t in section.blocks if isinstance(t, Table)).title[-4:])
    Population.objects.filter(region__kabkota_code="15.07", year=year).update(
        penduduk=F("penduduk") + 100
    )
    states = selectors.completeness(version)
    state = next(s for s in states if s.section.number == "2.1")
    assert [p.key for p in state.stale] == ["profil.penduduk"]
    assert state.paragraphs[0].text.startswith("Penduduk Kabupaten Tanjung Jabung Timur tumbuh")
    assert not selectors.document_complete(states)
    flag = "Data berubah sejak paragraf ini disunting"
    overview = client.get(reverse("docgen:version", kwargs={"pk": version.pk})).content.decode()
    assert flag in overview and 'data-testid="stale-2.1"' in overview
    assert flag in client.get(_edit_url(version, "2.1")).content.decode()
    other = next(s for s in states if s.section.number == "2.2")
    assert not other.stale  # only paragraphs whose figures changed

    _post(client, version, "2.1", {})  # saving the reviewed paragraph confirms it
    assert selectors.document_complete(selectors.completeness(version))
    _post(client, version, "2.1", {"reset-profil.penduduk": "on"})  # back to the data
    assert not SectionText.objects.filter(version=version, paragraph="profil.penduduk").exists()
    context = build_context(version)
    section = next(s for s in context.sections if s.number == "2.1")
    assert section.paragraphs[0].text.startswith("Pada tahun")


def test_it_refuses_paragraph_edits_outside_the_pokja_scope(cast: Cast, demo: DemoWorld) -> None:
    version = demo_ssk_version()
    client = Client()
    client.force_login(cast.public)
    assert client.get(_edit_url(version, "2.1")).status_code in (403, 404)
