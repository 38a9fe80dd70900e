"""Konsultasi publik on a draft SSK (Proses 5, domain-ppsp.md §3.2; anchors-systems.md §7.4).

A consultation belongs to one DocumentVersion. Its paragraphs are a snapshot of the version
taken when it was created, so paragraph numbers in comments stay stable while the Pokja
edits the draft. Comments are never deleted: spam is held (status pending/spam), not
dropped. Contacts are private; blocking uses keyed hashes only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.cycles.models import UpdateCycle
from ppsp.documents.models import DocumentVersion
from ppsp.regions.models import Region


class ConsultationState(models.TextChoices):
    DRAFT = "draft", _("belum diterbitkan")
    OPEN = "open", _("dibuka")
    CLOSED = "closed", _("ditutup")
    DISAHKAN = "disahkan", _("disahkan")


PUBLISHED_STATES = (ConsultationState.OPEN, ConsultationState.CLOSED, ConsultationState.DISAHKAN)


class Consultation(models.Model):
    version = models.OneToOneField(
        DocumentVersion,
        on_delete=models.PROTECT,
        related_name="consultation",
        verbose_name=_("versi dokumen"),
    )
    cycle = models.ForeignKey(
        UpdateCycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("siklus pemutakhiran"),
    )
    title = models.CharField(_("judul"), max_length=200)
    introduction = models.TextField(_("pengantar"), blank=True)
    opens_on = models.DateField(_("dibuka tanggal"))
    closes_on = models.DateField(_("ditutup tanggal"))
    premoderation = models.BooleanField(
        _("pra-moderasi"),
        default=True,
        help_text=_("Komentar baru tampil setelah disetujui moderator."),
    )
    state = models.CharField(
        _("status"), max_length=10, choices=ConsultationState.choices, default="draft"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    # The full draft offered to the public: one rendered PDF of `version`, fixed when the
    # consultation is published (ppsp.consultation.services.draft), served only by a view.
    draft_pdf = models.ForeignKey(
        "docgen.RenderedFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draf lengkap (PDF)"),
    )
    draft_pages = models.PositiveIntegerField(_("jumlah halaman draf"), null=True, blank=True)

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("konsultasi publik")
        verbose_name_plural = _("konsultasi publik")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_period_order",
                violation_error_message=_("Tanggal tutup tidak boleh sebelum tanggal buka."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def region_code(self) -> str:
        return self.version.document.region.code

    @property
    def published(self) -> bool:
        return self.state in PUBLISHED_STATES


class Paragraph(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="paragraphs"
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    heading = models.CharField(_("bab/bagian"), max_length=200, blank=True)
    text = models.TextField(_("teks"))

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragraf")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="paragraph_number")
        ]

    def __str__(self) -> str:
        return f"¶{self.number}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("menunggu moderasi")
    APPROVED = "approved", _("ditampilkan")
    HIDDEN = "hidden", _("disembunyikan")
    SPAM = "spam", _("spam")


class CommentSource(models.TextChoices):
    WEB = "web", _("formulir daring")
    MEETING = "meeting", _("pertemuan publik")


class PublicMeeting(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="meetings"
    )
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    title = models.CharField(_("acara"), max_length=200)
    minutes = models.TextField(_("notulen"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "held_on", "id"]
        verbose_name = _("pertemuan publik")
        verbose_name_plural = _("pertemuan publik")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d-%m-%Y}, {self.place})"

    @property
    def attendees(self) -> int:
        return sum(a.male + a.female for a in self.attendance.all())


class AttendeeGroup(models.TextChoices):
    MASYARAKAT = "masyarakat", _("masyarakat/warga")
    PEMERINTAH = "pemerintah", _("pemerintah daerah/OPD")
    DESA = "desa", _("pemerintah desa/kelurahan")
    LSM = "lsm", _("LSM/ormas")
    SWASTA = "swasta", _("swasta/CSR")
    AKADEMISI = "akademisi", _("perguruan tinggi")
    MEDIA = "media", _("media")


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(PublicMeeting, on_delete=models.CASCADE, related_name="attendance")
    group = models.CharField(_("kelompok"), max_length=12, choices=AttendeeGroup.choices)
    male = models.PositiveIntegerField(_("laki-laki"), default=0)
    female = models.PositiveIntegerField(_("perempuan"), default=0)

    class Meta:
        ordering = ["meeting", "group"]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "group"], name="meeting_attendance_group")
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()}: {self.male} L, {self.female} P"


class Comment(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("paragraf"),
    )
    # The chapter/section of the document outline the comment cites (docgen.outlines
    # number, e.g. "2.4"), its heading as shown when the comment was written, and a page.
    section = models.CharField(_("bab/bagian dokumen"), max_length=10, blank=True, db_index=True)
    section_title = models.CharField(_("judul bab/bagian"), max_length=200, blank=True)
    page = models.PositiveSmallIntegerField(_("halaman"), null=True, blank=True)
    body = models.TextField(_("komentar"))
    name = models.CharField(_("nama"), max_length=120, blank=True)
    organisation = models.CharField(_("organisasi/lembaga"), max_length=160, blank=True)
    desa = models.CharField(_("desa/kelurahan"), max_length=120, blank=True)
    # Private: never shown on public pages; only its keyed hash is used for blocking.
    contact = models.CharField(_("kontak (tidak ditampilkan)"), max_length=160, blank=True)
    contact_digest = models.CharField(max_length=64, blank=True, db_index=True)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)  # hash(IP + UA)
    source = models.CharField(
        _("sumber"), max_length=8, choices=CommentSource.choices, default=CommentSource.WEB
    )
    meeting = models.ForeignKey(
        PublicMeeting, on_delete=models.PROTECT, null=True, blank=True, related_name="inputs"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    suspected = models.BooleanField(_("diduga spam"), default=False)
    spam_score = models.FloatField(_("skor spam"), default=0.0)
    spam_reasons = models.JSONField(_("alasan dugaan spam"), default=list, blank=True)
    # Secret key of the commenter's own page (status and tanggapan of their comment).
    token = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.TextField(_("alasan moderasi"), blank=True)

    class Meta:
        ordering = ["consultation", "created_at", "id"]
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        indexes = [models.Index(fields=["consultation", "status"], name="comment_queue")]

    def __str__(self) -> str:
        where = f"¶{self.paragraph.number}" if self.paragraph_id and self.paragraph else "umum"
        return f"Komentar #{self.pk} ({where})"

    @property
    def citation(self) -> str:
        """The cited place in the document: 'Bab II … (hlm. 12)', '' when none."""
        parts = [self.section_title or self.section]
        if self.page:
            parts.append(f"hlm. {self.page}")
        return ", ".join(p for p in parts if p)

    @property
    def author(self) -> str:
        parts = [p for p in (self.name, self.organisation, self.desa) if p]
        return ", ".join(parts) or "Anonim"


class Decision(models.TextChoices):
    DITERIMA = "diterima", _("diterima")
    SEBAGIAN = "sebagian", _("diterima sebagian")
    TIDAK = "tidak", _("tidak diterima")


class Response(models.Model):
    """Tanggapan Pokja on one accepted comment: a row of the tanggapan matrix."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="response")
    decision = models.CharField(_("keputusan"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("alasan/tanggapan"))
    section_changed = models.CharField(_("bagian yang diubah"), max_length=200, blank=True)
    # "Diakomodasi": the comment changed the final document, in this outline section.
    accommodated = models.BooleanField(_("diakomodasi"), default=False)
    changed_section = models.CharField(
        _("bab/bagian yang diubah"), max_length=10, blank=True, db_index=True
    )
    changed_section_title = models.CharField(
        _("judul bab/bagian yang diubah"), max_length=200, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tanggapan")
        verbose_name_plural = _("tanggapan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accommodated=False)
                | (~models.Q(changed_section="") & ~models.Q(decision="tidak")),
                name="response_accommodated_section",
                violation_error_message=_(
                    "Masukan yang diakomodasi harus diterima (seluruhnya atau sebagian) dan "
                    "menyebut bab/bagian yang diubah."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"Tanggapan {self.comment}: {self.get_decision_display()}"


class BlockKind(models.TextChoices):
    CONTACT = "contact", _("kontak")
    FINGERPRINT = "fingerprint", _("sidik perangkat (IP + peramban)")


class SenderBlock(models.Model):
    """A blocked sender within one kab/kota: a keyed hash, never the contact or IP itself."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("jenis"), max_length=12, choices=BlockKind.choices)
    digest = models.CharField(max_length=64)
    reason = models.TextField(_("alasan"))
    source_comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pengirim diblokir")
        verbose_name_plural = _("pengirim diblokir")
        constraints = [
            models.UniqueConstraint(fields=["region", "kind", "digest"], name="sender_block_unique")
        ]

    def __str__(self) -> str:
        return f"Blokir {self.get_kind_display()} {self.digest[:8]}…"
