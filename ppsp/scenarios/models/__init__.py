"""Scenarios of one kab/kota and update cycle: cost lines, Tabel 5.1 and the optimum.

A scenario holds the cost need as lines per subsector × zone × kegiatan type × plan year
(entered, or generated from a zone plan with the versioned unit-cost tables), the
expected external funding per source, and the optimiser runs. One scenario per kab/kota
and cycle year may be the chosen one (domain-ppsp.md §10.7, §16.1 Scenario). Amounts are
whole rupiah; the plan years are those of the cycle (fiscal year + 1 .. + 5).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.core.vocabulary import FundingSource, KegiatanType, Subsector
from ppsp.regions.models import Region
from ppsp.scenarios.models.jobs import JobStatus, OptimisationJob  # one model module per seam

PLAN_YEARS = 5


class BudgetBasis(models.TextChoices):
    APBD_MURNI = "b", _("(b) perkiraan APBD murni")
    KOMITMEN = "c", _("(c) komitmen pendanaan")


class UnitCostTable(models.Model):
    """A versioned table of unit costs at DKI Jakarta prices, with planning parameters."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    year = models.PositiveSmallIntegerField(_("tahun harga"))
    source = models.TextField(_("sumber"), blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("turunan dari")
    )
    share_studi_desain = models.DecimalField(
        _("studi & desain (fraksi biaya konstruksi)"), max_digits=5, decimal_places=3, default=0.05
    )
    share_advokasi = models.DecimalField(
        _("advokasi (fraksi biaya konstruksi)"), max_digits=5, decimal_places=3, default=0.02
    )
    share_penyiapan_lahan = models.DecimalField(
        _("penyiapan lahan (fraksi biaya konstruksi)"), max_digits=5, decimal_places=3, default=0
    )
    # Value of a kegiatan for the optimiser = people served × weight of its risk class.
    risk_weights = models.JSONField(
        _("bobot kelas risiko 1–4"), default=dict, help_text=_('contoh {"1": 1, "2": 2, ...}')
    )
    # Overrides of compute.zoning.Thresholds for the system suggestion per desa.
    zoning_thresholds = models.JSONField(
        _("ambang saran sistem (jiwa/ha)"),
        default=dict,
        blank=True,
        help_text=_('contoh {"terpusat_density": 150, "komunal_density": 100}'),
    )

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("tabel harga satuan")
        verbose_name_plural = _("tabel harga satuan")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def weight(self, risk_class: int) -> float:
        weights = self.risk_weights or {}
        return float(weights.get(str(risk_class), risk_class))


class UnitCostItem(models.Model):
    table = models.ForeignKey(UnitCostTable, on_delete=models.CASCADE, related_name="items")
    subsector = models.CharField(_("subsektor"), max_length=12, choices=Subsector.choices)
    system = models.CharField(_("sistem"), max_length=80, blank=True)
    name = models.CharField(_("teknologi / komponen"), max_length=150)
    unit = models.CharField(_("satuan"), max_length=20)
    base_price = models.BigIntegerField(_("harga satuan standar DKI (Rp)"))
    labour_share = models.DecimalField(
        _("porsi upah (0–1)"),
        max_digits=4,
        decimal_places=2,
        default=0.4,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    om_per_year = models.BigIntegerField(_("biaya OP per satuan per tahun (Rp)"), default=0)
    people_per_unit = models.DecimalField(
        _("jiwa terlayani per satuan"), max_digits=10, decimal_places=1, default=0
    )
    note = models.CharField(_("catatan"), max_length=250, blank=True)

    class Meta:
        ordering = ["table", "subsector", "name"]
        verbose_name = _("harga satuan")
        verbose_name_plural = _("harga satuan")
        constraints = [
            models.UniqueConstraint(fields=["table", "subsector", "name"], name="unit_cost_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} / {self.unit}"


class Scenario(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("tahun anggaran siklus"))
    name = models.CharField(_("nama skenario"), max_length=120)
    description = models.TextField(
        _("uraian (target, sistem, tahapan, asumsi pendanaan)"), blank=True
    )
    unit_costs = models.ForeignKey(
        UnitCostTable, on_delete=models.PROTECT, related_name="+", verbose_name=_("harga satuan")
    )
    indeks_upah = models.DecimalField(
        _("indeks upah (DKI = 1)"), max_digits=5, decimal_places=3, default=1
    )
    indeks_bahan = models.DecimalField(
        _("indeks bahan (DKI = 1)"), max_digits=5, decimal_places=3, default=1
    )
    budget_basis = models.CharField(
        _("batas anggaran APBD Kab/Kota"),
        max_length=1,
        choices=BudgetBasis.choices,
        default=BudgetBasis.KOMITMEN,
    )
    chosen = models.BooleanField(_("skenario terpilih"), default=False)
    justification = models.TextField(_("alasan pemilihan"), blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["region__code", "-fiscal_year", "id"]
        verbose_name = _("skenario")
        verbose_name_plural = _("skenario")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "fiscal_year", "name"], name="scenario_unique_name"
            ),
            models.UniqueConstraint(
                fields=["region", "fiscal_year"],
                condition=models.Q(chosen=True),
                name="scenario_one_chosen",
                violation_error_message=_(
                    "Sudah ada skenario terpilih untuk kabupaten/kota dan tahun ini."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Skenario {self.name} · {self.region.name} {self.fiscal_year}"

    @property
    def plan_years(self) -> list[int]:
        return list(range(self.fiscal_year + 1, self.fiscal_year + 1 + PLAN_YEARS))


class ScenarioLine(models.Model):
    """One cost line: subsector × zone × kegiatan type, amounts per plan year."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="lines")
    subsector = models.CharField(_("subsektor"), max_length=12, choices=Subsector.choices)
    zone = models.CharField(_("zona / lokasi"), max_length=120, blank=True)
    kegiatan_type = models.CharField(
        _("jenis kegiatan"), max_length=16, choices=KegiatanType.choices
    )
    description = models.CharField(_("uraian kegiatan"), max_length=250)
    unit_cost = models.ForeignKey(
        UnitCostItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("harga satuan"),
    )
    volumes = models.JSONField(_("volume per tahun"), default=list, blank=True)
    amounts = models.JSONField(_("biaya per tahun (Rp)"), default=list)
    people_served = models.PositiveIntegerField(_("jiwa terlayani"), default=0)
    risk_class = models.PositiveSmallIntegerField(
        _("kelas risiko area (1–4)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    priority = models.PositiveSmallIntegerField(_("prioritas (1 = tertinggi)"), default=0)
    mandatory = models.BooleanField(_("wajib didanai"), default=False)
    funding_source = models.CharField(
        _("sumber pendanaan"),
        max_length=14,
        choices=FundingSource.choices,
        default=FundingSource.APBD_KABKOTA,
    )
    requires = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="required_by",
        verbose_name=_("prasyarat (mis. DED sebelum konstruksi)"),
    )

    class Meta:
        ordering = ["scenario", "subsector", "zone", "id"]
        verbose_name = _("baris biaya skenario")
        verbose_name_plural = _("baris biaya skenario")

    def __str__(self) -> str:
        return self.description

    @property
    def total(self) -> int:
        return sum(int(a) for a in self.amounts)


class SourceCap(models.Model):
    """Expected funding per year from a source other than APBD Kab/Kota (eksternalisasi)."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="caps")
    source = models.CharField(_("sumber"), max_length=14, choices=FundingSource.choices)
    amounts = models.JSONField(_("perkiraan dana per tahun (Rp)"), default=list)

    class Meta:
        ordering = ["scenario", "source"]
        verbose_name = _("perkiraan dana sumber lain")
        verbose_name_plural = _("perkiraan dana sumber lain")
        constraints = [
            models.UniqueConstraint(fields=["scenario", "source"], name="source_cap_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scenario} · {self.get_source_display()}"


class OptimisationRun(models.Model):
    """One run of the optimiser on a scenario: the chosen lines and the Daftar Tunggu."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    ran_at = models.DateTimeField(auto_now_add=True)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    basis = models.CharField(max_length=1, choices=BudgetBasis.choices)
    budget = models.JSONField(default=list)  # APBD kab/kota cap per plan year [Rp]
    caps = models.JSONField(default=dict)  # other sources: {source: [Rp per year]}
    chosen = models.JSONField(default=list)  # ScenarioLine ids funded
    waiting = models.JSONField(default=list)  # [{"line": id, "reason": "..."}] Daftar Tunggu
    value = models.FloatField(default=0)
    bound = models.FloatField(default=0)
    optimal = models.BooleanField(default=False)
    manual_value = models.FloatField(default=0)  # the cut-lowest-priority hand rule
    manual_chosen = models.JSONField(default=list)
    seconds = models.FloatField(_("lama penyelesaian (detik)"), default=0)
    gap_target = models.FloatField(_("selisih terbukti yang diminta"), default=0.001)

    class Meta:
        ordering = ["scenario", "-ran_at", "-id"]
        verbose_name = _("hasil optimasi")
        verbose_name_plural = _("hasil optimasi")

    def __str__(self) -> str:
        return f"Optimasi {self.scenario} {self.ran_at:%Y-%m-%d %H:%M}"

    @property
    def gap(self) -> float:
        """Proven relative gap (bound - value) / bound [-] of this run."""
        return (self.bound - self.value) / abs(self.bound) if self.bound else 0.0

    @property
    def ratio(self) -> float | None:
        """Optimiser value / hand-rule value, None when the hand rule funds nothing."""
        return self.value / self.manual_value if self.manual_value else None


class Direction(models.TextChoices):
    MIN = "min", _("paling sedikit")
    MAX = "max", _("paling banyak")


class NationalTarget(models.Model):
    """A national target the sasaran are checked against (UA, SPM; domain-ppsp.md §7.2)."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    subsector = models.CharField(_("subsektor"), max_length=12, choices=Subsector.choices)
    indicator = models.CharField(_("indikator"), max_length=200)
    keywords = models.CharField(
        _("kata kunci indikator sasaran (dipisah koma)"), max_length=200, blank=True
    )
    value = models.DecimalField(_("target (%)"), max_digits=6, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("tahun target (kosong = SPM)"), null=True, blank=True)
    direction = models.CharField(
        _("arah"), max_length=3, choices=Direction.choices, default=Direction.MIN
    )
    source = models.CharField(_("sumber"), max_length=250, blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["subsector", "code"]
        verbose_name = _("target nasional")
        verbose_name_plural = _("target nasional")

    def __str__(self) -> str:
        return f"{self.indicator} ({self.code})"


class Vision(models.Model):
    """Visi dan misi sanitasi of a kab/kota for one cycle (Tabel 3.1 / 2.1, §4.3)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("tahun anggaran siklus"))
    visi_kabkota = models.TextField(_("visi kab/kota (RPJMD)"), blank=True)
    misi_kabkota = models.TextField(_("misi kab/kota (RPJMD)"), blank=True)
    visi_sanitasi = models.TextField(_("visi sanitasi"))
    # {subsector: {"misi": "...", "tujuan": "...", "target_pct": 90}}
    subsectors = models.JSONField(_("misi dan tujuan per subsektor"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visi dan misi sanitasi")
        verbose_name_plural = _("visi dan misi sanitasi")
        constraints = [
            models.UniqueConstraint(fields=["region", "fiscal_year"], name="vision_region_year")
        ]

    def __str__(self) -> str:
        return f"Visi sanitasi {self.region.name} {self.fiscal_year}"


class ZoneStage(models.Model):
    """Tahapan pengembangan of one zone: system and stage targets, 5 and 20 years (§8.5)."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="stages")
    subsector = models.CharField(_("subsektor"), max_length=12, choices=Subsector.choices)
    zone = models.CharField(_("zona"), max_length=120)
    system = models.CharField(_("sistem / teknologi"), max_length=150)
    desa = models.JSONField(_("desa anggota (kode)"), default=list, blank=True)
    stage_now = models.PositiveSmallIntegerField(_("tahap saat ini"), default=0)
    stage_medium = models.PositiveSmallIntegerField(_("tahap jangka menengah (5 tahun)"))
    stage_long = models.PositiveSmallIntegerField(_("tahap jangka panjang (20 tahun)"))
    target_medium_pct = models.DecimalField(
        _("target cakupan 5 tahun (%)"), max_digits=5, decimal_places=2
    )
    target_long_pct = models.DecimalField(
        _("target cakupan 20 tahun (%)"), max_digits=5, decimal_places=2
    )

    class Meta:
        ordering = ["scenario", "subsector", "zone"]
        verbose_name = _("tahapan pengembangan zona")
        verbose_name_plural = _("tahapan pengembangan zona")
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "subsector", "zone"], name="zone_stage_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zone} · {self.get_subsector_display()}"


# Re-exported: FundingSource, KegiatanType and Subsector (ppsp.core.vocabulary), the job
# model (models/jobs.py).
__all__ = ["FundingSource", "JobStatus", "KegiatanType", "OptimisationJob", "Subsector"]
