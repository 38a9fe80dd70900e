"""Load-generating clients shared by the benches: PMU sessions and kept-alive workers."""

from __future__ import annotations

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from support.loopback import HOST

ROOT = Path(__file__).resolve().parent.parent.parent


def pmu_user(username: str = "bench-pmu"):  # type: ignore[no-untyped-def]
    """The bench's PMU user, created on first use (benches may share one BENCH_DATABASE_URL)."""
    from ppsp.accounts.models import Role, User
    from ppsp.accounts.services import role_assignment_create, user_create

    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(username=username, password=None)
        role_assignment_create(user=user, role=Role.PMU, region=None)
    return user


def pmu_sessions(clients: int) -> list[str]:
    """One session id per client, each a PMU user of its own (Django must be set up)."""
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from ppsp.accounts.models import Role, User
    from ppsp.accounts.services import role_assignment_create, user_create

    sessions = []
    for n in range(1, clients + 1):
        user = User.objects.filter(username=f"bench.pmu.{n:02d}").first()
        if user is None:
            user = user_create(
                username=f"bench.pmu.{n:02d}", password="bench-kata-sandi-1", full_name="PMU"
            )
            role_assignment_create(
                user=user, role=Role.PMU, region=None, valid_from=timezone.localdate()
            )
        client = Client()
        client.force_login(user)
        sessions.append(str(client.cookies[settings.SESSION_COOKIE_NAME].value))
    return sessions


class Worker(threading.Thread):
    """One simulated user: GETs `paths` in turn until `stop_at`, recording latencies,
    response sizes and errors."""

    def __init__(
        self, index: int, port: int, cookie: str, paths: tuple[str, ...], stop_at: float
    ) -> None:
        super().__init__(daemon=True)
        self.index, self.port, self.cookie, self.stop_at = index, port, cookie, stop_at
        self.paths = paths
        self.latencies: dict[str, list[float]] = {p: [] for p in paths}
        self.sizes: dict[str, int] = {}
        self.errors: dict[str, int] = {}

    def _get(self, conn: http.client.HTTPConnection, path: str) -> int:
        conn.request("GET", path, headers={"Cookie": self.cookie})
        response = conn.getresponse()
        self.sizes[path] = len(response.read())
        return response.status

    def run(self) -> None:
        """Like a browser: one kept-alive connection, reopened (and the request retried once)
        when the server closed it while idle; a failure on a fresh connection is an error."""
        n = self.index
        conn: http.client.HTTPConnection | None = None
        while time.time() < self.stop_at:
            path = self.paths[n % len(self.paths)]
            n += 1
            begin = time.perf_counter()
            status = 0
            for attempt in range(2):
                fresh = conn is None
                if conn is None:
                    conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
                try:
                    status = self._get(conn, path)
                    break
                except OSError:
                    conn.close()
                    conn = None
                    if fresh or attempt:
                        status = -1
                        break
            if status == -1:
                self.errors["connection"] = self.errors.get("connection", 0) + 1
                continue
            if status != 200:
                key = str(status)
                self.errors[key] = self.errors.get(key, 0) + 1
                continue
            self.latencies[path].append(time.perf_counter() - begin)
        if conn is not None:
            conn.close()


def load() -> str:
    """The machine's load averages (1, 5, 15 min), printed beside every figure."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_databases(scratch: Path, *, only: str | None, keep: bool) -> list[str]:
    """The database URLs a load bench runs on: a scratch SQLite file (emptied unless
    `keep`) and PostgreSQL from BENCH_DATABASE_URL / PPSP_TEST_DATABASE_URL when reachable;
    `only` = "sqlite" or "postgres" picks one."""
    if not keep and only != "postgres":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    urls = [] if only == "postgres" else [f"sqlite:///{scratch}"]
    if only == "sqlite":
        return urls
    pg = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("PPSP_TEST_DATABASE_URL")
    check = [sys.executable, str(ROOT / "scripts" / "db_available.py"), pg or ""]
    if pg and subprocess.run(check, check=False).returncode == 0:
        urls.append(pg)
    else:
        print("PostgreSQL: not reachable (set BENCH_DATABASE_URL); SQLite only.")
    return urls


def quantiles(values: list[float]) -> list[float]:
    """Percentiles 1..99 of `values` (zeros when there are fewer than two)."""
    return statistics.quantiles(sorted(values), n=100) if len(values) >= 2 else [0.0] * 99


def report(
    pool: list[Worker],
    elapsed: float,
    cpu_before: tuple[float, float, float],
    cpu_after: tuple[float, float, float],
    *,
    indent: str = "  ",
) -> bool:
    """Print latency per path and in all, errors and CPU per request (web, PostgreSQL, load
    generator; steadier than throughput on a shared machine); True when p95 < 300 ms and
    there were no errors."""
    everything = [x for w in pool for lat in w.latencies.values() for x in lat]
    errors: dict[str, int] = {}
    for w in pool:
        for key, count in w.errors.items():
            errors[key] = errors.get(key, 0) + count
    for path in pool[0].paths if pool else ():
        lat = [x for w in pool for x in w.latencies[path]]
        size = max((w.sizes.get(path, 0) for w in pool), default=0)
        p = quantiles(lat)
        print(
            f"{indent}{path:28} n={len(lat):6}  p50 {p[49] * 1000:6.0f} ms  "
            f"p95 {p[94] * 1000:6.0f} ms  {size / 1024:6.1f} KB"
        )
    p = quantiles(everything)
    print(
        f"{indent}all: {len(everything)} ok, throughput {len(everything) / elapsed:.1f} req/s, "
        f"p50 {p[49] * 1000:.0f} ms, p95 {p[94] * 1000:.0f} ms, p99 {p[98] * 1000:.0f} ms, "
        f"errors {sum(errors.values())} {errors}"
    )
    served = max(len(everything) + sum(errors.values()), 1)
    web, database, client = (
        1000 * (b - a) / served for a, b in zip(cpu_before, cpu_after, strict=True)
    )
    print(
        f"{indent}CPU per request (ms): web {web:.2f}, PostgreSQL server {database:.2f}, "
        f"load generator {client:.2f}"
    )
    ok = not errors and p[94] < 0.3
    print(f"{indent}target (p95 < 300 ms, zero errors):", "met" if ok else "NOT MET")
    return ok
