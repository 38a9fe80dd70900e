"""Trained spam classifier versions of the konsultasi publik (weights stored as JSON)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SpamModelVersion(models.Model):
    """A trained spam classifier (JSON weights, ppsp.compute.spam.SpamModel); one active."""

    number = models.PositiveIntegerField(_("versi"), unique=True)
    weights = models.TextField(_("bobot (JSON)"))
    trained_on = models.JSONField(_("data latih"), default=dict)
    holdout = models.JSONField(_("hasil uji"), default=dict, blank=True)
    active = models.BooleanField(_("aktif"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("versi model spam")
        verbose_name_plural = _("versi model spam")
        constraints = [
            models.UniqueConstraint(
                fields=["active"],
                condition=models.Q(active=True),
                name="one_active_spam_model",
                violation_error_message=_("Hanya satu model spam yang boleh aktif."),
            )
        ]

    def __str__(self) -> str:
        return f"Model spam v{self.number}"
