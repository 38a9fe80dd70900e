"""Programme dashboards at national size: query count must not grow with the kab/kota.

Run: `.venv/bin/python bench/dashboard.py` (scratch SQLite at /tmp/bench-dashboard.sqlite3,
or BENCH_DATABASE_URL). Loads the full master data (514 kab/kota), gives 5 kab/kota five
years of stage history, measures the national dashboard, the province dashboard and a
kab/kota page (SQL query count and render time p50/p95 over ROUNDS requests), then gives
all 514 kab/kota the same history and measures again. The query counts must be identical.

The pages are cached per data stamp (ppsp/programme/page_cache.py): the query count and the
p50/p95 are of a full render (caches cleared before each request); "cached" is the p50 of the
page served from the cache.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path("/tmp/bench-dashboard.sqlite3")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{SCRATCH}")
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")
if "BENCH_DATABASE_URL" not in os.environ:
    SCRATCH.unlink(missing_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from support.clients import pmu_user  # noqa: E402

from ppsp.programme.models import Participation, Phase, Stage, StageRecord  # noqa: E402
from ppsp.regions.models import Level, Region  # noqa: E402
from ppsp.regions.services import regions_load_master_data  # noqa: E402

ROUNDS = 40
FIRST_YEAR = 2020  # five years of history: 2020–2024


def history(participation: Participation, stages: dict[int, Stage]) -> list[StageRecord]:
    """Stages 1–3 in year 1, MPS in year 2, implementation from year 3, monev from year 4,
    an SSK update (stage 3 again) in year 5: seven records over five years."""
    y = FIRST_YEAR
    plan = [
        (1, "selesai", dt.date(y, 1, 15), dt.date(y, 3, 31)),
        (2, "selesai", dt.date(y, 2, 1), dt.date(y, 4, 30)),
        (3, "selesai", dt.date(y, 3, 1), dt.date(y, 12, 15)),
        (4, "selesai", dt.date(y + 1, 2, 1), dt.date(y + 1, 11, 30)),
        (5, "berjalan", dt.date(y + 2, 1, 2), None),
        (6, "berjalan", dt.date(y + 3, 1, 2), None),
        (3, "terlambat", dt.date(y + 4, 2, 1), None),
    ]
    return [
        StageRecord(
            participation=participation, stage=stages[n], status=s, start_date=a, end_date=b
        )
        for n, s, a, b in plan
    ]


def build(codes: list[str]) -> None:
    stages = {s.number: s for s in Stage.objects.all()}
    phase = Phase.objects.order_by("-start_year").first()
    regions = Region.objects.filter(code__in=codes, level=Level.KABKOTA)
    participations = [
        Participation(
            region=r,
            cohort_year=FIRST_YEAR - (i % 10),
            phase=phase,
            current_stage=stages[6],
            current_status="berjalan",
        )
        for i, r in enumerate(regions)
    ]
    Participation.objects.bulk_create(participations, batch_size=1000)
    records = [r for p in participations for r in history(p, stages)]
    StageRecord.objects.bulk_create(records, batch_size=2000)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def clear_caches() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


def timed(client: Client, url: str, *, cold: bool) -> float:
    if cold:
        clear_caches()
    t0 = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - t0) * 1000


def measure(client: Client, url: str) -> tuple[int, float, float, float]:
    """(queries of a full render, its p50 and p95 in ms, p50 from the page cache in ms)."""
    executed: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        executed.append(sql)
        return execute(sql, params, many, context)

    clear_caches()
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    full = [timed(client, url, cold=True) for _ in range(ROUNDS)]
    cached = [timed(client, url, cold=False) for _ in range(ROUNDS)]
    return len(executed), statistics.median(full), percentile(full, 0.95), statistics.median(cached)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    regions_load_master_data(directory=Path(settings.MASTER_DATA_DIR))
    user = pmu_user()
    client = Client()
    client.force_login(user)
    if Participation.objects.exists():  # BENCH_DATABASE_URL is a scratch database
        print("participations of an earlier run removed from the bench database")
        StageRecord.objects.all().delete()
        Participation.objects.all().delete()
    codes = list(
        Region.objects.filter(level=Level.KABKOTA).order_by("code").values_list("code", flat=True)
    )
    first = codes[0]
    urls = {
        "national dashboard": "/program/nasional/",
        "province dashboard": f"/program/provinsi/{first[:2]}/",
        "kab/kota page": f"/program/{first}/",
        "national export xlsx": "/program/nasional/ekspor.xlsx",
    }
    results: dict[int, dict[str, tuple[int, float, float, float]]] = {}
    done: list[str] = []
    for size in (5, len(codes)):
        build([c for c in codes[:size] if c not in done])
        done = codes[:size]
        results[size] = {name: measure(client, url) for name, url in urls.items()}
    print(f"database                 {connection.vendor}")
    print(f"kab/kota                 {len(codes)}; stage records {StageRecord.objects.count():,}")
    same = True
    for name in urls:
        small, large = results[5][name], results[len(codes)][name]
        same &= small[0] == large[0]
        print(
            f"{name:22} queries {small[0]:3d} (5) / {large[0]:3d} ({len(codes)})   "
            f"p50 {small[1]:6.1f} / {large[1]:6.1f} ms   p95 {small[2]:6.1f} / {large[2]:6.1f} ms"
            f"   cached p50 {small[3]:5.1f} / {large[3]:5.1f} ms"
        )
    print("query counts identical:  " + ("yes" if same else "NO"))
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
