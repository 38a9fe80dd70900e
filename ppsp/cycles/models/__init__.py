"""Update cycles (pemutakhiran SSK): templates, cycles and processes, Proses 1 outputs,
and the data the four triggers read (RPJMD periods, indicator rules and values, policy)."""

from ppsp.cycles.models.cycle import CycleProcess, CycleStep, ProcessState, UpdateCycle
from ppsp.cycles.models.proses1 import Meeting, WorkPlanActivity
from ppsp.cycles.models.templates import Gate, ProcessTemplate, StepTemplate
from ppsp.cycles.models.triggers import (
    IndicatorRule,
    IndicatorValue,
    RpjmdPeriod,
    TriggerPolicy,
)

__all__ = [
    "CycleProcess",
    "CycleStep",
    "Gate",
    "IndicatorRule",
    "IndicatorValue",
    "Meeting",
    "ProcessState",
    "ProcessTemplate",
    "RpjmdPeriod",
    "StepTemplate",
    "TriggerPolicy",
    "UpdateCycle",
    "WorkPlanActivity",
]
