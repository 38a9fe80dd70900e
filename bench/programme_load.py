"""Programme dashboards under load (issue 21 item 11), against gunicorn on loopback.

Run: `.venv/bin/python bench/programme_load.py [--seconds 60] [--clients 50]`. For each database
(a scratch SQLite at /tmp/bench-programme.sqlite3, and PostgreSQL when BENCH_DATABASE_URL or
PPSP_TEST_DATABASE_URL names a reachable server, checked with scripts/db_available.py) it
re-runs itself in a child process (`--one URL`) that:

1. loads every province and all 514 kab/kota, with kecamatan and desa for province 15 only
   (the demo kab/kota 15.07 needs them), then the demo data (`load_demo`: all 514 kab/kota
   as PPSP participants with stage histories, documents, cycles, and the full picture of
   Kabupaten Tanjung Jabung Timur, monev included);
2. starts gunicorn as docs/operations.md runs it (sync workers, one per core; see
   bench/monev_load.py for why) and lets CLIENTS signed-in PMU users (one session each, one
   kept-alive connection each, as a browser does) request, round robin, the URLs of one mix
   for SECONDS seconds, then the next mix:
   - "programme": the national programme dashboard and the kab/kota page of 15.07
     (`/program/nasional/` + `/program/15.07/`), the mix of issue 21 item 11;
   - "monev": the national monev dashboard (`/monev/nasional/2027/`), the reference;
3. prints per URL n, p50, p95 and page size, then throughput, p50/p95/p99 and errors per
   mix, the load average before and after and the CPU milliseconds per request (web
   processes, PostgreSQL server, load generator). Target: p95 under 300 ms on PostgreSQL
   for both mixes, zero errors.

Figures (shared 2-core machine, load average about 2, PostgreSQL 15 local, `--only postgres
--seconds 20`; docs/operations.md "Programme dashboard performance" has the table): with the
whole programme page shared per data stamp (ppsp.programme.page_cache) the programme mix ran
648 req/s, p50 73 / p95 94 / p99 154 ms, 0 errors, web CPU 2.27 ms per request (the code
before, back to back: 473 req/s, p95 141 ms, 3.31 ms; a later run of the same code: 403
req/s, p95 185 ms, 2.42 ms); monev 425 req/s, p95 127 ms. Latency
follows the neighbours' load (50 clients / throughput), so compare CPU per request.

`--only postgres` (or `sqlite`) runs one database; `--mix programme` runs one mix.
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
SCRATCH = Path("/tmp/bench-programme.sqlite3")
WORKERS, THREADS = os.cpu_count() or 2, 1
MIXES: dict[str, tuple[str, ...]] = {
    "programme": ("/program/nasional/", "/program/15.07/"),
    "monev": ("/monev/nasional/2027/",),
}


def _master_slice() -> Path:
    """Every province and kab/kota; kecamatan and desa of province 15 only."""
    from django.conf import settings

    slice_dir = Path("/tmp/bench-programme-master")
    slice_dir.mkdir(exist_ok=True)
    for name in ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv"):
        with (Path(settings.MASTER_DATA_DIR) / name).open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        whole = name in ("provinces.csv", "regencies.csv")
        keep = [r for r in rows[1:] if whole or r[0].startswith("15")]
        with (slice_dir / name).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(rows[0])
            writer.writerows(keep)
    return slice_dir


def prepare(clients: int) -> list[str]:
    """Build the demo data set (once per database); one session id per client (PMU each)."""
    from django.core.management import call_command

    from ppsp.programme.models import Participation
    from ppsp.regions.services import regions_load_master_data

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    if not Participation.objects.exists():
        started = time.time()
        regions_load_master_data(directory=_master_slice())
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", stdout=quiet)
        print(f"demo data: {Participation.objects.count()} participants in "
              f"{time.time() - started:.0f} s")  # fmt: skip
    return pmu_sessions(clients)


def run_mix(
    name: str, paths: tuple[str, ...], port: int, server_pid: int, sessions: list[str],
    seconds: float, cookie_name: str,
) -> bool:  # fmt: skip
    """Load one mix; print its figures; True when the target is met."""
    load_before = load()
    cpu_before = (group_cpu(server_pid), named_cpu("postgres"), time.process_time())
    start = time.time()
    pool = [
        Worker(i, port, f"{cookie_name}={sessions[i]}", paths, start + seconds)
        for i in range(len(sessions))
    ]
    for w in pool:
        w.start()
    for w in pool:
        w.join(timeout=seconds + 120)
    elapsed = time.time() - start
    load_after = load()
    cpu_after = (group_cpu(server_pid), named_cpu("postgres"), time.process_time())
    print(f"  -- mix {name}: {len(sessions)} clients, {elapsed:.1f} s")
    print(f"     load average (1/5/15 min) before {load_before}, after {load_after}")
    return report(pool, elapsed, cpu_before, cpu_after, indent="     ")


def one(url: str, seconds: float, clients: int, workers: int, mixes: list[str]) -> int:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("PPSP_TESTING", "1")
    os.environ["PPSP_DEMO"] = "1"  # load_demo runs only in demo mode
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
            "--bind", f"{HOST}:{port}", "--workers", str(workers), "--worker-class", "sync",
            "--backlog", "512", "--log-level", "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        start_new_session=True,
    )  # fmt: skip
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"== {engine}: gunicorn {workers} sync workers")
    ok = True
    try:
        wait_ready(port, time.time() + 60)
        for name in mixes:
            ok &= run_mix(
                name, MIXES[name], port, server.pid, sessions, seconds,
                settings.SESSION_COOKIE_NAME,
            )  # fmt: skip
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--one", help="run one database URL in this process")
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="run one database")
    parser.add_argument("--mix", choices=tuple(MIXES), action="append", help="run these mixes")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--keep", action="store_true", help="reuse the scratch SQLite data")
    args = parser.parse_args()
    mixes = args.mix or list(MIXES)
    if args.one:
        return one(args.one, args.seconds, args.clients, args.workers, mixes)
    status = 0
    for url in bench_databases(SCRATCH, only=args.only, keep=args.keep):
        command = [sys.executable, __file__, "--one", url, "--seconds", str(args.seconds)]
        command += ["--workers", str(args.workers), "--clients", str(args.clients)]
        for mix in mixes:
            command += ["--mix", mix]
        status |= subprocess.run(command, check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
