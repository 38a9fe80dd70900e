"""Proses 1 (internalisasi dan penyamaan persepsi) outputs: rencana kerja and meetings.

The updated SK Pokja is stored on the cycle itself (number and date).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.cycles.models.cycle import UpdateCycle


class WorkPlanActivity(models.Model):
    cycle = models.ForeignKey(UpdateCycle, on_delete=models.CASCADE, related_name="activities")
    activity = models.CharField(_("kegiatan"), max_length=250)
    responsible_opd = models.CharField(_("OPD penanggung jawab"), max_length=200)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))

    class Meta:
        ordering = ["cycle", "start_date", "id"]
        verbose_name = _("kegiatan rencana kerja")
        verbose_name_plural = _("rencana kerja Pokja")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="work_plan_dates_order",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            )
        ]

    def __str__(self) -> str:
        return self.activity


class Meeting(models.Model):
    cycle = models.ForeignKey(UpdateCycle, on_delete=models.CASCADE, related_name="meetings")
    process_number = models.PositiveSmallIntegerField(_("proses ke"), default=1)
    held_on = models.DateField(_("tanggal rapat"))
    title = models.CharField(_("agenda"), max_length=250)
    attendees_male = models.PositiveIntegerField(_("peserta laki-laki"), default=0)
    attendees_female = models.PositiveIntegerField(_("peserta perempuan"), default=0)
    agreements = models.TextField(_("kesepakatan"))

    class Meta:
        ordering = ["cycle", "held_on", "id"]
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"

    @property
    def attendees(self) -> int:
        return self.attendees_male + self.attendees_female
