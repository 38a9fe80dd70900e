"""Audit trail: one row per change made through a service (who, when, what, old -> new)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("dibuat")
    UPDATE = "update", _("diubah")
    DELETE = "delete", _("dihapus")
    TRANSITION = "transition", _("status berubah")
    IMPORT = "import", _("impor")
    LOGIN = "login", _("masuk")
    PASSWORD = "password", _("kata sandi diganti")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    action = models.CharField(_("tindakan"), max_length=12, choices=Action.choices)
    object_type = models.CharField(_("jenis objek"), max_length=80)  # "app_label.model"
    object_id = models.CharField(_("id objek"), max_length=64)
    object_repr = models.CharField(_("objek"), max_length=200)
    # [{"field": ..., "old": ..., "new": ...}, ...]; values are JSON-safe strings/numbers.
    changes = models.JSONField(_("perubahan"), default=list, blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    # Region code the object belongs to, so audit lists can be scoped like everything else.
    region_code = models.CharField(max_length=13, blank=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"
