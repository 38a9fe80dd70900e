"""One update cycle per kab/kota and fiscal year, with its five processes and their steps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.cycles.models.templates import Gate, ProcessTemplate
from ppsp.documents.models import Document, MethodVersion
from ppsp.regions.models import Region


class ProcessState(models.TextChoices):
    BELUM_MULAI = "belum_mulai", _("belum mulai")
    BERJALAN = "berjalan", _("berjalan")
    MENUNGGU_VERIFIKASI = "menunggu_verifikasi", _("menunggu verifikasi")
    SELESAI = "selesai", _("selesai")
    TERLAMBAT = "terlambat", _("terlambat")


class UpdateCycle(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    method_version = models.ForeignKey(
        MethodVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("pedoman")
    )
    previous_ssk = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("SSK yang dimutakhirkan"),
    )
    # Proses 1 output: the updated SK Pokja.
    sk_pokja_number = models.CharField(_("nomor SK Pokja"), max_length=100, blank=True)
    sk_pokja_date = models.DateField(_("tanggal SK Pokja"), null=True, blank=True)
    # Proses 5 gate; stand-ins until the consultation app records them (issue: konsultasi).
    konsultasi_publik_closed_on = models.DateField(
        _("konsultasi publik ditutup"), null=True, blank=True
    )
    pengesahan_on = models.DateField(_("tanggal pengesahan"), null=True, blank=True)
    pengesahan_number = models.CharField(_("nomor pengesahan"), max_length=100, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-fiscal_year", "region__code"]
        verbose_name = _("siklus pemutakhiran")
        verbose_name_plural = _("siklus pemutakhiran")
        constraints = [
            models.UniqueConstraint(fields=["region", "fiscal_year"], name="cycle_unique_year")
        ]

    def __str__(self) -> str:
        return f"Pemutakhiran SSK {self.region.name} {self.fiscal_year}"


class CycleProcess(models.Model):
    cycle = models.ForeignKey(UpdateCycle, on_delete=models.CASCADE, related_name="processes")
    template = models.ForeignKey(ProcessTemplate, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(_("proses ke"))
    name = models.CharField(_("nama proses"), max_length=150)
    gate = models.CharField(_("syarat tambahan"), max_length=12, choices=Gate.choices, blank=True)
    due_date = models.DateField(_("tenggat"))
    state = models.CharField(
        _("status"), max_length=20, choices=ProcessState.choices, default=ProcessState.BELUM_MULAI
    )
    return_comment = models.TextField(_("catatan verifikasi"), blank=True)
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diverifikasi oleh"),
    )
    signed_off_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    class Meta:
        ordering = ["cycle", "number"]
        verbose_name = _("proses pemutakhiran")
        verbose_name_plural = _("proses pemutakhiran")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="cycle_process_number")
        ]
        indexes = [models.Index(fields=["state", "due_date"], name="cycle_process_state_due")]

    def __str__(self) -> str:
        return f"Proses {self.number}: {self.name} ({self.cycle})"


class CycleStep(models.Model):
    process = models.ForeignKey(CycleProcess, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("urutan"))
    name = models.CharField(_("langkah"), max_length=250)
    reference = models.CharField(_("rujukan"), max_length=120, blank=True)
    done = models.BooleanField(_("selesai"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["process", "order"]
        verbose_name = _("langkah proses")
        verbose_name_plural = _("langkah proses")

    def __str__(self) -> str:
        return self.name
