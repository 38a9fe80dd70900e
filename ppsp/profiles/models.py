"""Form 2 profile per desa and year; previous SSK documents with indicator targets.

Penduduk and KK are not stored here: they live in ``regions.Population`` (one source of
truth); the grid reads and writes them through ``regions.services.population_upsert``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class UrbanRural(models.IntegerChoices):
    URBAN = 1, _("1 = perkotaan")
    RURAL = 2, _("2 = perdesaan")


class DesaProfile(models.Model):
    """One row of Form 2 (Instrumen Profil Sanitasi): one desa in one year."""

    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    luas_administratif = models.FloatField(
        _("luas administratif (ha)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    luas_terbangun = models.FloatField(
        _("luas terbangun (ha)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    growth_pct = models.FloatField(_("pertumbuhan penduduk (%/tahun)"), null=True, blank=True)
    urban_bps = models.PositiveSmallIntegerField(
        _("urban/rural menurut BPS"), choices=UrbanRural.choices, null=True, blank=True
    )
    urban_rtrw = models.PositiveSmallIntegerField(
        _("urban/rural menurut RTRW"), choices=UrbanRural.choices, null=True, blank=True
    )
    cbd = models.BooleanField(_("kawasan bisnis (CBD)"), default=False)
    kk_miskin = models.PositiveIntegerField(_("jumlah KK miskin"), null=True, blank=True)
    # secondary indicators (ehra-risk.md §5.1/§5.2): air limbah, persampahan, drainase
    jamban_pribadi = models.PositiveIntegerField(
        _("air limbah: KK dengan jamban pribadi"), null=True, blank=True
    )
    tangki_septik = models.PositiveIntegerField(
        _("air limbah: KK dengan tangki septik"), null=True, blank=True
    )
    sampah_terangkut = models.FloatField(
        _("persampahan: sampah terangkut (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    tps = models.PositiveIntegerField(_("persampahan: jumlah TPS/TPS 3R"), null=True, blank=True)
    luas_genangan = models.FloatField(
        _("drainase: luas genangan (ha)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["desa__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["desa", "year"], name="profiles_desa_year_unique")
        ]
        verbose_name = _("profil desa (Form 2)")
        verbose_name_plural = _("profil desa (Form 2)")

    def __str__(self) -> str:
        return f"Form 2 {self.desa_id} {self.year}"


class LegacyDocument(models.Model):
    """A previous SSK or BPS of a kab/kota (PDF/DOCX), stored with the record."""

    class Kind(models.TextChoices):
        SSK = "ssk", _("SSK")
        BPS = "bps", _("Buku Putih Sanitasi")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("jenis"), max_length=3, choices=Kind.choices, default=Kind.SSK)
    title = models.CharField(_("judul"), max_length=200)
    period_start = models.PositiveSmallIntegerField(_("periode awal"))
    period_end = models.PositiveSmallIntegerField(_("periode akhir"))
    filename = models.CharField(_("nama berkas"), max_length=200)
    content = models.BinaryField(_("berkas"))
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["region__code", "-period_start", "pk"]
        verbose_name = _("dokumen SSK/BPS sebelumnya")
        verbose_name_plural = _("dokumen SSK/BPS sebelumnya")

    def __str__(self) -> str:
        return f"{self.title} ({self.period_start}–{self.period_end})"


class LegacyTarget(models.Model):
    """Baseline and target of one indicator of a previous SSK, with an optional current value.

    ``source`` names the automatic current value (see ``kemajuan.SOURCES``); a keyed-in
    ``current_manual`` wins over it.
    """

    document = models.ForeignKey(LegacyDocument, on_delete=models.CASCADE, related_name="targets")
    name = models.CharField(_("indikator"), max_length=200)
    unit = models.CharField(_("satuan"), max_length=30, default="%")
    source = models.CharField(_("sumber nilai saat ini"), max_length=30, blank=True)
    lower_is_better = models.BooleanField(_("makin kecil makin baik"), default=False)
    baseline_year = models.PositiveSmallIntegerField(_("tahun baseline"))
    baseline = models.FloatField(_("baseline"))
    target_year = models.PositiveSmallIntegerField(_("tahun target"))
    target = models.FloatField(_("target"))
    current_manual = models.FloatField(_("nilai saat ini (isian)"), null=True, blank=True)

    class Meta:
        ordering = ["document", "name", "target_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "name", "target_year"], name="profiles_target_unique"
            )
        ]
        verbose_name = _("indikator SSK sebelumnya")
        verbose_name_plural = _("indikator SSK sebelumnya")

    def __str__(self) -> str:
        return f"{self.name} {self.target_year}"
