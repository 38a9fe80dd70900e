"""Demo narrative of the SSK 2027–2031 of Kabupaten Tanjung Jabung Timur (15.07).

Short Pokja texts for every section (`ppsp.demo.narrative`); placeholders are filled when
the document is generated. Idempotent: existing texts are kept.
"""

from __future__ import annotations

from typing import Any

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.demo.narrative import TEXTS
from ppsp.docgen.models import SectionText
from ppsp.docgen.services import section_text_save
from ppsp.documents.models import DocType, Document, Status


def load_docgen_demo(stdout: Any) -> None:
    document = (
        Document.objects.filter(region__code=DEMO_KABKOTA, doc_type=DocType.SSK)
        .order_by("-period_start")
        .first()
    )
    version = document.versions.order_by("-number").first() if document else None
    if version is None or version.status != Status.DRAFT:
        stdout.write("Narasi SSK demo: tidak ada versi draf, dilewati.")
        return
    own = SectionText.objects.filter(version=version, paragraph="")
    have = set(own.values_list("section", flat=True))
    made = 0
    for section, text in TEXTS.items():
        if section not in have:
            section_text_save(version=version, section=section, text=text, by=None)
            made += 1
    stdout.write(f"Narasi SSK demo {DEMO_KABKOTA}: {made} bagian baru.")
