"""Versioned, approved configuration of the risk method (ehra-risk.md §11.2).

One row per version: IRS indicator weights, persepsi OPD aggregation rule, IMPACT and
EXPOSURE source weights, number of area-berisiko classes with labels and colours, and the
default K1/K2 stratification cut-offs. A version is created as a draft, edited in the
admin, approved by a PMU user (name and date recorded, audited) and is then frozen; a
survey round records the version its results were computed with.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.compute.area_risk import SSK_COMPONENTS
from ppsp.compute.ehra import DEFAULT_IRS_2021

OPD_RULES = (
    ("mean_half_up", _("rata-rata, dibulatkan setengah ke atas")),
    ("median_half_up", _("median, dibulatkan setengah ke atas")),
    ("mean", _("rata-rata tanpa pembulatan")),
)


class CutoffRule(models.TextChoices):
    MEAN = "rata-rata", _("di atas rata-rata kab/kota")
    VALUE = "nilai", _("di atas nilai batas")


class ConfigStatus(models.TextChoices):
    DRAFT = "draf", _("draf")
    APPROVED = "disetujui", _("disetujui")


def _weights_ok(values: Any) -> bool:
    return all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
        for v in values
    )


class RiskMethodConfig(models.Model):
    """One version of the risk-method configuration; frozen once approved."""

    version = models.PositiveIntegerField(_("versi"), unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ConfigStatus.choices, default=ConfigStatus.DRAFT
    )
    note = models.TextField(_("catatan"), blank=True)
    irs_weights = models.JSONField(_("bobot indikator IRS"), default=dict)
    opd_aggregation = models.CharField(
        _("aturan agregasi persepsi OPD"), max_length=20, choices=OPD_RULES, default="mean_half_up"
    )
    impact_weights = models.JSONField(_("bobot parameter IMPACT"), default=list)
    source_weights = models.JSONField(_("bobot sumber EXPOSURE per komponen"), default=dict)
    classes = models.PositiveSmallIntegerField(_("jumlah kelas area berisiko"), default=4)
    class_labels = models.JSONField(_("label dan warna kelas"), default=list)
    density_rule = models.CharField(
        _("aturan batas K1"), max_length=10, choices=CutoffRule.choices, default=CutoffRule.MEAN
    )
    density_value = models.FloatField(_("nilai batas K1 (jiwa/km²)"), null=True, blank=True)
    poverty_rule = models.CharField(
        _("aturan batas K2"), max_length=10, choices=CutoffRule.choices, default=CutoffRule.MEAN
    )
    poverty_value = models.FloatField(_("nilai batas K2 (%)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_name = models.CharField(_("disetujui oleh"), max_length=150, blank=True)
    approved_at = models.DateTimeField(_("tanggal persetujuan"), null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("konfigurasi metode risiko")
        verbose_name_plural = _("konfigurasi metode risiko")

    def __str__(self) -> str:
        return f"Konfigurasi risiko v{self.version} ({self.get_status_display()})"

    @property
    def approved(self) -> bool:
        return self.status == ConfigStatus.APPROVED

    def clean(self) -> None:
        errors: dict[str, str] = {}
        weights = self.irs_weights
        if not isinstance(weights, dict) or not _weights_ok(weights.values()):
            errors["irs_weights"] = "Bobot indikator harus angka ≥ 0 per kode indikator."
        elif unknown := sorted(set(weights) - {i.key for i in DEFAULT_IRS_2021.indicators}):
            errors["irs_weights"] = f"Kode indikator tidak dikenal: {', '.join(unknown)}."
        impact = self.impact_weights
        if not isinstance(impact, list) or len(impact) != 3 or not _weights_ok(impact):
            errors["impact_weights"] = "Bobot IMPACT: tiga angka ≥ 0 (penduduk, kepadatan, miskin)."
        sources = self.source_weights if isinstance(self.source_weights, dict) else None
        if (
            sources is None
            or not set(sources) <= set(SSK_COMPONENTS)
            or not all(
                isinstance(v, list) and len(v) == 3 and _weights_ok(v) for v in sources.values()
            )
        ):
            errors["source_weights"] = "Bobot EXPOSURE: tiga angka ≥ 0 (sekunder, IRS, OPD)."
        labels = self.class_labels
        if not (2 <= self.classes <= 4):
            errors["classes"] = "Jumlah kelas 2–4."
        elif not isinstance(labels, list) or len(labels) != self.classes:
            errors["class_labels"] = "Satu pasangan [label, warna] per kelas."
        for rule, value, field in (
            (self.density_rule, self.density_value, "density_value"),
            (self.poverty_rule, self.poverty_value, "poverty_value"),
        ):
            if rule == CutoffRule.VALUE and value is None:
                errors[field] = "Isi nilai batas bila aturannya 'nilai'."
        if errors:
            raise ValidationError(errors)
