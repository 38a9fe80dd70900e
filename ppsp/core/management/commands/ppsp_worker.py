"""``manage.py ppsp_worker``: the task worker under supervision (use it instead of db_worker).

It runs django-tasks-db's worker loop with three additions:

* **heartbeat** - a thread renews this worker's ``core.WorkerBeat`` row and the lease of
  the job it is running every ``lease / 4`` seconds (see ``ppsp.core.jobs``);
* **reaper** - the same thread retries or fails jobs whose worker went silent for longer
  than ``PPSP_JOB_LEASE_SECONDS`` (a worker killed with ``kill -9``, a crashed machine);
* **reconnect** - a database error (PostgreSQL restarted, the network dropped) no longer
  ends the process: the connections are closed and the loop starts again after a pause
  (1 s, doubling to 30 s), so queued work resumes once the database is back.

Options are those of ``db_worker`` (``--interval``, ``--queue-name``, ``--batch`` ...);
``--reload`` is ignored (run it under a process supervisor, see docs/operations.md).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from ppsp.core import jobs

logger = logging.getLogger("ppsp.worker")
MAX_PAUSE_S = 30.0


class Heartbeat(threading.Thread):
    """Renews the worker's beat and the running job's lease; reaps lost jobs."""

    def __init__(self, worker_id: str, period: float) -> None:
        super().__init__(name="ppsp-heartbeat", daemon=True)
        self.worker_id, self.period = worker_id, period
        self.stopped = threading.Event()

    def run(self) -> None:
        host, pid = socket.gethostname(), os.getpid()
        last_reap = 0.0
        while not self.stopped.is_set():
            try:
                close_old_connections()
                jobs.heartbeat(self.worker_id, host=host, pid=pid)
                if time.monotonic() - last_reap >= 2 * self.period:
                    jobs.reap()
                    last_reap = time.monotonic()
            except Exception as error:  # the database may be away; try again next beat
                logger.warning("heartbeat failed: %s", error)
                _close_all()
            self.stopped.wait(self.period)


def _close_all() -> None:
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(Exception):  # a dead connection may refuse even to close
            connection.close()


def supervise(run: Any, *, pause: float = 1.0, sleep: Any = time.sleep) -> None:
    """Call ``run()`` until it returns; a database error pauses, reconnects, runs again."""
    while True:
        try:
            run()
            return
        except (OperationalError, InterfaceError) as error:
            logger.warning("database unavailable (%s); reconnecting in %.0f s", error, pause)
            jobs.WORKER["job"] = None
            _close_all()
            sleep(pause)
            pause = min(pause * 2, MAX_PAUSE_S)


class Command(DbWorkerCommand):
    help = "Run the background task worker with heartbeat, lost-job reaper and reconnect"

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        jobs.WORKER["id"] = options["worker_id"]
        period = max(0.5, settings.PPSP_JOB_LEASE_SECONDS / 4)
        beat = Heartbeat(options["worker_id"], period)
        beat.start()
        try:
            supervise(worker.run)
        finally:
            beat.stopped.set()
