"""Shared tracking of background jobs (see ``ppsp.core.jobs``) and of the task workers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "antre", _("menunggu pekerja latar")
    RUNNING = "berjalan", _("berjalan")
    DONE = "selesai", _("selesai")
    FAILED = "gagal", _("gagal")
    CANCELLED = "batal", _("dibatalkan")


PENDING = (JobState.QUEUED, JobState.RUNNING)


class BackgroundJob(models.Model):
    """One run of a background task with its step, progress, lease and result link.

    Every job type (optimiser, document render, imports, exports, national recompute)
    records one row here; the app keeps its own result row (``target_model`` +
    ``target_id``). ``heartbeat_at`` is renewed by the running worker; a running job whose
    heartbeat is older than ``PPSP_JOB_LEASE_SECONDS`` lost its worker and is retried or
    failed by ``jobs.reap``.
    """

    kind = models.CharField(_("jenis"), max_length=40)
    label = models.CharField(_("uraian"), max_length=200)
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True)  # "" = nasional
    permission = models.CharField(_("izin untuk melihat"), max_length=40)
    cancel_permission = models.CharField(_("izin untuk membatalkan"), max_length=40, blank=True)
    target_model = models.CharField(max_length=60, blank=True)  # "app_label.model"
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    task_path = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    step = models.CharField(_("langkah"), max_length=200, blank=True)
    step_number = models.PositiveSmallIntegerField(default=0)
    step_count = models.PositiveSmallIntegerField(default=1)
    percent = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    message = models.TextField(_("pesan"), blank=True)
    result_url = models.CharField(max_length=300, blank=True)
    result_select = models.CharField(max_length=100, blank=True)  # CSS id of the result block
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    cancel_requested = models.BooleanField(default=False)
    worker_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_model", "target_id"]),
            models.Index(fields=["state", "heartbeat_at"]),
        ]
        verbose_name = _("tugas latar")
        verbose_name_plural = _("tugas latar")

    def __str__(self) -> str:
        return f"{self.label} ({self.get_state_display()})"

    @property
    def pending(self) -> bool:
        return self.state in PENDING


class WorkerBeat(models.Model):
    """A task worker process (``manage.py ppsp_worker``) and when it was last alive."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=200, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("pekerja latar")
        verbose_name_plural = _("pekerja latar")

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} ({self.worker_id})"


class SnapshotImmutable(Exception):
    """A frozen data snapshot is never changed or deleted."""


class DataSnapshot(models.Model):
    """Data frozen by an approval that is not a document version (issue 16).

    The sign-off of an MPS year (``kind="mps_year"``, ``subject_id`` = the Lampiran 4 plan,
    ``year``) and the lock of a monev realisation report at submission or approval
    (``kind="monev_report"``, ``subject_id`` = the report) store the figures they bind as
    canonical JSON (`ppsp.core.canonical`) with its SHA-256. A row refuses ``save()`` of an
    existing row and ``delete()``; the freeze checks of the apps compare live data with it.
    """

    kind = models.CharField(_("jenis"), max_length=20)
    subject_id = models.PositiveBigIntegerField(_("objek"))
    year = models.PositiveSmallIntegerField(_("tahun"))
    region_code = models.CharField(_("kode kab/kota"), max_length=13, db_index=True)
    label = models.CharField(_("uraian"), max_length=200)
    event = models.CharField(_("peristiwa"), max_length=120)
    data = models.JSONField(_("data yang dibekukan"))
    sha256 = models.CharField(_("sha256 data"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("snapshot data yang dibekukan")
        verbose_name_plural = _("snapshot data yang dibekukan")
        ordering = ["kind", "subject_id", "year", "pk"]
        indexes = [
            models.Index(fields=["kind", "subject_id", "year"], name="core_snapshot_subject")
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.sha256[:12]}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise SnapshotImmutable("Snapshot data yang dibekukan tidak dapat diubah.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise SnapshotImmutable("Snapshot data yang dibekukan tidak dapat dihapus.")


class UploadedImport(models.Model):
    """An uploaded file waiting for (or parsed by) its background import job.

    The web worker only checks the upload's size and kind and stores the bytes here (in the
    database, never under MEDIA_ROOT); the job named by ``handler`` (a dotted path to a
    function ``(UploadedImport, Tracker) -> None``) parses, validates and commits all or
    nothing, and records what the user is told in ``result``: ``messages`` as
    ``[level, text]`` pairs, optionally ``next`` (where to go afterwards) and a ``preview``.
    The bytes are dropped once the file is no longer needed (``content_kept`` False).
    """

    handler = models.CharField(max_length=200)
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField(blank=True, default=b"")
    size = models.PositiveBigIntegerField(_("ukuran (byte)"), default=0)
    params = models.JSONField(default=dict, blank=True)
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True)
    return_url = models.CharField(max_length=300)
    result = models.JSONField(default=dict, blank=True)
    delivered = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("unggahan impor")
        verbose_name_plural = _("unggahan impor")

    def __str__(self) -> str:
        return self.filename
