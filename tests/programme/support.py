"""Small builders for programme tests (participation, stage records, Pokja SK)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ppsp.programme.models import (
    FacilitatorTraining,
    Participation,
    PokjaSk,
    Stage,
    StageRecord,
)
from ppsp.programme.services import participation_upsert, stage_record_create
from ppsp.regions.models import Region


def participation_in(code: str, cohort: int = 2013) -> Participation:
    existing = Participation.objects.filter(region__code=code).first()
    if existing is not None:
        return existing
    participation, _ = participation_upsert(
        region=Region.objects.get(code=code), cohort_year=cohort, by=None
    )
    return participation


def stage_record_in(code: str, number: int = 3) -> StageRecord:
    participation = participation_in(code)
    stage = Stage.objects.get(number=number)
    existing = participation.stage_records.filter(stage=stage).first()
    return existing or stage_record_create(participation=participation, stage=stage, by=None)


def pokja_sk_in(code: str) -> PokjaSk:
    region = Region.objects.get(code=code)
    return PokjaSk.objects.filter(region=region).first() or PokjaSk.objects.create(
        region=region, number=f"SK-UJI-{code}", date=dt.date(2023, 1, 2)
    )


def trained(user: Any) -> Any:
    """Give a user the facilitator training that an assignment requires; return the user."""
    FacilitatorTraining.objects.get_or_create(
        user=user,
        title="Training of Facilitators PPSP",
        defaults={"start_date": dt.date(2023, 1, 9), "end_date": dt.date(2023, 1, 13)},
    )
    return user
