"""Boundary load time at national size: every provinsi, kab/kota, kecamatan and desa.

Run with `make bench` (or `python bench/boundaries.py`). Uses a scratch SQLite database (or
BENCH_DATABASE_URL): loads the master data, then times `load_boundaries` twice:

1. what `make run` loads (provinsi + kab/kota nationally, kecamatan + desa of province 15);
2. the whole national set (all four levels, all 38 provinces);
3. the same again (the idempotent path: checksums unchanged, nothing written).

Prints seconds per level, rows written, desa without a polygon and the database size, with
the process CPU seconds and the load average (other work on a shared machine stretches the
wall-clock figures; the CPU seconds are steadier).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
scratch = Path(tempfile.mkdtemp(prefix="ppsp-bench-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{scratch}")
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from ppsp.maps.loading import LoadReport, boundaries_load  # noqa: E402
from ppsp.maps.models import DesaBoundary, RegionBoundary  # noqa: E402
from ppsp.regions.models import Level  # noqa: E402
from ppsp.regions.services import regions_load_master_data  # noqa: E402

NAMES = {1: "provinsi", 2: "kab/kota", 3: "kecamatan", 4: "desa"}


def show(title: str, report: LoadReport, seconds: tuple[float, float]) -> None:
    print(
        f"{title}: {seconds[0]:.1f} s wall, {seconds[1]:.1f} s CPU "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    for level in sorted(report.seconds):
        print(
            f"  {NAMES[level]:10} {report.seconds[level]:6.1f} s  written "
            f"{report.written.get(level, 0):>6}  unchanged {report.unchanged.get(level, 0):>6}  "
            f"without polygon {len(report.without_polygon.get(level, [])):>4}  "
            f"unknown codes {len(report.unknown.get(level, [])):>3}"
        )


def timed(**kwargs: object) -> tuple[LoadReport, tuple[float, float]]:
    started, cpu = time.perf_counter(), time.process_time()
    report = boundaries_load(**kwargs)  # type: ignore[arg-type]
    return report, (time.perf_counter() - started, time.process_time() - cpu)


def main() -> None:
    call_command("migrate", verbosity=0)
    regions_load_master_data(directory=settings.MASTER_DATA_DIR)
    report, seconds = timed(levels=(Level.PROVINSI, Level.KABKOTA))
    demo, demo_seconds = timed(levels=(Level.KECAMATAN, Level.DESA), provinces=["15"])
    show("make run part (provinsi + kab/kota)", report, seconds)
    show("make run part (kecamatan + desa of 15)", demo, demo_seconds)
    print(f"make run boundaries total: {seconds[0] + demo_seconds[0]:.1f} s wall")
    report, seconds = timed()
    show("national set (all levels, all provinces)", report, seconds)
    again, again_seconds = timed()
    show("national set again (idempotent)", again, again_seconds)
    print(
        f"rows: {RegionBoundary.objects.count()} outlines, {DesaBoundary.objects.count()} desa; "
        f"desa without polygon: {len(report.without_polygon.get(Level.DESA, []))}"
    )
    if "sqlite" in os.environ["DATABASE_URL"] and scratch.exists():
        print(f"SQLite file: {scratch.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
