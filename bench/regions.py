"""Master-data load time and region-navigator search latency at national size.

Run with `make bench`. Uses a scratch SQLite database (or BENCH_DATABASE_URL), loads all
38 / 514 / 7,277 / 83,763 regions, reloads them (the idempotent path), then times the
navigator search for a national user over many queries and prints p50/p95/max.
Target (issue 3): load < 30 s, search p95 < 50 ms on SQLite.
"""

from __future__ import annotations

import os
import statistics
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
from django.db import connection  # noqa: E402
from support.clients import pmu_user  # noqa: E402

from ppsp.regions.models import Region  # noqa: E402
from ppsp.regions.selectors import search_regions  # noqa: E402
from ppsp.regions.services import regions_load_master_data  # noqa: E402

QUERIES = [
    "sabak",
    "muara",
    "jambi",
    "sungai",
    "kota",
    "bandung",
    "15.07",
    "1507",
    "3273",
    "tanjung",
    "baru",
    "makmur",
    "sidomulyo",
    "kampung",
    "ujung",
    "mekar",
    "jaya",
    "air",
    "lubuk",
    "pulau",
    "teluk",
    "padang",
    "sumber",
    "desa",
    "rantau",
    "gorontalo",
    "aceh",
    "35.78",
    "batu",
    "karang",
    "simpang",
    "koto",
    "nagari",
    "suka",
    "wono",
    "rejo",
]
ROUNDS = 5


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    regions_load_master_data(directory=Path(settings.MASTER_DATA_DIR))
    first_load = time.perf_counter() - started
    started = time.perf_counter()
    report = regions_load_master_data(directory=Path(settings.MASTER_DATA_DIR))
    reload = time.perf_counter() - started
    assert not report.changed

    user = pmu_user()
    search_regions(user, "warm")  # scope query cached per user, like one request
    timings = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            t0 = time.perf_counter()
            search_regions(user, query)
            timings.append((time.perf_counter() - t0) * 1000)
    vendor = connection.vendor
    print(f"database                 {vendor}")
    print(f"regions loaded           {Region.objects.count():,}")
    print(
        f"first load               {first_load:6.2f} s   "
        f"(target < 30 s, ratio {first_load / 30:.2f})"
    )
    print(f"reload (no changes)      {reload:6.2f} s")
    print(
        f"search, {len(timings)} queries     p50 {statistics.median(timings):5.1f} ms   "
        f"p95 {percentile(timings, 0.95):5.1f} ms   max {max(timings):5.1f} ms   "
        f"(target p95 < 50 ms, ratio {percentile(timings, 0.95) / 50:.2f})"
    )


if __name__ == "__main__":
    main()
