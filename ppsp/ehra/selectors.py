"""Reads of EHRA rounds and results, always through the user's scope; helpers answer 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.ehra.models import (
    AreaRisk,
    DesaResult,
    Household,
    ImportRun,
    SurveyRound,
)


def get_round_for_user(
    user: Any, pk: int, *, permission: Permission = Permission.VIEW_EHRA
) -> SurveyRound:
    return object_for_user(user, SurveyRound, pk, permission, "region.code")


def get_household_for_user(
    user: Any, pk: int, *, permission: Permission = Permission.VIEW_EHRA
) -> Household:
    rows = Household.objects.select_related("survey__region", "desa", "reviewed_by")
    return object_for_user(user, rows, pk, permission, "desa.code")


def get_import_for_user(user: Any, pk: int) -> ImportRun:
    return object_for_user(user, ImportRun, pk, Permission.VIEW_EHRA, "survey.region.code")


def get_area_for_user(
    user: Any, pk: int, *, permission: Permission = Permission.VIEW_EHRA
) -> AreaRisk:
    rows = AreaRisk.objects.select_related("survey__region", "desa", "override_by")
    return object_for_user(user, rows, pk, permission, "desa.code")


def final_class_is(risk_class: int) -> Q:
    """Areas whose final class (``AreaRisk.final_class``: the Pokja override when there is
    one, else the computed class) is ``risk_class``, as a query filter."""
    return Q(override_class=risk_class) | Q(override_class__isnull=True, risk_class=risk_class)


def visible_rounds(user: Any) -> QuerySet[SurveyRound]:
    scope = scope_for(user, Permission.VIEW_EHRA)
    if scope.empty:
        return SurveyRound.objects.none()
    return SurveyRound.objects.filter(scope.region_q("region__")).select_related("region")


def state_counts(survey: SurveyRound) -> dict[str, int]:
    rows = survey.households.values("state").annotate(n=Count("pk")).order_by()
    return {r["state"]: r["n"] for r in rows}


def households_of(survey: SurveyRound, state: str = "") -> QuerySet[Household]:
    qs = survey.households.select_related("desa", "desa__parent").order_by(
        "desa__code", "submission_id"
    )
    return qs.filter(state=state) if state else qs


def ranked_results(survey: SurveyRound) -> QuerySet[DesaResult]:
    return survey.results.select_related("desa", "desa__parent").order_by("-irs", "desa__code")


def areas_of(survey: SurveyRound, component: str) -> QuerySet[AreaRisk]:
    return (
        survey.areas.filter(component=component)
        .select_related("desa", "desa__parent", "override_by")
        .order_by("-area", "desa__code")
    )


def rounds_hidden_from(user: Any) -> QuerySet[SurveyRound]:
    """Blind rule (ehra-risk.md §6): the rounds whose EHRA results ``user`` may not see yet.

    While a round's OPD scoring is open, a user who holds RUN_EHRA for its kab/kota (not
    nationally) and has not submitted a persepsi OPD sees no IRS or area berisiko. The one
    statement of the rule: pages ask ``results_hidden_for``, the API excludes these rounds.
    """
    raters = scope_for(user, Permission.RUN_EHRA)
    if raters.national or raters.empty:
        return SurveyRound.objects.none()
    return (
        SurveyRound.objects.filter(opd_open=True)
        .filter(raters.region_q("region__"))
        .exclude(opd_sent__rater=user)
    )


def results_hidden_for(user: Any, survey: SurveyRound) -> bool:
    """True when the blind rule (``rounds_hidden_from``) hides this round's results."""
    if not survey.opd_open:
        return False
    return rounds_hidden_from(user).filter(pk=survey.pk).exists()
