"""National and provincial choropleth payloads: bytes on the wire and time on loopback.

Run: `.venv/bin/python bench/maps.py`. Builds a scratch SQLite database with every provinsi
and kab/kota outline (`load_boundaries --levels provinsi,kabkota`), starts gunicorn on
loopback (one sync worker per core, as in production) and, signed in as a PMU user, fetches
the endpoints the dashboards' map block fetches:

- `/peta/wilayah/nasional/batas.geojson` (514 kab/kota + 38 provinsi at the national zoom),
  the first request (cache cold: reads and gzips) and then REPEAT warm requests;
- the same at `?detail=medium` and `?detail=full` (what zooming in would cost);
- `/peta/wilayah/15/batas.geojson` (a province at its zoom) and the national indicator JSON.

Prints gzipped and plain bytes, cold time and warm p50/p95 per URL. Target (issue 18):
the national view under 2 MB and under 1 s on loopback. Only loopback is contacted.
"""

from __future__ import annotations

import gzip
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
scratch = Path(tempfile.mkdtemp(prefix="ppsp-bench-maps-")) / "bench.sqlite3"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{scratch}")
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")

from support.clients import pmu_user  # noqa: E402
from support.loopback import HOST, free_port, wait_ready  # noqa: E402

REPEAT = 20
PATHS = (
    "/peta/wilayah/nasional/batas.geojson",
    "/peta/wilayah/nasional/batas.geojson?detail=medium",
    "/peta/wilayah/nasional/batas.geojson?detail=full",
    "/peta/wilayah/15/batas.geojson",
    "/peta/wilayah/nasional/indikator.json",
)


def prepare() -> str:
    """Migrate, load regions and outlines; return the session id of a PMU user."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from ppsp.maps.loading import boundaries_load
    from ppsp.regions.models import Level
    from ppsp.regions.services import regions_load_master_data

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    regions_load_master_data(directory=settings.MASTER_DATA_DIR)
    started = time.perf_counter()
    boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA))
    print(f"outlines loaded (38 provinsi, 514 kab/kota): {time.perf_counter() - started:.1f} s")
    user = pmu_user()
    client = Client()
    client.force_login(user)
    return str(client.cookies["sessionid"].value)


def fetch(port: int, path: str, session: str) -> tuple[int, int, float]:
    """(status, bytes on the wire, seconds) of one gzip-accepting GET."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": f"sessionid={session}", "Accept-Encoding": "gzip"})
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    conn.close()
    plain = gzip.decompress(body) if response.getheader("Content-Encoding") == "gzip" else body
    fetch.plain = len(plain)  # type: ignore[attr-defined]
    return response.status, len(body), elapsed


def main() -> None:
    session = prepare()
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "ppsp.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(os.cpu_count() or 2),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": DATABASE_URL},
        start_new_session=True,
    )
    try:
        wait_ready(port, time.time() + 60)
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        for path in PATHS:
            status, size, cold = fetch(port, path, session)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
            warm = sorted(fetch(port, path, session)[2] for _ in range(REPEAT))
            p95 = warm[int(0.95 * (len(warm) - 1))]
            print(
                f"{path:52} gzip {size / 1e3:8.1f} kB  plain {fetch.plain / 1e3:8.1f} kB  "  # type: ignore[attr-defined]
                f"cold {cold * 1000:6.0f} ms  warm p50 {statistics.median(warm) * 1000:5.0f} ms"
                f"  p95 {p95 * 1000:5.0f} ms"
            )
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
