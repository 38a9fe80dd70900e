"""Build the plain document context of one document version from the stored data.

anchors-code.md §5: build a view object first, then render. Every binding that finds no
data yields a `Missing` block instead of failing; narrative placeholders such as
{kabkota}, {periode}, {kebutuhan_total} are filled from the facts the bindings collect.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial

from django.utils import timezone

from ppsp.docgen import bind_outline, bind_plan, bind_profile
from ppsp.docgen.analysis import draft_document
from ppsp.docgen.analysis.edits import Edit, apply_edits, section_text
from ppsp.docgen.doc import Block, DocContext, Missing, SectionContext, Table, number_blocks
from ppsp.docgen.fmt import fill
from ppsp.docgen.models import SectionText
from ppsp.docgen.outlines import Section, outline_for
from ppsp.docgen.sources import attach_sources
from ppsp.documents.models import DocumentVersion
from ppsp.regions.models import Region

Binding = Callable[[Region, dict[str, str]], list[Block]]
BINDINGS: dict[str, Binding] = {
    "penduduk": bind_profile.penduduk,
    "kemajuan": bind_profile.kemajuan,
    "irs": bind_profile.irs,
    "area_berisiko": bind_profile.area_berisiko,
    "tahapan_ppsp": bind_profile.tahapan_ppsp,
    "tabel_5_1": bind_plan.tabel_5_1,
    "tabel_5_2": bind_plan.tabel_5_2,
    "program_kegiatan": bind_plan.program_kegiatan,
    "kkl_matrix": bind_plan.kkl_matrix,
    "tujuan_sasaran": bind_plan.tujuan_sasaran,
    "monev": bind_plan.monev,
    "swot": bind_plan.swot,
    "skenario": bind_plan.skenario,
    "tahapan_pengembangan": bind_plan.tahapan_pengembangan,
    "tanggapan": bind_plan.tanggapan,
    "mps_tahunan": bind_plan.mps_tahunan,
    "visi_misi": bind_plan.visi_misi,
    "pendanaan": bind_outline.pendanaan,
}
NOT_MODELLED: dict[str, str] = {}
TITLES = {
    "BPS": "Buku Putih Sanitasi",
    "SSK": "Strategi Sanitasi Kabupaten/Kota",
    "MPS": "Memorandum Program Sanitasi",
}


def title_of(doc_type: str, kabkota: str) -> str:
    """ "Strategi Sanitasi Kabupaten" for a kabupaten, "… Kota" for a kota (the SSK's name)."""
    title = TITLES.get(doc_type, doc_type)
    if title.endswith("Kabupaten/Kota"):
        kind = "Kota" if kabkota.startswith("Kota") else "Kabupaten"
        title = title.removesuffix("Kabupaten/Kota") + kind
    return title


def binding_for(key: str) -> Binding | None:
    if key.startswith("strategi:"):
        return partial(bind_plan.strategi, key.split(":", 1)[1])
    if key.startswith("program_kegiatan:"):
        return partial(bind_outline.program_subsektor, key.split(":", 1)[1])
    return BINDINGS.get(key)


def blocks_for(key: str, region: Region, facts: dict[str, str]) -> list[Block]:
    """The blocks of a binding; "a+b" gives a's blocks then b's (outlines docstring)."""
    if not key:
        return []
    if "+" in key:
        return [b for part in key.split("+") for b in blocks_for(part, region, facts)]
    binding = binding_for(key)
    if binding is None:
        return [Missing(NOT_MODELLED.get(key, f"Data '{key}' belum tersedia."))]
    return binding(region, facts)


def texts_of(version: DocumentVersion) -> dict[str, str]:
    """The Pokja's own text per section (not their edits of drafted paragraphs)."""
    rows = SectionText.objects.filter(version=version, paragraph="")
    return dict(rows.values_list("section", "text"))


def edits_of(version: DocumentVersion) -> dict[str, dict[str, Edit]]:
    """The Pokja's edits of drafted paragraphs: section -> paragraph key -> edit."""
    out: dict[str, dict[str, Edit]] = {}
    rows = SectionText.objects.filter(version=version).exclude(paragraph="")
    for section, key, text, data_hash in rows.values_list(
        "section", "paragraph", "text", "data_hash"
    ):
        out.setdefault(section, {})[key] = Edit(text, data_hash)
    return out


def attach_analysis(
    context: DocContext,
    intros: dict[str, str],
    edits: dict[str, dict[str, Edit]],
    facts: dict[str, str],
) -> None:
    """Draft every section from its bound data (ppsp.docgen.analysis), apply the Pokja's
    edits and write the section text: their own text first, then the paragraphs."""
    drafted = draft_document(context)
    for section in context.sections:
        paragraphs = apply_edits(drafted.get(section.number, []), edits.get(section.number, {}))
        for p in paragraphs:
            if p.edited_text is not None:
                p.edited_text = fill(p.edited_text, facts)
        intro = intros.get(section.number, "")
        if intro.strip() and not section.binding:  # the Pokja's own words replace the
            paragraphs = [p for p in paragraphs if p.edited]  # generic chapter/intro text
        section.paragraphs = paragraphs
        if not intro.strip() and not paragraphs:
            intro = section.text  # the outline's default text, if any
        section.text = section_text(intro, paragraphs)


def build_context(
    version: DocumentVersion, sections: tuple[Section, ...] | None = None
) -> DocContext:
    document = version.document
    region = document.region
    outline = sections or outline_for(document.method_version.code, document.doc_type)
    province = region.parent.name if region.parent else ""
    facts: dict[str, str] = {
        "kabkota": region.display_name,
        "provinsi": province,
        "periode": (
            str(document.period_start)
            if document.period_start == document.period_end
            else f"{document.period_start}–{document.period_end}"
        ),
        "tahun_awal": str(document.period_start),
        "tahun_akhir": str(document.period_end),
    }
    texts = texts_of(version)
    built = []
    cache: dict[str, list[Block]] = {}
    for section in outline:
        if section.binding not in cache:
            cache[section.binding] = blocks_for(section.binding, region, facts)
        blocks = [copy.copy(b) for b in cache[section.binding]]
        tables = [b for b in blocks if isinstance(b, Table)]
        for table, number in zip(tables, section.tables, strict=False):
            table.number = number  # the guide's own number (Tabel 5.1), kept by number_blocks
        for table, name in zip(tables, section.known_as, strict=False):
            table.title = f"{table.title} ({name} pedoman)"
        built.append((section, blocks))
    out = []
    intros: dict[str, str] = {}
    for section, blocks in built:
        raw = texts.get(section.number)
        if raw is not None and raw.strip():
            intros[section.number] = fill(raw, facts)
        text = raw if raw is not None and raw.strip() else section.hint
        out.append(
            SectionContext(
                number=section.number,
                heading=section.heading,
                level=section.level,
                binding=section.binding,
                text=fill(text, facts),
                blocks=blocks,
                label="" if section.shown == section.number.lstrip("L") else section.shown,
            )
        )
    attach_sources(out, facts)
    number_blocks(out)
    context = DocContext(
        title=title_of(document.doc_type, region.display_name),
        doc_type=document.doc_type,
        kabkota=region.display_name,
        province=province,
        period=facts["periode"],
        method=document.method_version.name,
        version=str(version.number),
        status=version.get_status_display(),
        sections=out,
        generated_on=timezone.localdate().strftime("%d-%m-%Y"),
    )
    attach_analysis(context, intros, edits_of(version), facts)
    return context
