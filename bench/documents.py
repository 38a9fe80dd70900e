"""Time to write the documents as DOCX and PDF, with their page and word counts: the demo
SSK, BPS and MPS of 15.07 and the SSK of a 400-desa kab/kota.

Run: `.venv/bin/python bench/documents.py` (scratch SQLite at /tmp/bench-documents.sqlite3,
or BENCH_DATABASE_URL). Loads the regions of province 15 and the demo data of 15.07, then
times context building + figures + rendering for (1) the demo SSK 2027–2031, BPS 2027 and
MPS 2027–2031 and (2) the same SSK with a synthetic kab/kota of 400 desa in 20 kecamatan
(penduduk, IRS and area berisiko tables of 400 rows, the map with 400 tiles). Targets: DOCX
< 5 s, PDF < 20 s. Beside each time: pages (PDF: pdfinfo; DOCX has no layout, so "–") and
words (PDF: its text layer through pdftotext; DOCX: paragraphs and table cells).
"""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path("/tmp/bench-documents.sqlite3")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{SCRATCH}")
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")
if "BENCH_DATABASE_URL" not in os.environ:
    SCRATCH.unlink(missing_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from ppsp.compute.area_risk import RISK_CLASSES  # noqa: E402
from ppsp.docgen.charts import render_figures  # noqa: E402
from ppsp.docgen.context import build_context  # noqa: E402
from ppsp.docgen.doc import DocContext, Figure, Table, number_blocks  # noqa: E402
from ppsp.docgen.fmt import id_number  # noqa: E402
from ppsp.docgen.render_docx import render_docx  # noqa: E402
from ppsp.docgen.render_pdf import render_pdf  # noqa: E402
from ppsp.documents.models import DocumentVersion  # noqa: E402

TARGETS = {"docx": 5.0, "pdf": 20.0}


def prepare() -> dict[str, DocumentVersion]:
    from ppsp.regions.services import regions_load_master_data
    from tests.conftest import write_master_slice
    from tests.docgen.documents_support import demo_documents
    from tests.docgen.support import load_all_demo

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        regions_load_master_data(directory=write_master_slice(Path(tmp), ("15",)))
    from ppsp.demo.management.commands.load_demo import Command

    with transaction.atomic():
        Command()._accounts()
    failed = load_all_demo()
    if failed:
        print(f"demo loaders skipped (broken elsewhere): {', '.join(failed)}")
    return demo_documents()


def synthetic(ctx: DocContext, n_desa: int = 400, n_kec: int = 20) -> DocContext:
    """The demo context with 400-desa profile tables and map (seeded, reproducible)."""
    rng = random.Random(9)
    desa = [(f"Kecamatan {k // (n_desa // n_kec) + 1}", f"Desa {k + 1}") for k in range(n_desa)]
    irs = [
        [kec, name, *(id_number(rng.uniform(10, 90), 1) for _ in range(6))] for kec, name in desa
    ]
    classes = [rng.choice((1, 2, 3, 4)) for _ in desa]
    area = [
        [kec, name, "1", "2", str(c), RISK_CLASSES[c][0]]
        for (kec, name), c in zip(desa, classes, strict=True)
    ]
    tiles = [
        {"kecamatan": kec, "desa": name, "code": str(i), "class": c}
        for i, ((kec, name), c) in enumerate(zip(desa, classes, strict=True))
    ]
    legend = {str(k): list(v) for k, v in RISK_CLASSES.items()}
    for section in ctx.sections:
        if section.binding == "irs":
            header = ["Kecamatan", "Desa", "SA", "AL", "PS", "GA", "PHBS", "IRS"]
            section.blocks = [Table("IRS per desa", header, irs, numeric=set(range(2, 8)))]
        elif section.binding == "area_berisiko":
            header = ["Kecamatan", "Desa", "AL", "PS", "DR", "Kelas"]
            section.blocks = [
                Table("Area berisiko per desa", header, area),
                Figure("Peta area berisiko", "map", {"tiles": tiles, "legend": legend}),
            ]
    for figure in ctx.figures:
        figure.png = b""
    number_blocks(ctx.sections)
    return ctx


def _pdf_counts(data: bytes) -> tuple[str, int]:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
        text = subprocess.run(
            ["pdftotext", handle.name, "-"], capture_output=True, text=True
        ).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return (pages.group(1) if pages else "?"), len(text.split())


def _docx_counts(data: bytes) -> tuple[str, int]:
    from docx import Document as read_docx

    doc = read_docx(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "–", sum(len(t.split()) for t in texts)


def timed(label: str, make: Callable[[], DocContext]) -> None:
    """Context building + figures + rendering, each format from a fresh context.

    Wall time and CPU time of this process: on the shared 2-core machine the wall time
    grows with other people's load, the CPU time does not (rendering is single-threaded).
    """
    for fmt, render in (("docx", render_docx), ("pdf", render_pdf)):
        started, cpu = time.perf_counter(), time.process_time()
        ctx = make()
        render_figures(ctx)
        data = render(ctx)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        target = TARGETS[fmt]
        verdict = "OK" if cpu <= target else "TOO SLOW"
        pages, words = (_pdf_counts if fmt == "pdf" else _docx_counts)(data)
        print(
            f"{label:26} {fmt:4} wall {wall:6.2f} s (ratio {wall / target:4.2f})  "
            f"cpu {cpu:6.2f} s (ratio {cpu / target:4.2f})  target {target:2.0f} s  "
            f"{len(data) / 1024:5.0f} KiB  {pages:>3} pages  {words:6d} words  "
            f"{len(ctx.tables)} tables  {len(ctx.figures)} figures  {verdict}"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    started = time.perf_counter()
    versions = prepare()
    print(f"setup (migrate, regions 15, demo) {time.perf_counter() - started:.1f} s")
    for kind, version in versions.items():
        document = version.document
        label = f"demo 15.07 {kind} {document.period_start}–{document.period_end}"
        timed(label, lambda version=version: build_context(version))
    ssk = versions["SSK"]
    timed("synthetic 400 desa SSK", lambda: synthetic(build_context(ssk)))


if __name__ == "__main__":
    main()
