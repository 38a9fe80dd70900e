"""Public comment posts against gunicorn on loopback: throughput, p95 latency, errors, losses.

Run: `.venv/bin/python bench/consultation.py` (scratch SQLite at
/tmp/bench-consultation.sqlite3, or BENCH_DATABASE_URL for PostgreSQL). Loads the regions of
province 15, creates an open consultation on a draft SSK of 15.07, starts gunicorn on
127.0.0.1 (a free port) and lets CLIENTS concurrent clients post comments for SECONDS
seconds (each client: one GET for the CSRF cookie and form, then POSTs in a loop; bounded
by time and by MAX_PER_CLIENT). Every post is a real public comment through the whole
path: CSRF, rate limits on the database cache, spam classification, hashing, insert.

The per-address limit (10 per 10 minutes by default) would refuse nearly every post from
one loopback address, so this run raises both limits: it measures the write path. The
limits themselves are tested in tests/consultation/test_comments.py (200 posts from one
address).

Targets: zero 5xx, zero lost comments (every 302 is a stored row). Exit status 1 otherwise.
Only loopback is contacted; the loop stops by itself.
"""

from __future__ import annotations

import csv
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from support.loopback import HOST, free_port, wait_ready

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path("/tmp/bench-consultation.sqlite3")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{SCRATCH}")
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "100"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "30"))
MAX_PER_CLIENT = 5_000
WORKERS, THREADS = 4, 8

os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")
os.environ["PPSP_COMMENT_RATE_IP"] = "1000000/600"
os.environ["PPSP_COMMENT_RATE_CONSULTATION"] = "1000000/600"
if "BENCH_DATABASE_URL" not in os.environ:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SCRATCH}{suffix}").unlink(missing_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from ppsp.consultation.models import Comment, Consultation  # noqa: E402

BODIES = (
    "Mohon drainase di desa kami diprioritaskan, setiap hujan air masuk rumah warga.",
    "Truk tinja perlu ditambah, sekarang antre sampai dua minggu.",
    "TPS di pasar sudah penuh, mohon jadwal angkut sampah diperbaiki.",
    "Jamban sehat untuk keluarga miskin sebaiknya dibantu lewat dana desa.",
)


def prepare() -> Consultation:
    from django.apps import apps

    from ppsp.consultation.seed import seed_qa_items
    from ppsp.consultation.services import consultation_create, consultation_transition
    from ppsp.cycles.seed import seed_processes
    from ppsp.documents.models import DocType, MethodVersion
    from ppsp.documents.seed import seed_methods
    from ppsp.documents.services import document_create, document_version_update
    from ppsp.regions.models import Region
    from ppsp.regions.services import regions_load_master_data

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    seed_methods(apps)
    seed_processes(apps)
    seed_qa_items(apps)
    if not Region.objects.filter(code="15.07").exists():
        slice_dir = Path("/tmp/bench-consultation-master")
        slice_dir.mkdir(exist_ok=True)
        for name in ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv"):
            with (Path(settings.MASTER_DATA_DIR) / name).open(newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            with (slice_dir / name).open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(rows[0])
                writer.writerows(r for r in rows[1:] if r[0][:2] == "15")
        regions_load_master_data(directory=slice_dir)
    method = MethodVersion.objects.get(code="SSK-2017")
    document = document_create(
        region=Region.objects.get(code="15.07"),
        doc_type=DocType.SSK,
        method_version=method,
        period_start=2027 + Consultation.objects.count(),
        period_end=2031 + Consultation.objects.count(),
        by=None,
    )
    version = document.versions.get()
    document_version_update(
        version=version,
        summary="BAB 3 Strategi\n\nParagraf satu.\n\nParagraf dua.\n\nParagraf tiga.",
        filled_tables=[],
        by=None,
    )
    from django.utils import timezone

    today = timezone.localdate()
    consultation = consultation_create(
        version=version,
        title="Bench",
        opens_on=today,
        closes_on=today,
        premoderation=True,
        by=None,
    )
    consultation_transition(obj=consultation, action="terbitkan", by=None)
    return consultation


class Client(threading.Thread):
    def __init__(self, index: int, port: int, path: str, stop_at: float) -> None:
        super().__init__(daemon=True)
        self.index, self.port, self.path, self.stop_at = index, port, path, stop_at
        self.latencies: list[float] = []
        self.codes: dict[int, int] = {}
        self.errors = 0

    def run(self) -> None:
        try:
            conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
            conn.request("GET", self.path)
            page = conn.getresponse()
            html = page.read().decode()
            cookie = page.getheader("Set-Cookie", "")
            csrf = re.search(r"csrftoken=([^;]+)", cookie)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
            started = re.search(r'name="started" value="([^"]+)"', html)
            conn.close()
            assert csrf and token and started, "form tokens not found"
        except (OSError, AssertionError):
            self.errors += 1
            return
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf.group(1)}",
            "User-Agent": f"bench-client-{self.index}",
        }
        for n in range(MAX_PER_CLIENT):
            if time.time() >= self.stop_at:
                break
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token.group(1),
                    "started": started.group(1),
                    "body": f"{BODIES[n % len(BODIES)]} (klien {self.index}, ke-{n})",
                    "paragraph": str(1 + n % 3),
                    "website": "",
                }
            )
            begin = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
                conn.request("POST", self.path + "komentar/", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
            except OSError:
                self.errors += 1
                continue
            self.latencies.append(time.perf_counter() - begin)
            self.codes[response.status] = self.codes.get(response.status, 0) + 1


def main() -> int:
    consultation = prepare()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": DATABASE_URL}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "ppsp.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "gthread",
            "--threads",
            str(THREADS),
            "--backlog",
            "512",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_ready(port, time.time() + 60)
        before = Comment.objects.filter(consultation=consultation).count()
        path = f"/konsultasi/{consultation.pk}/"
        start = time.time()
        clients = [Client(i, port, path, start + SECONDS) for i in range(CLIENTS)]
        for c in clients:
            c.start()
        for c in clients:
            c.join(timeout=SECONDS + 120)
        elapsed = time.time() - start
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    latencies = sorted(x for c in clients for x in c.latencies)
    codes: dict[int, int] = {}
    for c in clients:
        for code, n in c.codes.items():
            codes[code] = codes.get(code, 0) + n
    errors = sum(c.errors for c in clients)
    accepted = codes.get(302, 0)
    stored = Comment.objects.filter(consultation=consultation).count() - before
    held = Comment.objects.filter(consultation=consultation, suspected=True).count()
    server_errors = sum(n for code, n in codes.items() if code >= 500)
    lost = accepted - stored
    p = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
    print(f"gunicorn {WORKERS} workers x {THREADS} threads, {CLIENTS} clients, {elapsed:.1f} s")
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"requests: {len(latencies)}  throughput: {len(latencies) / elapsed:.1f} posts/s")
    print(
        f"latency: p50 {p[49] * 1000:.0f} ms  p95 {p[94] * 1000:.0f} ms  "
        f"p99 {p[98] * 1000:.0f} ms  max {latencies[-1] * 1000 if latencies else 0:.0f} ms"
    )
    print(f"status codes: {dict(sorted(codes.items()))}  connection errors: {errors}")
    print(f"accepted (302): {accepted}  stored: {stored}  lost: {lost}  held as suspected: {held}")
    ok = server_errors == 0 and lost == 0 and errors == 0 and accepted > 0
    print("target (zero 5xx, zero lost comments):", "met" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
