"""Reads of the versioned risk-method configuration and its conversion to compute configs.

The services read weights and rules from the version a round uses
(``SurveyRound.config``), never from hard-coded defaults; ``DEFAULTS`` are the documented
seed values of version 1 (ehra-risk.md §2.3, §4.3, §6, §7.2, §7.3).
"""

from __future__ import annotations

from typing import Any

from ppsp.compute.area_risk import RISK_CLASSES, SSK_COMPONENTS, AreaRiskConfig
from ppsp.compute.ehra import DEFAULT_IRS_2021, IrsConfig
from ppsp.ehra.models import ConfigStatus, CutoffRule, RiskMethodConfig, SurveyRound

IMPACT_PARAMETERS = ("penduduk", "kepadatan", "kemiskinan")

DEFAULTS: dict[str, Any] = {
    "irs_weights": {i.key: i.weight for i in DEFAULT_IRS_2021.indicators},
    "opd_aggregation": "mean_half_up",
    "impact_weights": [1.0] * len(IMPACT_PARAMETERS),
    "source_weights": {k: [1.0, 1.0, 1.0] for k in SSK_COMPONENTS},
    "classes": 4,
    "class_labels": [[label, colour] for k, (label, colour) in RISK_CLASSES.items() if k],
    "density_rule": CutoffRule.MEAN.value,
    "density_value": None,
    "poverty_rule": CutoffRule.MEAN.value,
    "poverty_value": None,
}


def approved_config() -> RiskMethodConfig | None:
    """The newest approved version (used by new rounds)."""
    return (
        RiskMethodConfig.objects.filter(status=ConfigStatus.APPROVED).order_by("-version").first()
    )


def config_for_round(survey: SurveyRound) -> RiskMethodConfig:
    """The version a round uses: its recorded one, else the newest approved, else defaults."""
    if survey.config_id is not None and survey.config is not None:
        return survey.config
    return approved_config() or RiskMethodConfig(version=0, **DEFAULTS)


def irs_config(config: RiskMethodConfig) -> IrsConfig:
    """The 2021 indicator set with the version's weights (unknown keys are ignored)."""
    weights = {k: float(v) for k, v in (config.irs_weights or {}).items()}
    return DEFAULT_IRS_2021.with_weights(weights)


def area_config(config: RiskMethodConfig) -> AreaRiskConfig:
    """IMPACT and EXPOSURE weights, OPD rule and class count of the version."""
    impact = tuple(float(w) for w in config.impact_weights) or (1.0,) * len(IMPACT_PARAMETERS)
    if len(impact) != len(IMPACT_PARAMETERS):
        impact = (1.0,) * len(IMPACT_PARAMETERS)
    sources = {
        k: tuple(float(w) for w in (config.source_weights or {}).get(k, [1.0, 1.0, 1.0]))
        for k in SSK_COMPONENTS
    }
    return AreaRiskConfig(
        impact_weights=impact,
        source_weights=sources,  # type: ignore[arg-type]
        opd_aggregation=config.opd_aggregation,
        classes=config.classes,
    )
