"""The self-assessment checklist before pengesahan and the pengesahan record itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.consultation.models.consultation import Consultation
from ppsp.documents.models import LegalKind


class QaRule(models.TextChoices):
    MANUAL = "manual", _("diperiksa manual")
    CONSULTATION_CLOSED = "closed", _("konsultasi publik sudah ditutup")
    QUEUE_EMPTY = "queue_empty", _("tidak ada komentar yang menunggu moderasi")
    ALL_ANSWERED = "all_answered", _("setiap komentar yang diterima sudah ditanggapi")
    TABLES_FILLED = "tables_filled", _("semua tabel wajib terisi")
    MEETING_HELD = "meeting_held", _("minimal satu pertemuan publik tercatat")


class QaItem(models.Model):
    """One line of the self-assessment checklist before pengesahan (data, editable in admin)."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("butir pemeriksaan"), max_length=250)
    rule = models.CharField(_("aturan"), max_length=14, choices=QaRule.choices)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("butir swa-penilaian")
        verbose_name_plural = _("butir swa-penilaian")

    def __str__(self) -> str:
        return self.label


class QaCheck(models.Model):
    """A manual checklist item ticked (or unticked) by the Pokja for one consultation."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="qa_checks"
    )
    item = models.ForeignKey(QaItem, on_delete=models.CASCADE, related_name="+")
    passed = models.BooleanField(_("terpenuhi"), default=False)
    note = models.TextField(_("catatan"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hasil swa-penilaian")
        verbose_name_plural = _("hasil swa-penilaian")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "item"], name="qa_check_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {'ya' if self.passed else 'belum'}"


def _signed_upload_to(instance: Pengesahan, filename: str) -> str:
    return f"pengesahan/{instance.consultation.region_code}/{instance.consultation_id}/{filename}"


class Pengesahan(models.Model):
    """The Kepala Daerah's approval of the consulted version (legal basis + signed file)."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.PROTECT, related_name="pengesahan"
    )
    legal_kind = models.CharField(_("bentuk hukum"), max_length=8, choices=LegalKind.choices)
    number = models.CharField(_("nomor"), max_length=100)
    date = models.DateField(_("tanggal"))
    signed_file = models.FileField(
        _("berkas bertanda tangan"), upload_to=_signed_upload_to, max_length=300, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengesahan")
        verbose_name_plural = _("pengesahan")

    def __str__(self) -> str:
        return f"{self.get_legal_kind_display()} Nomor {self.number}"
