"""The three demo documents of 15.07 (SSK 2027–2031 of `load_docgen_demo`, plus a BPS and an
MPS of the same period made here) and readers of rendered PDFs through poppler-utils
(`pdftotext`, `pdftoppm`): used by the outline/typesetting tests and `bench/documents.py`."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from ppsp.documents.models import Document, DocumentVersion, MethodVersion
from tests.docgen.support import demo_ssk_version

PERIODS = {"BPS": ("BPS-2014", 2027, 2027), "MPS": ("MPS-2014", 2027, 2031)}


def demo_documents() -> dict[str, DocumentVersion]:
    """SSK, BPS and MPS versions of the demo kab/kota (call after `load_all_demo`)."""
    ssk = demo_ssk_version()
    out = {"SSK": ssk}
    for doc_type, (code, start, end) in PERIODS.items():
        document, _ = Document.objects.get_or_create(
            region=ssk.document.region,
            doc_type=doc_type,
            period_start=start,
            defaults={
                "period_end": end,
                "method_version": MethodVersion.objects.get(code=code),
            },
        )
        version = document.versions.order_by("-number").first()
        if version is None:
            version = DocumentVersion.objects.create(document=document, number=1)
        out[doc_type] = version
    return out


def pdf_pages_text(pdf: bytes) -> list[str]:
    """The text layer of each page (pdftotext -layout)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page (pdfinfo -f 1 -l <last>)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdfinfo", "-f", "1", "-l", "100000", str(path)],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out, re.MULTILINE)
    return [(float(w), float(h)) for w, h in found]


def pdf_metadata(pdf: bytes) -> str:
    """The XMP metadata of the PDF (pdfinfo -meta)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdfinfo", "-meta", str(path)], capture_output=True, check=True, text=True
        ).stdout


def pdf_structure(pdf: bytes) -> list[str]:
    """The structure element types of a tagged PDF (pdfinfo -struct), e.g. H1, Table."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdfinfo", "-struct", str(path)], capture_output=True, check=True, text=True
        ).stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def pdf_words(pdf: bytes) -> list[tuple[int, str]]:
    """(page, word) of every word box of the text layer (pdftotext -bbox-layout)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        html = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    words: list[tuple[int, str]] = []
    for page, chunk in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(r"<word [^>]*>([^<]*)</word>", chunk):
            words.append((page, match.group(1)))
    return words


def pdf_pngs(pdf: bytes, directory: Path, stem: str, pages: tuple[int, ...]) -> list[Path]:
    """PNG images of some pages (pdftoppm, 60 dpi), for looking at and for the artefacts."""
    directory.mkdir(parents=True, exist_ok=True)
    source = directory / f"{stem}.pdf"
    source.write_bytes(pdf)
    out = []
    for page in pages:
        target = directory / f"{stem}-p{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(source),
                str(target),
            ],
            check=True,
        )
        out.append(target.with_suffix(".png"))
    return out
