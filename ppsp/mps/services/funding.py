"""Writes of the funding side of Proses 4: commitments (§12.3), the self-assessment QA,
eksternalisasi (§12.2) and the parties' sign-off of the annual MPS. Atomic and audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.refusals import audits_refusals
from ppsp.audit.services import audit_record
from ppsp.core.freeze import ensure_not_frozen, snapshot_intact
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.workflow import Context
from ppsp.mps import workflow
from ppsp.mps.codes import QA_MANUAL
from ppsp.mps.models import (
    CommitmentKind,
    FundingCommitment,
    MpsSignOff,
    Party,
    Plan,
    ProgrammeRow,
)
from ppsp.mps.services import require


@transaction.atomic
def commitment_record(
    *,
    row: ProgrammeRow,
    party: str,
    year: int,
    amount: int,
    by: Any,
    kind: str = "cash",
    evidence: str = "",
    description: str = "",
    evidence_file: Any = None,
    document: str = "",
) -> FundingCommitment:
    """Record a commitment (status indikasi). In-kind (natura: lahan, tenaga, material) is
    valued in Rp in `amount` and must be described; evidence as text and/or a file.
    `document` (Renstra OPD, RKPD, APBD) records the internalisasi of the Pemda's own
    commitment (§12.2); other parties' money is eksternalisasi or pemasaran."""
    plan = row.plan
    require(by, workflow.permission_for_party(party), plan.region.code)
    if year not in plan.years:
        raise ValidationError({"year": f"Tahun harus {plan.years[0]}–{plan.years[-1]}."})
    if kind != CommitmentKind.CASH and not description.strip():
        raise ValidationError(
            {"description": "Komitmen natura perlu uraian (apa, berapa, di mana) dan nilai Rp."}
        )
    if document and party != Party.PEMDA:
        raise ValidationError(
            {
                "document": "Internalisasi ke Renstra/RKPD/APBD hanya untuk komitmen "
                "Pemerintah Kabupaten/Kota."
            }
        )
    commitment = FundingCommitment(
        row=row,
        party=party,
        year=year,
        amount=amount,
        kind=kind,
        evidence=evidence,
        description=description.strip(),
        document=document,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if evidence_file:
        commitment.evidence_file = evidence_file
    ensure_not_frozen(commitment)  # a new commitment of a signed MPS year
    commitment.full_clean()
    commitment.save()
    audit_record(
        actor=by,
        obj=commitment,
        action=Action.CREATE,
        region_code=plan.region.code,
        changes=[
            {"field": "amount", "old": None, "new": amount},
            {"field": "kind", "old": None, "new": kind},
            {"field": "status", "old": None, "new": commitment.status},
            *([{"field": "document", "old": None, "new": document}] if document else []),
            *(
                [{"field": "evidence_file", "old": None, "new": commitment.evidence_file.name}]
                if commitment.evidence_file
                else []
            ),
        ],
    )
    return commitment


@audits_refusals
@transaction.atomic
def commitment_advance(
    *,
    commitment: FundingCommitment,
    target: str,
    by: Any,
    evidence: str = "",
    evidence_file: Any = None,
) -> FundingCommitment:
    """One step of indikasi → disepakati → dianggarkan → direalisasi, with evidence
    (`workflow.COMMITMENT`; the action is the target status)."""

    def apply(ctx: Context) -> None:
        if evidence.strip():
            ctx.obj.evidence = evidence.strip()
        if evidence_file:
            ctx.obj.evidence_file = evidence_file

    done: FundingCommitment = workflow.COMMITMENT.transition(
        commitment,
        target,
        by,
        apply=apply,
        evidence=evidence,
        evidence_file=evidence_file,
        audit_reason=evidence.strip() or commitment.evidence,  # the evidence, as before
    )
    return done


@transaction.atomic
def plan_qa_set(*, plan: Plan, done: Iterable[str], by: Any) -> Plan:
    code = plan.region.code
    if not (
        has_permission(by, Permission.REVIEW_MPS, code)
        or has_permission(by, Permission.EDIT_MPS, code)
    ):
        raise PermissionDenied("Anda tidak berwenang mengisi QA di wilayah ini.")
    known = {c for c, _l in QA_MANUAL}
    new = sorted(set(done) & known)
    old = sorted(plan.qa_done or [])
    if new != old:
        plan.qa_done = new
        plan.save(update_fields=["qa_done"])
        audit_record(
            actor=by,
            obj=plan,
            action=Action.UPDATE,
            region_code=code,
            changes=[{"field": "qa_done", "old": old, "new": new}],
        )
    return plan


@audits_refusals
@transaction.atomic
def plan_externalise(*, plan: Plan, by: Any) -> Plan:
    """Eksternalisasi to Pokja Provinsi and Satker K/L: only after the QA passes (§12.2);
    the guards of `workflow.PLAN` say why not."""

    def apply(ctx: Context) -> None:
        ctx.obj.externalised_at = timezone.now()

    done: Plan = workflow.PLAN.transition(
        plan, workflow.EXTERNALISE, by, apply=apply, audit_fields=("externalised_at",)
    )
    plan.externalised_at = done.externalised_at
    return done


@audits_refusals
@transaction.atomic
def mps_sign_off(*, plan: Plan, year: int, party: str, by: Any, note: str = "") -> MpsSignOff:
    """One party signs the MPS of a year (once); audited. The first sign-off freezes the
    year's data in a snapshot (`ppsp.mps.freeze`); the others sign that same snapshot."""
    from ppsp.mps import freeze as mps_freeze

    sign_off = MpsSignOff(
        plan=plan,
        year=year,
        party=party,
        note=note,
        signed_by=by if getattr(by, "is_authenticated", False) else None,
    )

    def freeze_year(ctx: Context) -> None:
        signed = mps_freeze.signed_years(plan.pk).get(year)
        if signed is not None and not snapshot_intact(signed):
            raise ValidationError("Snapshot MPS tahun ini tidak cocok dengan hash tersimpan.")
        mps_freeze.snapshot_take(plan=plan, year=year, party=party, by=by)

    workflow.SIGN_OFF.transition(
        sign_off, workflow.SIGN, by, after=freeze_year, audit_reason=f"MPS {year} disetujui {party}"
    )
    return sign_off
