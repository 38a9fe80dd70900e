"""Narrative text per section and rendered files, both kept with a document version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.documents.models import ApprovedSnapshot, DocumentVersion


class SectionText(models.Model):
    """The Pokja's words for one outline section of one document version."""

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.CASCADE, related_name="section_texts"
    )
    section = models.CharField(_("bagian"), max_length=10)
    # "" = the Pokja's own text of the section; else the key of the drafted paragraph
    # (ppsp.docgen.analysis) the Pokja edited or replaced
    paragraph = models.CharField(_("paragraf"), max_length=80, blank=True, default="")
    text = models.TextField(_("narasi"), blank=True)
    # SHA-256 of the figures under the drafted paragraph when it was edited
    data_hash = models.CharField(_("hash data"), max_length=64, blank=True, default="")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["version", "section", "paragraph"]
        verbose_name = _("narasi bagian")
        verbose_name_plural = _("narasi bagian")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "section", "paragraph"], name="docgen_section_paragraph_unique"
            )
        ]

    def __str__(self) -> str:
        suffix = f" ¶{self.paragraph}" if self.paragraph else ""
        return f"{self.version} §{self.section}{suffix}"


class Format(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class RenderState(models.TextChoices):
    QUEUED = "queued", _("menunggu")
    RUNNING = "running", _("sedang dibuat")
    DONE = "done", _("selesai")
    FAILED = "failed", _("gagal")


def _upload_to(instance: RenderedFile, filename: str) -> str:
    version = instance.version
    document = version.document
    return f"dokumen/{document.region.code}/{document.pk}/v{version.number}/generated/{filename}"


class RenderedFile(models.Model):
    """One generated DOCX or PDF of a version, with progress and a sha256 checksum."""

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.CASCADE, related_name="rendered_files"
    )
    fmt = models.CharField(_("format"), max_length=4, choices=Format.choices)
    state = models.CharField(
        _("status"), max_length=8, choices=RenderState.choices, default=RenderState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    file = models.FileField(_("berkas"), upload_to=_upload_to, max_length=300, blank=True)
    sha256 = models.CharField(_("sha256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    seconds = models.FloatField(_("lama (detik)"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)
    # the data tables as rendered: [{"number", "title", "header", "rows"}], for version diffs
    tables = models.JSONField(_("tabel data"), default=list, blank=True)
    # set for the files of an approved version: rendered from this snapshot, never from data
    snapshot = models.ForeignKey(
        ApprovedSnapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rendered_files",
        verbose_name=_("snapshot"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dokumen hasil susun")
        verbose_name_plural = _("dokumen hasil susun")

    def __str__(self) -> str:
        return f"{self.version} {self.fmt}"

    def job_stopped(self, state: str, message: str) -> None:
        """Its background job was cancelled or lost its worker for good (ppsp.core.jobs)."""
        RenderedFile.objects.filter(
            pk=self.pk, state__in=[RenderState.QUEUED, RenderState.RUNNING]
        ).update(state=RenderState.FAILED, error=message, finished_at=timezone.now())
