"""A background run of the optimiser (Django Tasks): its status, message and result."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    ANTRE = "antre", _("antre")
    BERJALAN = "berjalan", _("berjalan")
    SELESAI = "selesai", _("selesai")
    GAGAL = "gagal", _("gagal")


class OptimisationJob(models.Model):
    scenario = models.ForeignKey(
        "scenarios.Scenario", on_delete=models.CASCADE, related_name="jobs"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.ANTRE
    )
    message = models.TextField(_("pesan"), blank=True)
    run = models.ForeignKey(
        "scenarios.OptimisationRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["scenario", "-created_at", "-id"]
        verbose_name = _("antrean optimasi")
        verbose_name_plural = _("antrean optimasi")

    def __str__(self) -> str:
        return f"Optimasi {self.scenario_id} ({self.status})"

    @property
    def pending(self) -> bool:
        return self.status in (JobStatus.ANTRE, JobStatus.BERJALAN)

    def job_stopped(self, state: str, message: str) -> None:
        """Its background job was cancelled or lost its worker for good (ppsp.core.jobs)."""
        OptimisationJob.objects.filter(
            pk=self.pk, status__in=[JobStatus.ANTRE, JobStatus.BERJALAN]
        ).update(status=JobStatus.GAGAL, message=message, finished_at=timezone.now())
