from ppsp.ehra.models.config import ConfigStatus, CutoffRule, RiskMethodConfig
from ppsp.ehra.models.results import AreaRisk, DesaResult, OpdRating, OpdSubmission
from ppsp.ehra.models.survey import (
    FrameDesa,
    Household,
    ImportRun,
    ImportStatus,
    ReviewState,
    SamplingFrame,
    SurveyRound,
)

__all__ = [
    "AreaRisk",
    "ConfigStatus",
    "CutoffRule",
    "DesaResult",
    "FrameDesa",
    "Household",
    "ImportRun",
    "ImportStatus",
    "OpdRating",
    "OpdSubmission",
    "ReviewState",
    "RiskMethodConfig",
    "SamplingFrame",
    "SurveyRound",
]
