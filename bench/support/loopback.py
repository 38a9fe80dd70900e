"""A gunicorn under test on loopback: a free port and a readiness wait."""

from __future__ import annotations

import http.client
import socket
import time

HOST = "127.0.0.1"  # loopback only: load is never sent anywhere else


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, deadline: float) -> None:
    """Poll /healthz until it answers 200 or `deadline` (time.time()) passes."""
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")
