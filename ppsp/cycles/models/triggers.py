"""Data the pemutakhiran triggers read (domain-ppsp.md §3.1): all of it is data, not code."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class RpjmdPeriod(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))
    perda_number = models.CharField(_("nomor Perda"), max_length=100, blank=True)

    class Meta:
        ordering = ["region__code", "-start_year"]
        verbose_name = _("periode RPJMD")
        verbose_name_plural = _("periode RPJMD")
        constraints = [
            models.UniqueConstraint(fields=["region", "start_year"], name="rpjmd_unique_start"),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="rpjmd_period_order",
                violation_error_message=_("Tahun akhir periode tidak boleh sebelum tahun awal."),
            ),
        ]

    def __str__(self) -> str:
        return f"RPJMD {self.region.name} {self.start_year}–{self.end_year}"


class IndicatorRule(models.Model):
    """A dated Universal Access target of one planning period, e.g. akses sanitasi layak
    100 % by 2019 (RPJMN 2015–2019) or 90 % by 2024 (RPJMN 2020–2024).

    National targets (RPJMN) have no region; a kab/kota's own RPJMD target names its
    kab/kota and wins over the national one for the years of its period. The trigger reads
    the target of the period that contains the year it is evaluated for (see
    ``ppsp.cycles.trigger_data.rule_for_year``); targets are data, edited in the admin.
    """

    key = models.SlugField(_("kunci indikator"), max_length=60)
    label = models.CharField(_("indikator"), max_length=150)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kabupaten/kota (kosong: target nasional)"),
    )
    period_start = models.PositiveSmallIntegerField(_("awal periode RPJMN/RPJMD"), default=2015)
    period_end = models.PositiveSmallIntegerField(_("akhir periode RPJMN/RPJMD"), default=2019)
    target = models.FloatField(_("target"))
    target_year = models.PositiveSmallIntegerField(_("tahun target"))
    baseline = models.FloatField(_("nilai awal"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("tahun nilai awal"), null=True, blank=True)
    higher_is_better = models.BooleanField(_("makin tinggi makin baik"), default=True)
    active = models.BooleanField(_("aktif"), default=True)
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        ordering = ["key", "region__code", "-period_start"]
        verbose_name = _("aturan indikator akses universal")
        verbose_name_plural = _("aturan indikator akses universal")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "period_start"],
                condition=models.Q(region__isnull=True),
                name="indicator_rule_national_period",
                violation_error_message=_(
                    "Target nasional indikator ini untuk periode tersebut sudah ada."
                ),
            ),
            models.UniqueConstraint(
                fields=["key", "region", "period_start"],
                condition=models.Q(region__isnull=False),
                name="indicator_rule_region_period",
                violation_error_message=_(
                    "Target indikator ini untuk kabupaten/kota dan periode tersebut sudah ada."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="indicator_rule_period_order",
                violation_error_message=_("Tahun akhir periode tidak boleh sebelum tahun awal."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.target} ({self.target_year})"

    @property
    def period_label(self) -> str:
        kind = "RPJMD" if self.region_id else "RPJMN"
        return f"{kind} {self.period_start}–{self.period_end}"


class IndicatorValue(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    indicator_key = models.SlugField(_("kunci indikator"), max_length=60)
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.FloatField(_("nilai"))
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        ordering = ["region__code", "indicator_key", "-year"]
        verbose_name = _("nilai indikator")
        verbose_name_plural = _("nilai indikator")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "indicator_key", "year"], name="indicator_value_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_key} {self.region.code} {self.year}: {self.value}"


class TriggerPolicy(models.Model):
    """Thresholds of the triggers; the row with the highest id is in force."""

    max_age_years = models.PositiveSmallIntegerField(_("batas umur SSK (tahun)"), default=5)
    completeness_threshold = models.FloatField(
        _("ambang kelengkapan data (0–1)"),
        default=0.8,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
    )
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("kebijakan pemicu")
        verbose_name_plural = _("kebijakan pemicu")

    def __str__(self) -> str:
        return f"{self.max_age_years} tahun, kelengkapan {self.completeness_threshold:.0%}"
