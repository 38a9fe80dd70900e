"""How long the shared reader may hold a web worker: the largest XLSX the upload caps let
through, and the zip bomb of issue 21 that they refuse.

Run: `.venv/bin/python bench/uploads.py`. Builds in memory (1) a workbook whose sheet XML
is just under the declared-unpacked cap (16 MB by default, PPSP_UPLOAD_LIMITS), (2) a
2-3 MB archive declaring 756 MB of sheet XML, and times `check_upload` and `read_table` on
each (best of three). The cap, not a timeout, bounds the worker: the first figure is the
worst a permitted upload costs; the second must stay in milliseconds.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")
os.environ.setdefault("PPSP_TESTING", "1")

import django

django.setup()

from openpyxl import Workbook  # noqa: E402

from ppsp.core.tabular import read_table  # noqa: E402
from ppsp.core.uploads import UploadRejected, check_upload, limits  # noqa: E402

MB = 1024 * 1024


def largest_permitted() -> bytes:
    """Rows of 20 mixed cells until the sheet XML nears the declared-unpacked cap."""
    cap = limits("tabular").max_unpacked
    rows = 1000
    while True:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("data")
        for r in range(rows):
            sheet.append([f"15.07.{r % 99:02d}.{r:04d}", r * 1.5, "Desa contoh", r, *range(16)])
        out = io.BytesIO()
        book.save(out)
        declared = sum(i.file_size for i in zipfile.ZipFile(out).infolist())
        if declared > cap * 0.9:
            return out.getvalue()
        rows = int(rows * cap * 0.95 / declared)


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<x/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (756 * MB) + b"</a>")
    return out.getvalue()


def best_of_three(fn: object) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        with contextlib.suppress(UploadRejected):
            fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    big = largest_permitted()
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(big)).infolist())
    print(f"largest permitted: {len(big) / MB:.1f} MB on disk, {declared / MB:.1f} MB declared")
    print(f"  check_upload {best_of_three(lambda: check_upload('besar.xlsx', big)):.3f} s")
    started, cpu = time.perf_counter(), time.process_time()
    rows = len(list(read_table("besar.xlsx", big)))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"  read_table   {seconds:.2f} s wall, {cpu:.2f} s CPU for {rows:,} rows "
        f"(once; load average {os.getloadavg()[0]:.1f})"
    )
    bomb = zip_bomb()
    print(f"zip bomb: {len(bomb) / MB:.1f} MB on disk, 756 MB declared")
    print(f"  check_upload {best_of_three(lambda: check_upload('bomb.xlsx', bomb)) * 1000:.1f} ms")
    seconds = best_of_three(lambda: list(read_table("bomb.xlsx", bomb)))
    print(f"  read_table   {seconds * 1000:.1f} ms (refused)")


if __name__ == "__main__":
    main()
