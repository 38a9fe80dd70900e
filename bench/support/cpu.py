"""CPU seconds used by groups of processes, read from /proc (Linux; empty elsewhere).

Throughput on a shared machine moves with the neighbours' load; CPU milliseconds per
request (web processes, database server, load generator) move much less, so load-test
scripts print both.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> list[str] | None:
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # the command name is in parentheses and may contain spaces
    return text[text.rindex(")") + 2 :].split()


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process (0.0 when it is gone or unreadable)."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICKS if fields else 0.0


def group_cpu(root: int) -> float:
    """CPU seconds of `root` and of every process in its process group (e.g. a gunicorn
    master started with start_new_session=True and its workers)."""
    total = 0.0
    for entry in PROC.glob("[0-9]*"):
        fields = _stat(int(entry.name))
        if fields and int(fields[2]) == root:  # field 5: process group id
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def named_cpu(name: str) -> float:
    """CPU seconds of every process whose command name is `name` (e.g. "postgres")."""
    total = 0.0
    for entry in PROC.glob("[0-9]*"):
        try:
            if (entry / "comm").read_text().strip() != name:
                continue
        except OSError:
            continue
        total += process_cpu(int(entry.name))
    return total
