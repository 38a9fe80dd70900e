"""Programme tracking (issue 4 part A): participation, stages, Pokja, facilitators.

Stages and phases are data (seeded by migration 0002), not code: the six PPSP stages
(domain-ppsp.md §2.1) and the programme phases PPSP 1 (2010–2014) and PPSP 2 (2015–2019);
later phases are added as rows. `Participation.current_stage`/`current_status` are
denormalised from the stage records by the services so dashboards count with one
grouped query.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class Phase(models.Model):
    name = models.CharField(_("nama fase"), max_length=60, unique=True)
    start_year = models.PositiveSmallIntegerField(_("tahun mulai"))
    end_year = models.PositiveSmallIntegerField(_("tahun selesai"))

    class Meta:
        ordering = ["start_year"]
        verbose_name = _("fase program")
        verbose_name_plural = _("fase program")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="phase_year_order",
                violation_error_message=_("Tahun akhir tidak boleh sebelum tahun awal."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}–{self.end_year})"


class Stage(models.Model):
    number = models.PositiveSmallIntegerField(_("nomor tahapan"), unique=True)
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama tahapan"), max_length=120)
    older_name = models.CharField(_("nama lama (2010–2012)"), max_length=160, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("tahapan PPSP")
        verbose_name_plural = _("tahapan PPSP")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class StageStatus(models.TextChoices):
    BELUM_MULAI = "belum_mulai", _("belum mulai")
    BERJALAN = "berjalan", _("berjalan")
    SELESAI = "selesai", _("selesai")
    TERLAMBAT = "terlambat", _("terlambat")


class Participation(models.Model):
    region = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        related_name="participation",
        verbose_name=_("kabupaten/kota"),
    )
    cohort_year = models.PositiveSmallIntegerField(_("tahun kohort (masuk PPSP)"))
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("fase")
    )
    current_stage = models.ForeignKey(
        Stage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tahapan saat ini"),
    )
    current_status = models.CharField(
        _("status tahapan saat ini"), max_length=12, choices=StageStatus.choices, blank=True
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("kepesertaan PPSP")
        verbose_name_plural = _("kepesertaan PPSP")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cohort_year__gte=2000, cohort_year__lte=2100),
                name="participation_cohort_range",
                violation_error_message=_("Tahun angkatan harus antara 2000 dan 2100."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.region.code} kohort {self.cohort_year}"


def evidence_path(instance: StageRecord, filename: str) -> str:
    return f"programme/bukti/{instance.participation.region.code}/{filename}"


class StageRecord(models.Model):
    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="stage_records"
    )
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, verbose_name=_("tahapan"))
    status = models.CharField(
        _("status"), max_length=12, choices=StageStatus.choices, default=StageStatus.BELUM_MULAI
    )
    start_date = models.DateField(_("tanggal mulai"), null=True, blank=True)
    end_date = models.DateField(_("tanggal selesai"), null=True, blank=True)
    due_date = models.DateField(_("batas waktu"), null=True, blank=True)
    evidence = models.FileField(_("berkas bukti"), upload_to=evidence_path, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        ordering = ["participation", "start_date", "stage__number", "id"]
        verbose_name = _("catatan tahapan")
        verbose_name_plural = _("catatan tahapan")
        indexes = [models.Index(fields=["stage", "start_date"], name="stage_record_stage_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="stage_record_date_order",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.participation.region.code} · {self.stage} · {self.get_status_display()}"


class Opd(models.Model):
    """Organisasi Perangkat Daerah of one kab/kota (Pokja members come from 5–9 of them)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="opds", verbose_name=_("kabupaten/kota")
    )
    name = models.CharField(_("nama OPD"), max_length=150)
    short_name = models.CharField(_("singkatan"), max_length=40, blank=True)

    class Meta:
        ordering = ["region__code", "name"]
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="opd_region_name")]

    def __str__(self) -> str:
        return self.short_name or self.name


class PokjaSk(models.Model):
    """One Surat Keputusan forming the Pokja; a new SK is a new row, older ones are kept."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="pokja_sks", verbose_name=_("kabupaten/kota")
    )
    number = models.CharField(_("nomor SK"), max_length=120)
    date = models.DateField(_("tanggal SK"))
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["region__code", "-date", "-id"]
        verbose_name = _("SK Pokja")
        verbose_name_plural = _("SK Pokja")
        constraints = [
            models.UniqueConstraint(fields=["region", "number"], name="pokja_sk_region_number")
        ]

    def __str__(self) -> str:
        return f"SK {self.number} ({self.date:%d-%m-%Y})"


class PokjaRole(models.TextChoices):
    KETUA = "ketua", _("Ketua")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    ANGGOTA = "anggota", _("Anggota")


class PokjaMember(models.Model):
    sk = models.ForeignKey(PokjaSk, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("nama"), max_length=150)
    role = models.CharField(_("jabatan"), max_length=12, choices=PokjaRole.choices)
    opd = models.ForeignKey(
        Opd, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("OPD")
    )
    position = models.CharField(_("jabatan di OPD"), max_length=120, blank=True)
    # a member who leaves stays in the SK's history: ended, never deleted
    ended_on = models.DateField(_("berhenti pada"), null=True, blank=True)
    end_reason = models.CharField(_("alasan berhenti"), max_length=200, blank=True)

    class Meta:
        ordering = ["sk", "role", "full_name"]
        verbose_name = _("anggota Pokja")
        verbose_name_plural = _("anggota Pokja")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"


MAX_PF_PER_PROVINCE = 3  # domain-ppsp §2.3: up to three PF per province


class FacilitatorKind(models.TextChoices):
    PF = "pf", _("Fasilitator Provinsi (PF)")
    CF = "cf", _("Fasilitator Kab/Kota (CF)")


class FacilitatorAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitator_assignments",
        verbose_name=_("fasilitator"),
    )
    kind = models.CharField(_("jenis"), max_length=2, choices=FacilitatorKind.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah tugas")
    )
    contract_year = models.PositiveSmallIntegerField(_("tahun kontrak"))
    # an assignment that ends early stays in the history: ended, never deleted
    ended_on = models.DateField(_("berakhir pada"), null=True, blank=True)
    end_reason = models.CharField(_("alasan berakhir"), max_length=200, blank=True)

    class Meta:
        ordering = ["-contract_year", "region__code", "kind"]
        verbose_name = _("penugasan fasilitator")
        verbose_name_plural = _("penugasan fasilitator")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "contract_year"],
                condition=models.Q(kind="cf", ended_on__isnull=True),
                name="one_cf_per_kabkota_year",
                violation_error_message=_(
                    "Kabupaten/kota ini sudah mempunyai Fasilitator Kab/Kota (CF) "
                    "untuk tahun kontrak ini."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "region", "contract_year"], name="assignment_user_region_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind.upper()} {self.region.code} · {self.contract_year}"


class FacilitatorTraining(models.Model):
    """Training given by the central government to PF/CF before assignment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitator_trainings",
        verbose_name=_("fasilitator"),
    )
    title = models.CharField(_("nama pelatihan"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=150, default="Pemerintah Pusat")
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    certificate = models.CharField(_("nomor sertifikat"), max_length=80, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("pelatihan fasilitator")
        verbose_name_plural = _("pelatihan fasilitator")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="training_date_order",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%Y})"
