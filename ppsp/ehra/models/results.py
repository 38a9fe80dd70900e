"""Stored results of a round: IRS per desa, persepsi OPD, area berisiko per component."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.ehra.models.survey import SurveyRound
from ppsp.regions.models import Region


class DesaResult(models.Model):
    """IRS of one desa from approved records (component scores 0–100, IRS 0–500)."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="results")
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    households = models.PositiveIntegerField(_("rumah tangga (disetujui)"))
    sumber_air = models.FloatField(null=True)
    air_limbah = models.FloatField(null=True)
    persampahan = models.FloatField(null=True)
    genangan = models.FloatField(null=True)
    phbs = models.FloatField(null=True)
    irs = models.FloatField(_("IRS"), null=True)
    irs_class = models.PositiveSmallIntegerField(_("kelas IRS"), default=0)
    indicators = models.JSONField(default=dict)  # key -> [at_risk, denominator, percent]
    ladder = models.JSONField(default=dict)  # rung label -> [count, percent]

    class Meta:
        ordering = ["-irs", "desa__code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "desa"], name="ehra_result_unique_desa")
        ]

    def __str__(self) -> str:
        return f"IRS {self.desa_id}: {self.irs}"


class OpdSubmission(models.Model):
    """A rater's persepsi OPD for a round is final once submitted (then results show)."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="opd_sent")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opd = models.CharField(_("OPD"), max_length=150, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "rater"], name="ehra_opd_submit_once")
        ]

    def __str__(self) -> str:
        return f"Persepsi OPD {self.rater_id} {self.survey_id}"


class OpdRating(models.Model):
    """One raw score 1–4 of one rater for a desa × SSK component; all kept."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="opd_ratings")
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    component = models.CharField(max_length=12)
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "desa", "component", "rater"], name="ehra_opd_one_score"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=4),
                name="ehra_opd_score_1_4",
                violation_error_message=_("Skor persepsi OPD harus antara 1 dan 4."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.component}: {self.score}"


class AreaRisk(models.Model):
    """IMPACT × EXPOSURE of one desa and SSK component; Pokja override kept beside it."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="areas")
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    component = models.CharField(max_length=12)
    impact = models.FloatField(null=True)
    s_sek = models.FloatField(_("skor data sekunder"), null=True)
    s_irs = models.PositiveSmallIntegerField(default=0)
    s_opd = models.FloatField(null=True)
    exposure = models.FloatField(null=True)
    area = models.FloatField(null=True)
    risk_class = models.PositiveSmallIntegerField(_("kelas hitungan"), default=0)
    override_class = models.PositiveSmallIntegerField(_("kelas hasil verifikasi"), null=True)
    override_reason = models.TextField(_("alasan"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["component", "desa__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "desa", "component"], name="ehra_area_unique_cell"
            )
        ]

    def __str__(self) -> str:
        return f"Area berisiko {self.component} {self.desa_id}"

    @property
    def final_class(self) -> int:
        from ppsp.compute.area_risk import final_class  # the one rule (ehra.figures)

        return final_class(self.risk_class, self.override_class)
