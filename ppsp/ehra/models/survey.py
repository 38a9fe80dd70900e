"""EHRA survey round per kab/kota and year, household records, imports, sampling frame."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class SurveyRound(models.Model):
    """One EHRA round of a kab/kota in a year (method ``ehra_2021``)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="ehra_rounds", verbose_name=_("kab/kota")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    method = models.CharField(_("metode"), max_length=20, default="ehra_2021")
    opd_open = models.BooleanField(_("penilaian persepsi OPD dibuka"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    computed_at = models.DateTimeField(_("terakhir dihitung"), null=True, blank=True)
    computed_households = models.PositiveIntegerField(default=0)
    config = models.ForeignKey(
        "ehra.RiskMethodConfig",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("versi konfigurasi metode"),
    )

    class Meta:
        ordering = ["region__code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="ehra_round_unique_year")
        ]
        verbose_name = _("putaran EHRA")
        verbose_name_plural = _("putaran EHRA")

    def __str__(self) -> str:
        return f"EHRA {self.year} {self.region.code}"


class ReviewState(models.TextChoices):
    RECEIVED = "diterima", _("diterima")
    HAS_ISSUES = "bermasalah", _("ada masalah")
    APPROVED = "disetujui", _("disetujui")
    REJECTED = "ditolak", _("ditolak")


class ImportStatus(models.TextChoices):
    QUEUED = "antre", _("menunggu")
    RUNNING = "berjalan", _("berjalan")
    DONE = "selesai", _("selesai")
    FAILED = "gagal", _("gagal")


class ImportRun(models.Model):
    """One uploaded submissions file, processed by a task; errors and counts stored."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="imports")
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField()
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(_("baru"), default=0)
    skipped = models.PositiveIntegerField(_("sudah ada"), default=0)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("impor data EHRA")
        verbose_name_plural = _("impor data EHRA")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    def job_stopped(self, state: str, message: str) -> None:
        """Its background job was cancelled or lost its worker for good (ppsp.core.jobs)."""
        ImportRun.objects.filter(
            pk=self.pk, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
        ).update(status=ImportStatus.FAILED, errors=[message], finished_at=timezone.now())


class Household(models.Model):
    """One EHRA household record (one submission); answers keyed by XLSForm name."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="households")
    submission_id = models.CharField(_("ID kiriman"), max_length=100)
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    rt = models.CharField(_("RT"), max_length=10, blank=True)
    answers = models.JSONField(default=dict)
    state = models.CharField(
        _("status"), max_length=12, choices=ReviewState.choices, default=ReviewState.RECEIVED
    )
    note = models.CharField(_("catatan pemeriksa"), max_length=300, blank=True)
    import_run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="households"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["desa__code", "submission_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "submission_id"], name="ehra_household_unique_submission"
            )
        ]
        indexes = [models.Index(fields=["survey", "state"])]
        verbose_name = _("rumah tangga EHRA")
        verbose_name_plural = _("rumah tangga EHRA")

    def __str__(self) -> str:
        return f"{self.submission_id} ({self.desa_id})"


class SamplingFrame(models.Model):
    """Stratification, sample size, allocation and systematic selection of one round."""

    survey = models.OneToOneField(SurveyRound, on_delete=models.CASCADE, related_name="frame")
    target_desa = models.PositiveIntegerField(_("jumlah desa sampel"))
    sample_size = models.PositiveIntegerField(_("jumlah responden"))
    sample_method = models.CharField(
        _("rumus besar sampel"), max_length=20, default="krejcie_morgan"
    )
    margin = models.FloatField(_("batas kesalahan (d/e)"), default=0.05)
    population = models.PositiveIntegerField(_("populasi KK (N)"), null=True, blank=True)
    per_desa = models.PositiveSmallIntegerField(_("responden per desa"), default=40)
    rt_per_desa = models.PositiveSmallIntegerField(_("RT per desa minimal"), default=8)
    per_rt = models.PositiveSmallIntegerField(_("rumah tangga per RT"), default=5)
    seed = models.BigIntegerField(_("seed acak"))
    density_cutoff = models.FloatField(_("batas K1 kepadatan"))
    poverty_cutoff = models.FloatField(_("batas K2 kemiskinan"))
    density_rule = models.CharField(_("aturan batas K1"), max_length=10, default="rata-rata")
    poverty_rule = models.CharField(_("aturan batas K2"), max_length=10, default="rata-rata")
    starts = models.JSONField(_("awal acak per strata"), default=dict)
    allocation = models.JSONField(_("alokasi per strata"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kerangka sampel EHRA")
        verbose_name_plural = _("kerangka sampel EHRA")

    def __str__(self) -> str:
        return f"Kerangka sampel {self.survey}"


class FrameDesa(models.Model):
    """Stratification inputs (K1–K4) and the outcome for one desa of the frame."""

    frame = models.ForeignKey(SamplingFrame, on_delete=models.CASCADE, related_name="rows")
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    density = models.FloatField(_("K1 kepadatan (jiwa/km²)"))
    poverty = models.FloatField(_("K2 KK miskin (%)"))
    river = models.BooleanField(_("K3 sungai/saluran untuk MCK/sampah"))
    flood = models.BooleanField(_("K4 rawan banjir"))
    strata = models.PositiveSmallIntegerField(_("strata"))
    selected = models.BooleanField(_("terpilih"), default=False)
    rt_count = models.PositiveIntegerField(_("jumlah RT"), null=True, blank=True)
    rt_seed = models.BigIntegerField(_("seed acak RT"), null=True, blank=True)
    rt_start = models.PositiveIntegerField(_("awal acak RT (0-based)"), null=True, blank=True)
    rt_selected = models.JSONField(_("RT terpilih"), default=list, blank=True)
    households_per_rt = models.PositiveSmallIntegerField(_("rumah tangga per RT"), default=5)

    class Meta:
        ordering = ["strata", "desa__code"]
        constraints = [
            models.UniqueConstraint(fields=["frame", "desa"], name="ehra_frame_unique_desa")
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} strata {self.strata}"
