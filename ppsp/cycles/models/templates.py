"""Proses 1–5 and their steps per method version: data seeded from domain-ppsp.md §3.2–3.3."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.documents.models import MethodVersion


class Gate(models.TextChoices):
    """Extra criteria checked before a process can be submitted or signed off."""

    NONE = "", _("tidak ada")
    PROSES1 = "proses1", _("SK Pokja, rencana kerja dan rapat tercatat")
    FINALISASI = "finalisasi", _("konsultasi publik ditutup dan pengesahan tercatat")


class ProcessTemplate(models.Model):
    method_version = models.ForeignKey(
        MethodVersion, on_delete=models.CASCADE, related_name="process_templates"
    )
    number = models.PositiveSmallIntegerField(_("proses ke"))
    name = models.CharField(_("nama proses"), max_length=150)
    description = models.TextField(_("uraian"), blank=True)
    required_outputs = models.TextField(_("keluaran wajib (satu per baris)"), blank=True)
    ssk_part = models.CharField(_("bagian SSK"), max_length=120, blank=True)
    due_month = models.PositiveSmallIntegerField(_("bulan tenggat dalam tahun anggaran"))
    gate = models.CharField(_("syarat tambahan"), max_length=12, choices=Gate.choices, blank=True)
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        ordering = ["method_version", "number"]
        verbose_name = _("templat proses")
        verbose_name_plural = _("templat proses")
        constraints = [
            models.UniqueConstraint(
                fields=["method_version", "number"], name="process_template_number"
            ),
            models.CheckConstraint(
                condition=models.Q(due_month__gte=1, due_month__lte=12),
                name="process_template_due_month",
                violation_error_message=_("Bulan tenggat harus antara 1 dan 12."),
            ),
        ]

    def __str__(self) -> str:
        return f"Proses {self.number}: {self.name}"

    def output_list(self) -> list[str]:
        return [line.strip() for line in self.required_outputs.splitlines() if line.strip()]


class StepTemplate(models.Model):
    process = models.ForeignKey(ProcessTemplate, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("urutan"))
    name = models.CharField(_("langkah"), max_length=250)
    reference = models.CharField(_("rujukan (PT, lampiran)"), max_length=120, blank=True)

    class Meta:
        ordering = ["process", "order"]
        verbose_name = _("templat langkah")
        verbose_name_plural = _("templat langkah")

    def __str__(self) -> str:
        return self.name
