"""Monev pages and API under load at national size, against gunicorn on loopback.

Run: `.venv/bin/python bench/monev_load.py [--seconds 60] [--clients 50]`. For each database
(a scratch SQLite at /tmp/bench-monev.sqlite3, and PostgreSQL when PPSP_TEST_DATABASE_URL or
BENCH_DATABASE_URL names a reachable server, checked with scripts/db_available.py) it
re-runs itself in a child process (`--one URL`) that:

1. loads provinces and all 514 kab/kota (no kecamatan/desa: not needed here);
2. generates synthetic national data with bulk_create: per kab/kota one Lampiran 4 plan
   (2022–2026) with ROWS programme rows and 5 sasaran indicators, and for each of the five
   years an approved realisation report with a value per row and per indicator
   (514 × 5 × 100 ≈ 257 000 row values), then runs the aggregates refresh per year;
3. starts gunicorn as docs/operations.md runs it in production: sync workers, one per core
   (the requests are CPU-bound: more processes than cores only add context switches next
   to PostgreSQL and the client, threads only contend for the GIL, and a connection kept
   alive by a gthread worker stays on that worker however busy it is; on the 2-core
   reference machine sync 2 gave the lowest p95, gthread 2 × 1 a little more, gthread
   3 × 4 four to eight times more; `--workers/--threads/--worker-class` override), and
   lets CLIENTS concurrent clients (CLIENTS signed-in PMU users, one session each, each
   keeping its connection open while the server allows it, as a browser does) request,
   round robin, the national monev dashboard, the ranking and the realisation API list
   endpoints for SECONDS seconds;
4. prints throughput, p50/p95/p99 latency and errors (non-200 answers and connection
   errors), with the load average before and after (`os.getloadavg`: other work on the
   machine skews the figures) and the CPU milliseconds per request of the web processes,
   the PostgreSQL server and the load generator (steadier than throughput on a shared
   machine). Target: p95 under 300 ms on PostgreSQL, zero errors.

`--only postgres` (or `sqlite`) runs one database; `--one URL` runs one URL in-process.

Only loopback is contacted; the loop stops by itself.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from support.clients import Worker, bench_databases, load, pmu_sessions, report
from support.cpu import group_cpu, named_cpu
from support.loopback import HOST, free_port, wait_ready

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = Path("/tmp/bench-monev.sqlite3")
WORKERS, THREADS = os.cpu_count() or 2, 1
ROWS = 100
FIRST_YEAR = 2022
YEAR = 2026
YEARS = range(FIRST_YEAR, YEAR + 1)
PATHS = (
    f"/monev/nasional/{YEAR}/",
    f"/monev/peringkat/{YEAR}/",
    f"/api/v1/realisasi/?year={YEAR}",
    f"/api/v1/realisasi-indikator/?year={YEAR}",
)


def prepare(clients: int) -> list[str]:
    """Build the national data set; returns one session id per client (a PMU user each)."""
    import numpy as np
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from ppsp.monev.aggregates import aggregates_refresh
    from ppsp.monev.models import IndicatorRealisation, Report, RowRealisation
    from ppsp.mps.models import KklNode, Plan, ProgrammeRow
    from ppsp.regions.models import Level, Region
    from ppsp.regions.services import regions_load_master_data

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    if not Region.objects.filter(level=Level.KABKOTA).exists():
        slice_dir = Path("/tmp/bench-monev-master")
        slice_dir.mkdir(exist_ok=True)
        for name in ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv"):
            with (Path(settings.MASTER_DATA_DIR) / name).open(newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            keep = rows[1:] if name in ("provinces.csv", "regencies.csv") else []
            with (slice_dir / name).open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(rows[0])
                writer.writerows(keep)
        regions_load_master_data(directory=slice_dir)
    kabkotas = list(Region.objects.filter(level=Level.KABKOTA).order_by("code"))
    if not Plan.objects.exists():
        started = time.time()
        rng = np.random.default_rng(15)
        Plan.objects.bulk_create(Plan(region=r, first_year=FIRST_YEAR) for r in kabkotas)
        plans = list(Plan.objects.order_by("pk"))
        subsectors = ("air_limbah", "persampahan", "drainase", "phbs", "air_minum")
        amounts = rng.integers(0, 500, size=(len(plans), ROWS, 5)) * 1_000_000
        ProgrammeRow.objects.bulk_create(
            (
                ProgrammeRow(
                    plan=plan, subsector=subsectors[n % 5], program="Program sanitasi",
                    kegiatan=f"Kegiatan {n + 1}", kategori="konstruksi", sidlacom="C",
                    volume=1, unit="paket", source="apbd_kabkota" if n % 3 else "dak",
                    priority=n, **{f"amount_{i + 1}": int(amounts[p, n, i]) for i in range(5)},
                )
                for p, plan in enumerate(plans)
                for n in range(ROWS)
            ),
            batch_size=5000,
        )  # fmt: skip
        KklNode.objects.bulk_create(
            KklNode(
                plan=plan, level="sasaran", subsector=s, text=f"Sasaran {s}",
                indicator=f"% akses {s}", baseline_value=40,
                targets={str(y): 40 + 10 * (y - FIRST_YEAR + 1) for y in YEARS},
            )
            for plan in plans
            for s in subsectors
        )  # fmt: skip
        now = timezone.now()
        Report.objects.bulk_create(
            Report(region=r, year=y, status="approved", submitted_at=now, reviewed_at=now)
            for r in kabkotas
            for y in range(FIRST_YEAR, YEAR + 1)
        )
        report_of = {(r.region_id, r.year): r.pk for r in Report.objects.all()}
        plan_region = {p.pk: p.region_id for p in plans}
        rows = list(ProgrammeRow.objects.values_list("pk", "plan_id", "amount_1"))
        for y in range(FIRST_YEAR, YEAR + 1):
            share = rng.uniform(0.3, 1.0, size=len(rows))
            RowRealisation.objects.bulk_create(
                (
                    RowRealisation(
                        report_id=report_of[(plan_region[plan_id], y)], row_id=pk,
                        budget=int(amount * share[i]), output=1, work_status="selesai",
                    )
                    for i, (pk, plan_id, amount) in enumerate(rows)
                ),
                batch_size=5000,
            )  # fmt: skip
            IndicatorRealisation.objects.bulk_create(
                (
                    IndicatorRealisation(
                        report_id=report_of[(plan_region[plan_id], y)], node_id=pk,
                        value=round(float(rng.uniform(30, 90)), 2), source="ehra",
                    )
                    for pk, plan_id in KklNode.objects.values_list("pk", "plan_id")
                ),
                batch_size=5000,
            )  # fmt: skip
        for y in range(FIRST_YEAR, YEAR + 1):
            aggregates_refresh(y)
        print(f"synthetic data: {RowRealisation.objects.count()} row values in "
              f"{time.time() - started:.0f} s")  # fmt: skip

    return pmu_sessions(clients)


def one(
    url: str, seconds: float, clients: int, workers: int, threads: int, worker_class: str
) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("PPSP_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    sessions = prepare(clients)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"), "ppsp.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers), "--worker-class", worker_class,
            "--threads", str(threads), "--backlog", "512", "--log-level", "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_ready(port, time.time() + 60)
        load_before = load()
        cpu_before = (group_cpu(server.pid), named_cpu("postgres"), time.process_time())
        start = time.time()
        pool = [
            Worker(i, port, f"{settings.SESSION_COOKIE_NAME}={sessions[i]}", PATHS, start + seconds)
            for i in range(clients)
        ]
        for w in pool:
            w.start()
        for w in pool:
            w.join(timeout=seconds + 120)
        elapsed = time.time() - start
        load_after = load()
        cpu_after = (group_cpu(server.pid), named_cpu("postgres"), time.process_time())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"== {engine}: gunicorn {workers} x {threads} ({worker_class}), {clients} clients, "
        f"{elapsed:.1f} s"
    )
    print(f"  load average (1/5/15 min) before {load_before}, after {load_after}")
    return 0 if report(pool, elapsed, cpu_before, cpu_after) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--one", help="run one database URL in this process")
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="run one database")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="sync")
    parser.add_argument("--keep", action="store_true", help="reuse the scratch SQLite data")
    args = parser.parse_args()
    if args.one:
        return one(
            args.one, args.seconds, args.clients, args.workers, args.threads, args.worker_class
        )
    status = 0
    for url in bench_databases(SCRATCH, only=args.only, keep=args.keep):
        command = [sys.executable, __file__, "--one", url, "--seconds", str(args.seconds)]
        command += ["--workers", str(args.workers), "--threads", str(args.threads)]
        command += ["--worker-class", args.worker_class]
        status |= subprocess.run([*command, "--clients", str(args.clients)], check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
