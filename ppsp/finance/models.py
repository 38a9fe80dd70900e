"""PT-03 "Perkiraan Kemampuan Keuangan Daerah" of one kab/kota and update cycle (Proses 3).

One `FiscalCapacity` per kab/kota and fiscal year of the update cycle. Its years follow the
cycle: the five realised years n-4..n are the fiscal years before the cycle year, and the
five plan years of the SSK start the year after it (domain-ppsp.md §10.2, §16.3 last rule).
Amounts are whole rupiah.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region

HISTORY_YEARS = 5
PLAN_YEARS = 5


class GrowthMethod(models.TextChoices):
    MEAN = "mean", _("rata-rata pertumbuhan tahunan")
    CAGR = "cagr", _("pertumbuhan majemuk (CAGR)")


class KomitmenMode(models.TextChoices):
    PATH = "path", _("nilai per tahun")
    PCT_APBD = "pct_apbd", _("persen dari total APBD")
    PER_CAPITA = "per_capita", _("rupiah per kapita")
    GROWTH = "growth", _("nilai tahun pertama dan pertumbuhan")


def rupiah(label: Any) -> Any:
    return models.BigIntegerField(label, default=0)


class FiscalCapacity(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("tahun anggaran siklus"))
    growth_method = models.CharField(
        _("metode pertumbuhan"), max_length=4, choices=GrowthMethod.choices, default="mean"
    )
    deduct_om_existing = models.BooleanField(
        _("kurangi biaya OP aset terbangun dari proyeksi"), default=True
    )
    first_year_override = models.BigIntegerField(
        _("APBD murni sanitasi tahun pertama yang sudah ditetapkan (Rp)"), null=True, blank=True
    )
    komitmen_mode = models.CharField(
        _("bentuk komitmen"), max_length=10, choices=KomitmenMode.choices, default="growth"
    )
    komitmen_pct = models.DecimalField(
        _("komitmen: persen dari total APBD"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
    )
    komitmen_per_capita = models.BigIntegerField(
        _("komitmen: rupiah per kapita per tahun"), null=True, blank=True
    )
    komitmen_first = models.BigIntegerField(
        _("komitmen: nilai tahun pertama (Rp)"), null=True, blank=True
    )
    komitmen_growth = models.DecimalField(
        _("komitmen: pertumbuhan per tahun (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    note = models.TextField(_("catatan"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region__code", "-fiscal_year"]
        verbose_name = _("kemampuan keuangan daerah")
        verbose_name_plural = _("kemampuan keuangan daerah")
        constraints = [
            models.UniqueConstraint(fields=["region", "fiscal_year"], name="fiscal_unique_year")
        ]

    def __str__(self) -> str:
        return f"Kemampuan keuangan {self.region.name} {self.fiscal_year}"

    @property
    def history_years(self) -> list[int]:
        """Realised years n-4..n: the five fiscal years before the cycle year."""
        return list(range(self.fiscal_year - HISTORY_YEARS, self.fiscal_year))

    @property
    def plan_years(self) -> list[int]:
        """The five SSK years, starting the year after the cycle year."""
        return list(range(self.fiscal_year + 1, self.fiscal_year + 1 + PLAN_YEARS))


class BelanjaOpd(models.Model):
    """Realised sanitation spending of one OPD in one year (Tabel Rekapitulasi, §10.2)."""

    capacity = models.ForeignKey(FiscalCapacity, on_delete=models.CASCADE, related_name="belanja")
    opd = models.CharField(_("OPD"), max_length=150)
    year = models.PositiveSmallIntegerField(_("tahun"))
    amount = models.BigIntegerField(_("realisasi (Rp)"))

    class Meta:
        ordering = ["capacity", "opd", "year"]
        verbose_name = _("realisasi belanja sanitasi OPD")
        verbose_name_plural = _("realisasi belanja sanitasi OPD")
        constraints = [
            models.UniqueConstraint(fields=["capacity", "opd", "year"], name="belanja_opd_year"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0),
                name="belanja_nonneg",
                violation_error_message=_("Jumlah belanja tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.opd} {self.year}: {self.amount}"


class HistoryYear(models.Model):
    """Per realised year: the deductions for APBD murni and the rows for the ratios."""

    capacity = models.ForeignKey(FiscalCapacity, on_delete=models.CASCADE, related_name="history")
    year = models.PositiveSmallIntegerField(_("tahun"))
    dak_sanitasi = rupiah(_("DAK sanitasi"))
    dak_lh = rupiah(_("DAK lingkungan hidup"))
    dak_perkim = rupiah(_("DAK perumahan & permukiman"))
    pinjaman_hibah = rupiah(_("pinjaman/hibah diteruskan"))
    investasi = rupiah(_("belanja investasi sanitasi"))
    om = rupiah(_("belanja OP sanitasi"))
    belanja_langsung = rupiah(_("total belanja langsung APBD"))

    class Meta:
        ordering = ["capacity", "year"]
        verbose_name = _("data tahun realisasi")
        verbose_name_plural = _("data tahun realisasi")
        constraints = [
            models.UniqueConstraint(fields=["capacity", "year"], name="history_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.capacity} {self.year}"

    @property
    def dak_total(self) -> int:
        return int(self.dak_sanitasi + self.dak_lh + self.dak_perkim)


class PlanYear(models.Model):
    """Per plan year: O&M of assets already built, the total APBD, the komitmen path."""

    capacity = models.ForeignKey(FiscalCapacity, on_delete=models.CASCADE, related_name="plan")
    year = models.PositiveSmallIntegerField(_("tahun"))
    om_existing = rupiah(_("biaya OP aset terbangun"))
    apbd_total = rupiah(_("perkiraan total APBD"))
    komitmen = rupiah(_("komitmen (bentuk nilai per tahun)"))

    class Meta:
        ordering = ["capacity", "year"]
        verbose_name = _("data tahun rencana")
        verbose_name_plural = _("data tahun rencana")
        constraints = [
            models.UniqueConstraint(fields=["capacity", "year"], name="plan_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.capacity} {self.year}"


HISTORY_FIELDS = (
    "dak_sanitasi",
    "dak_lh",
    "dak_perkim",
    "pinjaman_hibah",
    "investasi",
    "om",
    "belanja_langsung",
)
PLAN_FIELDS = ("om_existing", "apbd_total", "komitmen")
