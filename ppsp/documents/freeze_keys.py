"""Which approved-version input key each kind of stored data belongs to (issue 16).

One table for the whole project, registered with `ppsp.core.freeze` when the documents
app is ready: model -> function giving ``(kab/kota code, kind, value)`` keys. The kinds
match `ppsp.docgen.periods.bound_inputs`. The active-snapshot lookup (latest version of
its document and approved) is plugged in here as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, Model, OuterRef

from ppsp.core import freeze
from ppsp.core.freeze import Holder, Key
from ppsp.docgen.models import SectionText
from ppsp.documents.models import ApprovedSnapshot, DocumentVersion, Status
from ppsp.ehra.models import (
    AreaRisk,
    DesaResult,
    Household,
    OpdRating,
    OpdSubmission,
    SurveyRound,
)
from ppsp.finance.models import BelanjaOpd, FiscalCapacity, HistoryYear, PlanYear
from ppsp.monev import freeze as monev_freeze
from ppsp.mps import freeze as mps_freeze
from ppsp.mps.models import KklNode, Plan, ProgrammeRow, SwotFactor
from ppsp.profiles.models import DesaProfile
from ppsp.regions.models import Population
from ppsp.scenarios.models import (
    OptimisationRun,
    Scenario,
    ScenarioLine,
    SourceCap,
    Vision,
    ZoneStage,
)


def _label(version: DocumentVersion) -> str:
    document = version.document
    span = (
        str(document.period_start)
        if document.period_start == document.period_end
        else f"{document.period_start}–{document.period_end}"
    )
    return f"{document.doc_type} {span} versi {version.number}"


def active_snapshots(code: str) -> list[tuple[Holder, dict[str, list[int]]]]:
    """Snapshots in force for a kab/kota: their version is approved and still the latest."""
    newer = DocumentVersion.objects.filter(
        document=OuterRef("version__document"), number__gt=OuterRef("version__number")
    )
    rows = (
        ApprovedSnapshot.objects.filter(region_code=code, version__status=Status.APPROVED)
        .exclude(Exists(newer))
        .select_related("version__document")
        .only("inputs", "version__number", "version__document__doc_type")
        .order_by("pk")
    )
    return [(Holder(_label(s.version), s.version_id, code), s.inputs or {}) for s in rows]


def _region_code(obj: Any, attr: str = "region") -> str:
    region = getattr(obj, attr, None)
    return getattr(region, "code", "") if region is not None else ""


def _kabkota_code_of(desa: Any) -> str:
    return getattr(desa, "kabkota_code", "") or ""


def _plan(plan: Any) -> Iterable[Key]:
    return [(_region_code(plan), "plan", plan.pk)] if plan is not None and plan.pk else []


def _scenario(scenario: Any) -> Iterable[Key]:
    if scenario is None or scenario.pk is None:
        return []
    return [(_region_code(scenario), "scenario", scenario.pk)]


def _capacity(capacity: Any) -> Iterable[Key]:
    if capacity is None or capacity.pk is None:
        return []
    return [(_region_code(capacity), "fiscal", capacity.pk)]


def _round(survey: Any) -> Iterable[Key]:
    if survey is None or survey.pk is None:
        return []
    return [(_region_code(survey), "ehra_round", survey.pk)]


def _version_lock(version: DocumentVersion) -> Holder | None:
    if version.pk is None:
        return None
    stored = (
        DocumentVersion.objects.select_related("document__region").filter(pk=version.pk).first()
    )
    if stored is None or not stored.locked:
        return None
    return Holder(_label(stored), stored.pk, stored.document.region.code)


def _through_version(obj: Any) -> Holder | None:
    return _version_lock(obj.version) if obj.version_id else None


def register_all() -> None:
    from ppsp.documents.models import DocumentFile

    freeze.set_active_lookup(active_snapshots)
    freeze.register(Plan, _plan)
    by_plan: tuple[type[Model], ...] = (ProgrammeRow, KklNode, SwotFactor)
    for model in by_plan:
        freeze.register(model, lambda obj: _plan(obj.plan))
    freeze.register(Scenario, _scenario)
    by_scenario: tuple[type[Model], ...] = (ScenarioLine, SourceCap, OptimisationRun, ZoneStage)
    for model in by_scenario:
        freeze.register(model, lambda obj: _scenario(obj.scenario))
    freeze.register(Vision, lambda v: [(_region_code(v), "vision", v.pk)] if v.pk else [])
    freeze.register(FiscalCapacity, _capacity)
    by_capacity: tuple[type[Model], ...] = (BelanjaOpd, HistoryYear, PlanYear)
    for model in by_capacity:
        freeze.register(model, lambda obj: _capacity(obj.capacity))
    freeze.register(SurveyRound, _round)
    by_round: tuple[type[Model], ...] = (DesaResult, AreaRisk, OpdRating, OpdSubmission, Household)
    for model in by_round:
        freeze.register(model, lambda obj: _round(obj.survey))
    freeze.register(
        DesaProfile,
        lambda p: [(_kabkota_code_of(p.desa), "form2_year", p.year)] if p.desa_id else [],
    )
    freeze.register(Population, lambda p: [(_kabkota_code_of(p.region), "population_year", p.year)])
    freeze.register_lock(DocumentVersion, _version_lock)
    freeze.register_lock(DocumentFile, _through_version)
    freeze.register_lock(SectionText, _through_version)
    # approvals that are not a document version: MPS year sign-off, monev report lock
    mps_freeze.register()
    monev_freeze.register()
