"""Users and their role assignments (role + region scope + validity dates), DESIGN.md §1."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Level, Region


class User(AbstractUser):
    """Custom user from day one; `full_name` replaces the first/last name split."""

    full_name = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    # Replaced whenever one of the user's role assignments changes (see the receiver below):
    # the per-process cache of role scopes (ppsp.core.scope) is keyed by it, so a change is
    # seen by every web process on the user's next request.
    roles_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.username


class Role(models.TextChoices):
    PMU = "pmu", _("PMU / Pokja Nasional")
    POKJA_PROVINSI = "pokja_provinsi", _("Pokja Provinsi")
    PF = "pf", _("Fasilitator Provinsi (PF)")
    CF = "cf", _("Fasilitator Kab/Kota (CF)")
    POKJA_KABKOTA = "pokja_kabkota", _("Pokja Kab/Kota")
    KEPALA_DAERAH = "kepala_daerah", _("Kepala Daerah")
    PUBLIC = "public", _("Publik")


# The level of region a role is scoped to; None = no region (national or public).
ROLE_SCOPE_LEVEL: dict[str, int | None] = {
    Role.PMU: None,
    Role.POKJA_PROVINSI: Level.PROVINSI,
    Role.PF: Level.PROVINSI,
    Role.CF: Level.KABKOTA,
    Role.POKJA_KABKOTA: Level.KABKOTA,
    Role.KEPALA_DAERAH: Level.KABKOTA,
    Role.PUBLIC: None,
}


class PokjaPosition(models.TextChoices):
    NONE = "", "-"
    KETUA = "ketua", _("Ketua")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    ANGGOTA = "anggota", _("Anggota")


class RoleAssignmentQuerySet(models.QuerySet["RoleAssignment"]):
    def active(self, on: dt.date | None = None) -> RoleAssignmentQuerySet:
        day = on or timezone.localdate()
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wilayah"),
    )
    position = models.CharField(
        _("jabatan dalam Pokja"), max_length=12, choices=PokjaPosition.choices, blank=True
    )
    opd = models.CharField(_("OPD"), max_length=150, blank=True)
    valid_from = models.DateField(_("berlaku sejak"))
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["user__username", "role"]
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="assignment_valid_range",
                violation_error_message=_("Tanggal berakhir tidak boleh sebelum tanggal berlaku."),
            )
        ]

    def __str__(self) -> str:
        where = self.region.code if self.region_id and self.region else "nasional"
        return f"{self.user} — {self.get_role_display()} ({where})"


@receiver([post_save, post_delete], sender=RoleAssignment)
def _renew_roles_token(sender: Any, instance: RoleAssignment, **kwargs: Any) -> None:
    User.objects.filter(pk=instance.user_id).update(roles_token=uuid.uuid4())
