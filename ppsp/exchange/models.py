"""Bulk exports (jobs with a stored file) and sector-system imports (SIPSN, STBM, SIPD).

`FieldMapping` is data: which source column headers (with aliases) feed which target field
of an adapter; editable in the admin. `SectorFigure` holds one imported value per region,
year, indicator and source system (plus a `key` for SIPD rows: sub-kegiatan code and OPD).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class SourceSystem(models.TextChoices):
    SIPSN = "sipsn", _("SIPSN (persampahan, KLHK)")
    STBM = "stbm", _("STBM (Kemenkes)")
    SIPD = "sipd", _("SIPD / realisasi APBD (Kemendagri)")


class FieldMapping(models.Model):
    """Source column header (and aliases) → target field of one adapter."""

    system = models.CharField(_("sistem sumber"), max_length=10, choices=SourceSystem.choices)
    target = models.CharField(_("kolom tujuan"), max_length=40)
    header = models.CharField(_("judul kolom di berkas sumber"), max_length=120)
    aliases = models.TextField(
        _("alias (satu per baris)"), blank=True, help_text=_("Judul lain yang juga diterima.")
    )
    required = models.BooleanField(_("wajib"), default=False)

    class Meta:
        ordering = ["system", "target"]
        verbose_name = _("pemetaan kolom impor")
        verbose_name_plural = _("pemetaan kolom impor")
        constraints = [
            models.UniqueConstraint(fields=["system", "target"], name="exchange_mapping_target"),
        ]

    def __str__(self) -> str:
        return f"{self.system}: {self.header} → {self.target}"

    def headers(self) -> list[str]:
        return [self.header, *[a.strip() for a in self.aliases.splitlines() if a.strip()]]


class BatchStatus(models.TextChoices):
    DRAFT = "draft", _("pratinjau")
    DONE = "done", _("diimpor")
    FAILED = "failed", _("ditolak")


class ImportBatch(models.Model):
    """One uploaded file for one kab/kota: previewed first, then imported atomically."""

    system = models.CharField(_("sistem sumber"), max_length=10, choices=SourceSystem.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kab/kota")
    )
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField()
    checksum = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.DRAFT
    )
    rows_total = models.PositiveIntegerField(_("baris"), default=0)
    created = models.PositiveIntegerField(_("baru"), default=0)
    updated = models.PositiveIntegerField(_("diperbarui"), default=0)
    unchanged = models.PositiveIntegerField(_("tidak berubah"), default=0)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("impor sistem sektor")
        verbose_name_plural = _("impor sistem sektor")

    def __str__(self) -> str:
        return f"{self.get_system_display()} {self.region.code} {self.filename}"


class SectorFigure(models.Model):
    """One figure from a sector system for a kab/kota or desa and year."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    indicator = models.CharField(_("kode indikator"), max_length=40)
    key = models.CharField(_("rincian"), max_length=200, blank=True)
    value = models.DecimalField(_("nilai"), max_digits=20, decimal_places=4)
    source_system = models.CharField(
        _("sistem sumber"), max_length=10, choices=SourceSystem.choices
    )
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="figures")

    class Meta:
        ordering = ["region__code", "year", "indicator", "key"]
        verbose_name = _("angka sistem sektor")
        verbose_name_plural = _("angka sistem sektor")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "indicator", "source_system", "key"],
                name="exchange_figure_unique",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.region.code} {self.year} = {self.value}"


class DerivationTarget(models.TextChoices):
    INDICATOR = "indicator", _("indikator sasaran")
    ROW_BUDGET = "row_budget", _("realisasi anggaran baris program")


class DerivationKind(models.TextChoices):
    DIRECT = "direct", _("nilai langsung")
    RATIO = "ratio", _("rasio dua angka × skala")


class RealisationMapping(models.Model):
    """Data: which imported figures give the realisation of a sasaran indicator or row.

    An indicator mapping applies to a sasaran whose indicator text contains one of
    `match` (one phrase a line, case-insensitive) and, if set, has `subsector`; a row mapping
    applies to a programme row whose sub-kegiatan code equals the SIPD figure's code.
    Value = Σ numerator (direct) or scale × Σ numerator / Σ denominator (ratio), summed over
    the kab/kota and its desa (ppsp.compute.monev.derived_value).
    """

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama"), max_length=120)
    system = models.CharField(_("sistem sumber"), max_length=10, choices=SourceSystem.choices)
    target = models.CharField(_("dipakai untuk"), max_length=12, choices=DerivationTarget.choices)
    subsector = models.CharField(_("subsektor"), max_length=20, blank=True)
    match = models.TextField(
        _("frasa indikator (satu per baris)"),
        blank=True,
        help_text=_("Indikator sasaran yang memuat salah satu frasa ini memakai pemetaan ini."),
    )
    kind = models.CharField(_("rumus"), max_length=10, choices=DerivationKind.choices)
    numerator = models.CharField(_("kode angka pembilang (dipisah koma)"), max_length=200)
    denominator = models.CharField(
        _("kode angka penyebut (dipisah koma)"), max_length=200, blank=True
    )
    scale = models.DecimalField(_("skala"), max_digits=8, decimal_places=2, default=100)
    priority = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["priority", "code"]
        verbose_name = _("pemetaan angka sektor ke realisasi")
        verbose_name_plural = _("pemetaan angka sektor ke realisasi")

    def __str__(self) -> str:
        return f"{self.code}: {self.label}"

    def phrases(self) -> list[str]:
        return [" ".join(p.lower().split()) for p in self.match.splitlines() if p.strip()]

    def codes(self, which: str) -> list[str]:
        return [c.strip() for c in getattr(self, which).split(",") if c.strip()]


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("antre")
    RUNNING = "running", _("berjalan")
    DONE = "done", _("selesai")
    FAILED = "failed", _("gagal")


class ExportJob(models.Model):
    """A large extract written in the background to a file under MEDIA_ROOT."""

    table = models.CharField(_("tabel"), max_length=40)
    fmt = models.CharField(_("format"), max_length=4)
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True)  # "" = nasional
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file = models.CharField(max_length=250, blank=True)  # path relative to MEDIA_ROOT
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ekspor latar belakang")
        verbose_name_plural = _("ekspor latar belakang")

    def __str__(self) -> str:
        return f"{self.table}.{self.fmt} {self.region_code or 'nasional'}"

    def job_stopped(self, state: str, message: str) -> None:
        """Its background job was cancelled or lost its worker for good (ppsp.core.jobs)."""
        ExportJob.objects.filter(pk=self.pk).exclude(status=JobStatus.DONE).update(
            status=JobStatus.FAILED, error=message, finished_at=timezone.now()
        )

    @property
    def percent(self) -> int:
        return (
            100
            if self.status == JobStatus.DONE
            else (int(100 * self.rows_done / self.rows_total) if self.rows_total else 0)
        )
