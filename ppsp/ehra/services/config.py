"""Writes of the risk-method configuration: drafts, PMU approval, a round's version."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core.actors import user_of
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.ehra.config import DEFAULTS
from ppsp.ehra.models import ConfigStatus, RiskMethodConfig, SurveyRound
from ppsp.ehra.services import recompute_later, require

COPIED = (
    "irs_weights",
    "opd_aggregation",
    "impact_weights",
    "source_weights",
    "classes",
    "class_labels",
    "density_rule",
    "density_value",
    "poverty_rule",
    "poverty_value",
)


def is_pmu(user: Any) -> bool:
    """National EHRA rights: only the PMU manages the method configuration."""
    return (
        bool(getattr(user, "is_authenticated", False))
        and scope_for(user, Permission.RUN_EHRA).national
    )


def _require_pmu(by: Any) -> None:
    if by is not None and not is_pmu(by):
        raise PermissionDenied("Hanya PMU yang dapat mengelola konfigurasi metode risiko.")


@transaction.atomic
def config_draft_create(
    *, by: Any, base: RiskMethodConfig | None = None, note: str = ""
) -> RiskMethodConfig:
    """A new draft version, a copy of ``base`` (default the newest version); edit it in admin."""
    _require_pmu(by)
    base = base or RiskMethodConfig.objects.order_by("-version").first()
    values = {f: getattr(base, f) for f in COPIED} if base else dict(DEFAULTS)
    number = (RiskMethodConfig.objects.aggregate(top=Max("version"))["top"] or 0) + 1
    draft = RiskMethodConfig(version=number, status=ConfigStatus.DRAFT, note=note.strip(),
                             created_by=user_of(by), **values)  # fmt: skip
    draft.full_clean()
    draft.save()
    audit_record(
        actor=by,
        obj=draft,
        action=Action.CREATE,
        changes=[{"field": "version", "old": None, "new": number}],
        reason=f"Draf dari v{base.version}" if base else "Draf dari nilai bawaan",
    )
    return draft


@transaction.atomic
def config_approve(*, config: RiskMethodConfig, by: Any) -> RiskMethodConfig:
    """PMU approval: name and date recorded, audited; the version is frozen from then on."""
    _require_pmu(by)
    config = RiskMethodConfig.objects.select_for_update().get(pk=config.pk)
    if config.approved:
        raise ValidationError(f"Versi {config.version} sudah disetujui.")
    config.full_clean()
    user = user_of(by)
    config.status = ConfigStatus.APPROVED
    config.approved_by = user
    config.approved_name = (user.get_full_name() or user.get_username()) if user else "sistem"
    config.approved_at = timezone.now()
    config.save(update_fields=["status", "approved_by", "approved_name", "approved_at"])
    audit_record(
        actor=by,
        obj=config,
        action=Action.TRANSITION,
        changes=[
            {"field": "status", "old": ConfigStatus.DRAFT, "new": ConfigStatus.APPROVED},
            {"field": "approved_name", "old": "", "new": config.approved_name},
        ],
        reason=f"Konfigurasi v{config.version} disetujui",
    )
    return config


@transaction.atomic
def round_use_config(*, survey: SurveyRound, config: RiskMethodConfig, by: Any) -> SurveyRound:
    """Switch a round to another approved version (audited); results are then recomputed."""
    require(by, Permission.RUN_EHRA, survey.region.code)
    if not config.approved:
        raise ValidationError("Hanya versi konfigurasi yang sudah disetujui yang dapat dipakai.")
    old = survey.config.version if survey.config else None
    if old == config.version:
        return survey
    survey.config = config
    survey.save(update_fields=["config"])
    audit_record(
        actor=by,
        obj=survey,
        action=Action.UPDATE,
        changes=[{"field": "config", "old": old, "new": config.version}],
        region_code=survey.region.code,
    )
    recompute_later(survey)
    return survey
