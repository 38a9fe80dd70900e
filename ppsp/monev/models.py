"""Monev (issue 10): the yearly realisation report of a kab/kota, its values per programme
row and per sasaran indicator, and the precomputed national/provincial aggregates.

Numbers are typed: a value, or an explicit "not available" code with a reason (never free
text in a number). Amounts are whole rupiah.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ppsp.mps.models import KklNode, ProgrammeRow
from ppsp.regions.models import Region


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    APPROVED = "approved", _("Disetujui")
    RETURNED = "returned", _("Dikembalikan")


EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class NotAvailable(models.TextChoices):
    """Why a number is missing; required (with a reason) whenever a value is left empty."""

    BELUM_TERSEDIA = "belum_tersedia", _("Data belum tersedia")
    TIDAK_DIUKUR = "tidak_diukur", _("Tidak diukur tahun ini")
    TIDAK_BERLAKU = "tidak_berlaku", _("Tidak berlaku")


class WorkStatus(models.TextChoices):
    BELUM_MULAI = "belum_mulai", _("Belum mulai")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    BATAL = "batal", _("Batal/ditunda")


class DataSource(models.TextChoices):
    EHRA = "ehra", _("EHRA")
    SUSENAS = "susenas", _("Susenas")
    SEKTOR = "sektor", _("Sistem sektor (SIPSN/STBM/SIPD)")
    SEKUNDER = "sekunder", _("Data sekunder")


class Report(models.Model):
    """One kab/kota × year: the unit that is submitted, reviewed and locked on approval."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="monev_reports", verbose_name=_("kab/kota")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    review_comment = models.TextField(_("catatan peninjau"), blank=True)
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("ditinjau pada"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("laporan realisasi")
        ordering = ["region__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="monev_report_region_year"),
        ]

    def __str__(self) -> str:
        return f"Realisasi {self.region.code} {self.year}"

    @property
    def deadline(self) -> dt.date:
        return dt.date(self.year + 1, 1, 31)

    @property
    def locked(self) -> bool:
        return self.status not in EDITABLE


class RowRealisation(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="row_values")
    row = models.ForeignKey(ProgrammeRow, on_delete=models.CASCADE, related_name="realisations")
    budget = models.BigIntegerField(_("realisasi anggaran (Rp)"), null=True, blank=True)
    output = models.DecimalField(
        _("output fisik (volume)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    work_status = models.CharField(
        _("status pekerjaan"),
        max_length=12,
        choices=WorkStatus.choices,
        default=WorkStatus.BELUM_MULAI,
    )
    evidence = models.CharField(_("bukti (berkas/tautan)"), max_length=250, blank=True)
    source_note = models.CharField(
        _("asal angka anggaran"), max_length=40, blank=True, help_text=_("mis. SIPD 2024")
    )
    na_code = models.CharField(
        _("kode tidak tersedia"), max_length=20, choices=NotAvailable.choices, blank=True
    )
    na_reason = models.CharField(_("alasan tidak tersedia"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("realisasi baris program")
        ordering = ["row__subsector", "row__priority", "row__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "row"], name="monev_row_once"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="monev_budget_nonneg",
                violation_error_message=_("Anggaran tidak boleh negatif."),
            ),
            models.CheckConstraint(
                condition=(Q(budget__isnull=False) & Q(output__isnull=False))
                | (~Q(na_code="") & ~Q(na_reason="")),
                name="monev_row_value_or_na",
                violation_error_message=_(
                    "Isi anggaran dan keluaran, atau pilih kode tidak tersedia beserta alasannya."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.row.kegiatan} {self.report.year}"


class IndicatorRealisation(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicator_values")
    node = models.ForeignKey(
        KklNode,
        on_delete=models.CASCADE,
        related_name="realisations",
        limit_choices_to={"level": "sasaran"},
        verbose_name=_("sasaran"),
    )
    value = models.DecimalField(
        _("nilai realisasi"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("sumber data"), max_length=12, choices=DataSource.choices)
    source_note = models.CharField(
        _("asal angka"), max_length=40, blank=True, help_text=_("mis. STBM 2024")
    )
    na_code = models.CharField(
        _("kode tidak tersedia"), max_length=20, choices=NotAvailable.choices, blank=True
    )
    na_reason = models.CharField(_("alasan tidak tersedia"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("realisasi indikator sasaran")
        ordering = ["node__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "node"], name="monev_indicator_once"),
            models.CheckConstraint(
                condition=(Q(value__isnull=False) & Q(na_code=""))
                | (Q(value__isnull=True) & ~Q(na_code="") & ~Q(na_reason="")),
                name="monev_indicator_value_xor_na",
                violation_error_message=_(
                    "Isi nilai indikator, atau kosongkan nilai dan pilih kode tidak tersedia "
                    "beserta alasannya."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.node.indicator or self.node.text} {self.report.year}"


class KabkotaScore(models.Model):
    """Precomputed ranking inputs and score of one kab/kota × year (refresh task)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    stage = models.FloatField(_("kemajuan tahapan"))
    completeness = models.FloatField(_("kelengkapan data"))
    timeliness = models.FloatField(_("ketepatan waktu"))
    realisation = models.FloatField(_("realisasi anggaran"))
    score = models.FloatField(_("skor"))
    rank_national = models.PositiveIntegerField(_("peringkat nasional"))
    rank_province = models.PositiveIntegerField(_("peringkat provinsi"))
    status = models.CharField(_("status laporan"), max_length=12, blank=True)
    computed_at = models.DateTimeField(_("dihitung pada"))

    class Meta:
        ordering = ["year", "rank_national", "region__code"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="monev_score_region_year"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.year}: {self.score:.1f}"


class Aggregate(models.Model):
    """National ('') or provincial (2-digit code) figures of one year as computed JSON."""

    area_code = models.CharField(_("kode wilayah"), max_length=2, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField(_("dihitung pada"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area_code", "year"], name="monev_aggregate_once"),
        ]

    def __str__(self) -> str:
        return f"Agregat {self.area_code or 'nasional'} {self.year}"
