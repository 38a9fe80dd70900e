"""Writes for facilitator assignments and trainings (audited, atomic).

Rules (domain-ppsp §2.3, seed text): at most 3 PF per province and one CF per kab/kota in a
contract year; a PF is assigned to a province, a CF to a kab/kota.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ppsp.accounts.models import Role, RoleAssignment
from ppsp.audit.services import audited_update
from ppsp.programme.ending import record_end
from ppsp.programme.models import (
    MAX_PF_PER_PROVINCE,
    FacilitatorAssignment,
    FacilitatorKind,
    FacilitatorTraining,
)
from ppsp.regions.models import Level, Region


def check_eligible(user: Any, kind: str) -> None:
    """Only a trained, non-public account may be a PF or CF (domain-ppsp §2.3: facilitators
    are trained by the central government before they are assigned)."""
    if not user.is_active:
        raise ValidationError({"username": _("Akun %(user)s tidak aktif.") % {"user": user}})
    if RoleAssignment.objects.filter(user=user, role=Role.PUBLIC).exists():
        raise ValidationError(
            {"username": _("%(user)s adalah akun publik; akun publik tidak dapat ditugaskan "
                           "sebagai fasilitator.") % {"user": user}}
        )  # fmt: skip
    if not FacilitatorTraining.objects.filter(user=user).exists():
        raise ValidationError(
            {"username": _("%(user)s belum memiliki catatan pelatihan fasilitator; catat "
                           "pelatihannya terlebih dahulu.") % {"user": user}}
        )  # fmt: skip


def _check_rules(
    *, user: Any, kind: str, region: Region, contract_year: int, exclude: int | None = None
) -> None:
    """Region level, no double assignment, at most 3 PF per province, 1 CF per kab/kota."""
    if kind == FacilitatorKind.PF and region.level != Level.PROVINSI:
        raise ValidationError({"region": _("PF ditugaskan pada provinsi.")})
    if kind == FacilitatorKind.CF and region.level != Level.KABKOTA:
        raise ValidationError({"region": _("CF ditugaskan pada kabupaten/kota.")})
    same_year = FacilitatorAssignment.objects.select_for_update().filter(
        region=region, contract_year=contract_year, kind=kind, ended_on__isnull=True
    )
    if exclude is not None:
        same_year = same_year.exclude(pk=exclude)
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


ASSIGNMENT_FIELDS = ("user", "kind", "region", "contract_year")


@transaction.atomic
def facilitator_assign(
    *, user: Any, kind: str, region: Region, contract_year: int, by: Any
) -> FacilitatorAssignment:
    check_eligible(user, kind)
    _check_rules(user=user, kind=kind, region=region, contract_year=contract_year)
    assignment = FacilitatorAssignment(
        user=user, kind=kind, region=region, contract_year=contract_year
    )
    with audited_update(
        assignment, ASSIGNMENT_FIELDS, actor=by, created=True, region_code=region.code
    ):
        assignment.full_clean()
        assignment.save()
    return assignment


@transaction.atomic
def facilitator_assignment_update(
    *, assignment: FacilitatorAssignment, region: Region, contract_year: int, by: Any
) -> FacilitatorAssignment:
    """Correct the region or contract year of a running assignment (same rules, audited)."""
    if assignment.ended_on is not None:
        raise ValidationError(_("Penugasan yang sudah berakhir tidak dapat diubah."))
    _check_rules(
        user=assignment.user,
        kind=assignment.kind,
        region=region,
        contract_year=contract_year,
        exclude=assignment.pk,
    )
    with audited_update(assignment, ASSIGNMENT_FIELDS, actor=by, region_code=region.code):
        assignment.region, assignment.contract_year = region, contract_year
        assignment.full_clean()
        assignment.save()
    return assignment


@transaction.atomic
def facilitator_assignment_end(
    *, assignment: FacilitatorAssignment, ended_on: dt.date, reason: str, by: Any
) -> FacilitatorAssignment:
    """End an assignment early (resignation, replacement): kept in the history, audited;
    the region may then get another CF or PF for the same year."""
    if assignment.ended_on is not None:
        raise ValidationError(_("Penugasan ini sudah berakhir."))
    if not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan penugasan berakhir.")})
    record_end(
        assignment, ended_on=ended_on, reason=reason, by=by, region_code=assignment.region.code
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
    with audited_update(
        training, ("user", "title", "start_date", "end_date"), actor=by, created=True
    ):
        training.full_clean()
        training.save()
    return training
