"""BPS, SSK and MPS per kab/kota with versions, status, legal basis and files.

The method (guide edition) is versioned separately from the document (domain-ppsp.md §1
design consequence): `MethodVersion` and its `RequiredTable` list are data, seeded by a
migration and editable in the admin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.core.workflow import ensure_saved_by_engine
from ppsp.regions.models import Region


class DocType(models.TextChoices):
    BPS = "BPS", _("Buku Putih Sanitasi (BPS)")
    SSK = "SSK", _("Strategi Sanitasi Kabupaten/Kota (SSK)")
    MPS = "MPS", _("Memorandum Program Sanitasi (MPS)")


class Status(models.TextChoices):
    DRAFT = "draft", _("draf")
    SUBMITTED = "submitted", _("diajukan")
    REVIEWED = "reviewed", _("ditinjau")
    APPROVED = "approved", _("disahkan")
    SUPERSEDED = "superseded", _("digantikan")


class LegalKind(models.TextChoices):
    NONE = "", "-"
    PERBUP = "perbup", _("Peraturan Bupati")
    PERWAL = "perwal", _("Peraturan Wali Kota")
    SK = "sk", _("Surat Keputusan Kepala Daerah")


class MethodVersion(models.Model):
    """A guide edition, e.g. 'Buku Pedoman Pemutakhiran SSK 2016' (domain-ppsp.md §1)."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    doc_type = models.CharField(_("jenis dokumen"), max_length=3, choices=DocType.choices)
    name = models.CharField(_("nama pedoman"), max_length=200)
    year = models.PositiveSmallIntegerField(_("tahun"))
    source = models.TextField(_("sumber"), blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["doc_type", "year", "code"]
        verbose_name = _("versi pedoman")
        verbose_name_plural = _("versi pedoman")

    def __str__(self) -> str:
        return self.name


class RequiredTable(models.Model):
    """A table the SSK of one method version must contain (domain-ppsp.md §4.5)."""

    method_version = models.ForeignKey(
        MethodVersion, on_delete=models.CASCADE, related_name="required_tables"
    )
    key = models.SlugField(_("kunci"), max_length=60)
    name = models.CharField(_("nama tabel"), max_length=200)
    chapter = models.CharField(_("bab"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["method_version", "order", "key"]
        verbose_name = _("tabel wajib")
        verbose_name_plural = _("tabel wajib")
        constraints = [
            models.UniqueConstraint(fields=["method_version", "key"], name="required_table_key")
        ]

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kabupaten/kota")
    )
    doc_type = models.CharField(_("jenis dokumen"), max_length=3, choices=DocType.choices)
    method_version = models.ForeignKey(
        MethodVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("pedoman")
    )
    period_start = models.PositiveSmallIntegerField(_("tahun awal periode"))
    period_end = models.PositiveSmallIntegerField(_("tahun akhir periode"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["region__code", "doc_type", "-period_start"]
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "doc_type", "period_start"], name="document_unique_period"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="document_period_order",
                violation_error_message=_("Tahun akhir periode tidak boleh sebelum tahun awal."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.region.name} {self.period_start}–{self.period_end}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versi"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    summary = models.TextField(_("ringkasan / catatan perubahan"), blank=True)
    return_comment = models.TextField(_("catatan pengembalian"), blank=True)
    legal_kind = models.CharField(
        _("jenis dasar hukum"), max_length=8, choices=LegalKind.choices, blank=True
    )
    legal_number = models.CharField(_("nomor dasar hukum"), max_length=100, blank=True)
    legal_date = models.DateField(_("tanggal dasar hukum"), null=True, blank=True)
    filled_tables = models.ManyToManyField(
        RequiredTable, blank=True, related_name="+", verbose_name=_("tabel wajib yang terisi")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(_("disahkan pada"), null=True, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("versi dokumen")
        verbose_name_plural = _("versi dokumen")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Approval (and the pengesahan rule guarding it) only through the workflow engine:
        # a direct status change elsewhere (shell, a stray save(), admin) is refused.
        ensure_saved_by_engine(self, "status", (Status.APPROVED,))
        super().save(*args, **kwargs)

    @property
    def locked(self) -> bool:
        return self.status in (Status.APPROVED, Status.SUPERSEDED)


def _upload_to(instance: DocumentFile, filename: str) -> str:
    version = instance.version
    return (
        f"dokumen/{version.document.region.code}/{version.document_id}/v{version.number}/{filename}"
    )


class DocumentFile(models.Model):
    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="files")
    label = models.CharField(_("keterangan"), max_length=200, blank=True)
    file = models.FileField(_("berkas"), upload_to=_upload_to, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("berkas dokumen")
        verbose_name_plural = _("berkas dokumen")

    def __str__(self) -> str:
        return self.label or self.file.name


class SnapshotImmutable(Exception):
    """An approved snapshot is written once and never changed or deleted."""


class ApprovedSnapshot(models.Model):
    """The document model of an approved version, frozen at approval (issue 16).

    ``model`` is the bound document model the renderers consume (sections, tables,
    figures' data, narrative with placeholders filled), serialised to canonical JSON;
    ``sha256`` is the hash of that JSON. ``inputs`` lists the input keys the version bound
    (``{"plan": [7], "ehra_round": [2], "form2_year": [2025], ...}``): while this version
    is the latest of its document and approved, `ppsp.core.freeze` refuses writes to them.
    The DOCX/PDF rendered from ``model`` are `docgen.RenderedFile` rows pointing here.
    """

    version = models.OneToOneField(
        DocumentVersion, on_delete=models.PROTECT, related_name="snapshot"
    )
    region_code = models.CharField(_("kode kab/kota"), max_length=13, db_index=True)
    model = models.JSONField(_("model dokumen"))
    inputs = models.JSONField(_("data masukan yang terikat"), default=dict)
    sha256 = models.CharField(_("sha256 model"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("snapshot versi disahkan")
        verbose_name_plural = _("snapshot versi disahkan")

    def __str__(self) -> str:
        return f"snapshot {self.version} {self.sha256[:12]}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise SnapshotImmutable("Snapshot versi yang disahkan tidak dapat diubah.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise SnapshotImmutable("Snapshot versi yang disahkan tidak dapat dihapus.")
