"""Proses 4: the Lampiran 4 plan of a kab/kota, its programme rows, funding commitments and
the SWOT factors. Amounts are whole rupiah; five years from `Plan.first_year`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.mps.codes import Kategori, Sidlacom, Source, Subsector
from ppsp.regions.models import Region

YEARS = 5
AMOUNT_FIELDS = tuple(f"amount_{i}" for i in range(1, YEARS + 1))


class Plan(models.Model):
    """The program/kegiatan/indikasi pendanaan workbook of one kab/kota for one SSK window."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="mps_plans", verbose_name=_("kab/kota")
    )
    first_year = models.PositiveSmallIntegerField(_("tahun pertama"))
    # Tabel 5.1 row (a) per subsector in Rp, from the chosen scenario when the rows were made
    need_by_subsector = models.JSONField(_("kebutuhan Tabel 5.1 (Rp)"), default=dict, blank=True)
    komitmen_apbd = models.BigIntegerField(
        _("komitmen APBD kab/kota 5 tahun (Rp)"), null=True, blank=True
    )
    qa_done = models.JSONField(_("butir QA terpenuhi"), default=list, blank=True)
    externalised_at = models.DateTimeField(_("dieksternalisasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("rencana program (Lampiran 4)")
        constraints = [
            models.UniqueConstraint(fields=["region", "first_year"], name="mps_plan_region_year"),
        ]

    def __str__(self) -> str:
        return f"Lampiran 4 {self.region.code} {self.first_year}–{self.first_year + YEARS - 1}"

    @property
    def years(self) -> list[int]:
        return [self.first_year + i for i in range(YEARS)]


class KklLevel(models.TextChoices):
    PERMASALAHAN = "permasalahan", _("Permasalahan mendesak")
    ISU = "isu", _("Isu strategis")
    TUJUAN = "tujuan", _("Tujuan")
    SASARAN = "sasaran", _("Sasaran")
    STRATEGI = "strategi", _("Strategi")


class KklNode(models.Model):
    """One node of the Kerangka Kerja Logis tree (§13); rows link to a strategi node."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="kkl_nodes")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.CharField(_("tingkat"), max_length=20, choices=KklLevel.choices)
    subsector = models.CharField(
        _("subsektor"), max_length=20, choices=Subsector.choices, blank=True
    )
    text = models.CharField(_("uraian"), max_length=300)
    # sasaran only: indicator, baseline and targets per year ({"2027": 40.0, ...})
    indicator = models.CharField(_("indikator"), max_length=200, blank=True)
    baseline_value = models.DecimalField(
        _("nilai dasar"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("tahun dasar"), null=True, blank=True)
    targets = models.JSONField(_("target per tahun"), default=dict, blank=True)

    class Meta:
        verbose_name = _("simpul KKL")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.text}"


class RowStatus(models.TextChoices):
    PRIORITAS = "prioritas", _("Prioritas")
    DAFTAR_TUNGGU = "daftar_tunggu", _("Daftar Tunggu")


class ProgrammeRow(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rows")
    subsector = models.CharField(_("subsektor"), max_length=20, choices=Subsector.choices)
    program_code = models.CharField(_("kode program"), max_length=40, blank=True)
    program = models.CharField(_("program"), max_length=200)
    kegiatan_code = models.CharField(_("kode kegiatan/sub-kegiatan"), max_length=40, blank=True)
    kegiatan = models.CharField(_("kegiatan/sub-kegiatan"), max_length=250)
    kategori = models.CharField(_("kategori"), max_length=30, choices=Kategori.choices)
    sidlacom = models.CharField(_("tahap SIDLACOM"), max_length=1, choices=Sidlacom.choices)
    lokasi = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lokasi (desa)"),
    )
    zone = models.CharField(_("zona"), max_length=80, blank=True)
    volume = models.DecimalField(_("volume"), max_digits=12, decimal_places=2, default=0)
    unit = models.CharField(_("satuan"), max_length=30, blank=True)
    amount_1 = models.BigIntegerField(_("tahun 1 (Rp)"), default=0)
    amount_2 = models.BigIntegerField(_("tahun 2 (Rp)"), default=0)
    amount_3 = models.BigIntegerField(_("tahun 3 (Rp)"), default=0)
    amount_4 = models.BigIntegerField(_("tahun 4 (Rp)"), default=0)
    amount_5 = models.BigIntegerField(_("tahun 5 (Rp)"), default=0)
    # exactly one funding source per row (§11.2): a single required choice, checked below
    source = models.CharField(_("sumber pendanaan"), max_length=20, choices=Source.choices)
    opd = models.CharField(_("OPD pelaksana"), max_length=120, blank=True)
    priority = models.PositiveSmallIntegerField(_("peringkat prioritas"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=RowStatus.choices, default=RowStatus.PRIORITAS
    )
    origin = models.CharField(_("asal (skenario)"), max_length=200, blank=True)
    # MPS readiness criteria (§6.2): DED, lahan, kelembagaan
    ready_ded = models.BooleanField(_("DED siap"), default=False)
    ready_lahan = models.BooleanField(_("lahan siap"), default=False)
    ready_kelembagaan = models.BooleanField(_("kelembagaan siap"), default=False)
    strategi = models.ForeignKey(
        KklNode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rows",
        limit_choices_to={"level": "strategi"},
        verbose_name=_("strategi (KKL)"),
    )

    class Meta:
        verbose_name = _("baris program/kegiatan")
        ordering = ["subsector", "source", "priority", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=Source.values),
                name="mps_row_one_known_source",
                violation_error_message=_("Pilih satu sumber pendanaan yang dikenal."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    amount_1__gte=0,
                    amount_2__gte=0,
                    amount_3__gte=0,
                    amount_4__gte=0,
                    amount_5__gte=0,
                ),
                name="mps_row_amounts_nonnegative",
                violation_error_message=_("Jumlah per tahun tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kegiatan} ({self.get_source_display()})"

    @property
    def amounts(self) -> list[int]:
        return [getattr(self, f) for f in AMOUNT_FIELDS]

    @property
    def total(self) -> int:
        return sum(self.amounts)


class Party(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah Kabupaten/Kota")
    POKJA_PROVINSI = "pokja_provinsi", _("Pokja Provinsi")
    SATKER_KL = "satker_kl", _("Satker K/L")
    DONOR = "donor", _("Donor")
    SWASTA = "swasta", _("Swasta/CSR")
    MASYARAKAT = "masyarakat", _("Masyarakat")


class CommitmentKind(models.TextChoices):
    CASH = "cash", _("Tunai")
    LAHAN = "in_kind_lahan", _("Natura: lahan")
    TENAGA = "in_kind_tenaga", _("Natura: tenaga")
    MATERIAL = "in_kind_material", _("Natura: material")


class CommitmentStatus(models.TextChoices):
    INDIKASI = "indikasi", _("Indikasi")
    DISEPAKATI = "disepakati", _("Disepakati")
    DIANGGARKAN = "dianggarkan", _("Dianggarkan")
    DIREALISASI = "direalisasi", _("Direalisasi")


class InternalDocument(models.TextChoices):
    """Where the Pemda's own commitment is written (internalisasi, §12.2)."""

    RENSTRA = "renstra", _("Renstra OPD")
    RKPD = "rkpd", _("RKPD")
    APBD = "apbd", _("APBD")


def evidence_path(instance: FundingCommitment, filename: str) -> str:
    return f"mps/bukti/{instance.row.plan.region.code}/{filename}"


class FundingCommitment(models.Model):
    """A party's commitment to fund a row in one year. In-kind (natura) commitments are
    valued in Rp in `amount` and described in `description` (§12.3 pemasaran)."""

    row = models.ForeignKey(ProgrammeRow, on_delete=models.CASCADE, related_name="commitments")
    party = models.CharField(_("pihak"), max_length=20, choices=Party.choices)
    year = models.PositiveSmallIntegerField(_("tahun"))
    amount = models.BigIntegerField(_("nilai (Rp)"))
    kind = models.CharField(
        _("bentuk"), max_length=20, choices=CommitmentKind.choices, default=CommitmentKind.CASH
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.INDIKASI,
    )
    evidence = models.CharField(
        _("bukti (nomor surat/berita acara/tautan)"), max_length=250, blank=True
    )
    description = models.CharField(
        _("uraian natura (mis. lahan 200 m² di Desa X)"), max_length=250, blank=True
    )
    evidence_file = models.FileField(
        _("berkas bukti"), upload_to=evidence_path, blank=True, max_length=250
    )
    document = models.CharField(
        _("internalisasi ke dokumen"),
        max_length=10,
        choices=InternalDocument.choices,
        blank=True,
        help_text=_("Hanya untuk komitmen Pemerintah Kabupaten/Kota sendiri."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("komitmen pendanaan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="mps_commitment_amount",
                violation_error_message=_("Jumlah komitmen harus lebih dari nol."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_party_display()} {self.year}: Rp {self.amount:,}"


class SwotKind(models.TextChoices):
    S = "S", _("Kekuatan (S)")
    W = "W", _("Kelemahan (W)")
    O = "O", _("Peluang (O)")  # noqa: E741
    T = "T", _("Ancaman (T)")


class SwotFactor(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="swot_factors")
    subsector = models.CharField(_("subsektor"), max_length=20, choices=Subsector.choices)
    kind = models.CharField(_("jenis"), max_length=1, choices=SwotKind.choices)
    text = models.CharField(_("faktor"), max_length=250)
    weight = models.DecimalField(_("bobot"), max_digits=4, decimal_places=3)
    score = models.DecimalField(_("skor"), max_digits=3, decimal_places=1)

    class Meta:
        verbose_name = _("faktor SWOT")
        ordering = ["subsector", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=0, weight__lte=1),
                name="mps_swot_weight_range",
                violation_error_message=_("Bobot harus antara 0 dan 1."),
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=5),
                name="mps_swot_score_range",
                violation_error_message=_("Skor harus antara 0 dan 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


class MpsSignOff(models.Model):
    """Sign-off of the annual MPS by one party (the memorandum is a joint commitment)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sign_offs")
    year = models.PositiveSmallIntegerField(_("tahun"))
    party = models.CharField(_("pihak"), max_length=20, choices=Party.choices)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("ditandatangani pada"), auto_now_add=True)
    note = models.CharField(_("catatan"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("persetujuan MPS")
        constraints = [
            models.UniqueConstraint(fields=["plan", "year", "party"], name="mps_signoff_once"),
        ]

    def __str__(self) -> str:
        return f"MPS {self.year}: {self.get_party_display()}"


class NomenclatureCode(models.Model):
    """One program/kegiatan/sub-kegiatan code (Permendagri 90/2019 for APBD, Cipta Karya/PPLP
    for APBN); seeded from data/nomenclature.csv, extended by the PMU in the admin."""

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=250)
    level = models.CharField(
        _("tingkat"),
        max_length=20,
        choices=[
            ("program", _("Program")),
            ("kegiatan", _("Kegiatan")),
            ("sub_kegiatan", _("Sub-kegiatan")),
        ],
    )
    system = models.CharField(
        _("sistem"), max_length=10, choices=[("APBD", "APBD (SIPD)"), ("APBN", "APBN")]
    )
    urusan = models.CharField(_("urusan/unit"), max_length=60, blank=True)
    subsector = models.CharField(
        _("subsektor"), max_length=20, choices=Subsector.choices, blank=True
    )
    status = models.CharField(_("status verifikasi"), max_length=40, blank=True)
    note = models.CharField(_("catatan"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("kode nomenklatur")
        ordering = ["system", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def to_verify(self) -> bool:
        return self.status.startswith("[R]")
