"""Writes for facilitator assignments and trainings (audited, atomic).

Rules (domain-ppsp §2.3, seed text): at most 3 PF per province and one CF per kab/kota in a
contract year; a PF is assigned to a province, a CF to a kab/kota.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, field_changes, snapshot
from ppsp.programme.models import FacilitatorAssignment, FacilitatorKind, FacilitatorTraining
from ppsp.regions.models import Level, Region

MAX_PF_PER_PROVINCE = 3


@transaction.atomic
def facilitator_assign(
    *, user: Any, kind: str, region: Region, contract_year: int, by: Any
) -> FacilitatorAssignment:
    if kind == FacilitatorKind.PF and region.level != Level.PROVINSI:
        raise ValidationError({"region": "PF ditugaskan pada provinsi."})
    if kind == FacilitatorKind.CF and region.level != Level.KABKOTA:
        raise ValidationError({"region": "CF ditugaskan pada kabupaten/kota."})
    same_year = FacilitatorAssignment.objects.select_for_update().filter(
        region=region, contract_year=contract_year, kind=kind
    )
    if same_year.filter(user=user).exists():
        raise ValidationError(f"{user} sudah ditugaskan di {region.code} tahun {contract_year}.")
    if kind == FacilitatorKind.PF and same_year.count() >= MAX_PF_PER_PROVINCE:
        raise ValidationError(
            f"Provinsi {region.name} sudah memiliki {MAX_PF_PER_PROVINCE} PF pada tahun "
            f"{contract_year}; paling banyak {MAX_PF_PER_PROVINCE} PF per provinsi."
        )
    if kind == FacilitatorKind.CF:
        existing = same_year.select_related("user").first()
        if existing is not None:
            raise ValidationError(
                f"{region.display_name} sudah memiliki CF pada tahun {contract_year} "
                f"({existing.user}); satu kabupaten/kota hanya didampingi satu CF per tahun."
            )
    assignment = FacilitatorAssignment(
        user=user, kind=kind, region=region, contract_year=contract_year
    )
    assignment.full_clean()
    assignment.save()
    audit_record(
        actor=by,
        obj=assignment,
        action=Action.CREATE,
        changes=field_changes(
            {}, snapshot(assignment, ("user", "kind", "region", "contract_year"))
        ),
        region_code=region.code,
    )
    return assignment


@transaction.atomic
def facilitator_training_create(
    *,
    user: Any,
    title: str,
    start_date: dt.date,
    end_date: dt.date,
    by: Any,
    organiser: str = "Pemerintah Pusat",
    certificate: str = "",
) -> FacilitatorTraining:
    if end_date < start_date:
        raise ValidationError({"end_date": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    training = FacilitatorTraining(
        user=user,
        title=title,
        start_date=start_date,
        end_date=end_date,
        organiser=organiser,
        certificate=certificate,
    )
    training.full_clean()
    training.save()
    audit_record(
        actor=by,
        obj=training,
        action=Action.CREATE,
        changes=field_changes({}, snapshot(training, ("user", "title", "start_date", "end_date"))),
    )
    return training
