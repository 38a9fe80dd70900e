"""MPS workflows on `core.workflow` (DESIGN.md §3): funding commitments, eksternalisasi of
the plan and each party's sign-off of an MPS year.

- Commitment status (domain-ppsp.md §12.3): indikasi → disepakati → dianggarkan →
  direalisasi; the action is named by the status it leads to. Who may move a commitment
  depends on the party: the Pokja Provinsi records and advances provincial commitments,
  the Pokja Kab/Kota all others (PMU holds every permission).
- Plan eksternalisasi (§12.2): belum → dieksternalisasi, only once the Kerangka Kerja Logis
  is complete and the self-assessment QA passes (guards); it may be repeated (new date).
- MPS year sign-off: per (plan, year, party) belum → disetujui, once; the state is the
  `MpsSignOff` row existing or not.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Step, Workflow, guard
from ppsp.mps.models import CommitmentStatus as S
from ppsp.mps.models import MpsSignOff, Party, Plan

TRANSITIONS: dict[str, str] = {
    S.INDIKASI: S.DISEPAKATI,
    S.DISEPAKATI: S.DIANGGARKAN,
    S.DIANGGARKAN: S.DIREALISASI,
}
ACTION_LABELS: dict[str, str] = {
    S.DISEPAKATI: "Tandai disepakati",
    S.DIANGGARKAN: "Tandai dianggarkan",
    S.DIREALISASI: "Tandai direalisasi",
}


def permission_for_party(party: str) -> Permission:
    if party == Party.POKJA_PROVINSI:
        return Permission.RECORD_PROVINCIAL_COMMITMENT
    return Permission.EDIT_MPS


def _evidence_given(ctx: Context) -> None:
    commitment, kw = ctx.obj, ctx.kw
    if not (
        str(kw.get("evidence") or "").strip()
        or kw.get("evidence_file")
        or commitment.evidence
        or commitment.evidence_file
    ):
        raise ValidationError({"evidence": "Cantumkan bukti (nomor surat, berita acara)."})


COMMITMENT = Workflow(
    name="mps.commitment",
    field="status",
    states=S,
    actions=ACTION_LABELS,
    steps=[Step(source, target, target, None) for source, target in TRANSITIONS.items()],
    region_code=lambda commitment: str(commitment.row.plan.region.code),
    attempted=lambda commitment, action: f"status komitmen '{action}'",
    not_allowed=lambda commitment, action, state: (
        f"Komitmen berstatus '{S(state).label}' tidak dapat menjadi '{action}'."
    ),
    permission_for=lambda commitment, step: permission_for_party(commitment.party),
    validate=_evidence_given,
    select_related=("row__plan__region",),
)


def next_status(status: str) -> str | None:
    return TRANSITIONS.get(status)


def can_move(status: str, target: str) -> bool:
    return COMMITMENT.next_state(status, target) is not None


# -- eksternalisasi ----------------------------------------------------------------------


class PlanState:
    BELUM = "belum"
    DIEKSTERNALISASI = "dieksternalisasi"


EXTERNALISE = "eksternalisasi"


@guard("kkl_lengkap")
def kkl_complete(ctx: Context) -> str | None:
    from ppsp.mps.selectors import kkl_check

    problems = kkl_check(ctx.obj)
    if not problems:
        return None
    return "Eksternalisasi ditolak: Kerangka Kerja Logis belum lengkap: " + "; ".join(
        p.message for p in problems[:10]
    )


@guard("qa_lulus")
def qa_passed(ctx: Context) -> str | None:
    from ppsp.mps.selectors import qa_result

    result = qa_result(ctx.obj)
    if result.passed:
        return None
    missing = "; ".join(label for _c, label, _link in result.missing)
    return (
        f"Eksternalisasi ditolak: nilai QA swa-penilaian {result.score}% di bawah nilai "
        f"kelulusan. Belum terpenuhi: {missing}."
    )


def _plan_state(plan: Plan) -> str:
    return PlanState.DIEKSTERNALISASI if plan.externalised_at else PlanState.BELUM


def _save_plan(ctx: Context) -> None:
    ctx.obj.save(update_fields=["externalised_at"])


_E = Permission.EDIT_MPS
PLAN = Workflow(
    name="mps.plan",
    field="eksternalisasi",
    states=(PlanState.BELUM, PlanState.DIEKSTERNALISASI),
    actions={EXTERNALISE: "Eksternalisasi ke Pokja Provinsi dan Satker K/L"},
    steps=[
        Step(
            PlanState.BELUM, EXTERNALISE, PlanState.DIEKSTERNALISASI, _E, (kkl_complete, qa_passed)
        ),
        Step(
            PlanState.DIEKSTERNALISASI,
            EXTERNALISE,
            PlanState.DIEKSTERNALISASI,
            _E,
            (kkl_complete, qa_passed),
        ),
    ],
    region_code=lambda plan: str(plan.region.code),
    attempted=lambda plan, action: "eksternalisasi",
    state_of=_plan_state,
    write=_save_plan,
    select_related=("region",),
)


# -- sign-off of an MPS year -------------------------------------------------------------


class SignOffState:
    BELUM = "belum"
    DISETUJUI = "disetujui"


SIGN = "setujui"


def _sign_off_state(sign_off: MpsSignOff) -> str:
    signed = MpsSignOff.objects.filter(
        plan_id=sign_off.plan_id, year=sign_off.year, party=sign_off.party
    ).exists()
    return SignOffState.DISETUJUI if signed else SignOffState.BELUM


def _lock_plan(sign_off: MpsSignOff) -> MpsSignOff:
    sign_off.plan = (
        Plan.objects.select_for_update().select_related("region").get(pk=sign_off.plan_id)
    )
    return sign_off


def _year_in_plan(ctx: Context) -> None:
    plan = ctx.obj.plan
    if ctx.obj.year not in plan.years:
        raise ValidationError({"year": f"Tahun harus {plan.years[0]}–{plan.years[-1]}."})


def _save_sign_off(ctx: Context) -> None:
    ctx.obj.full_clean()
    ctx.obj.save()


def _sign_off_party(sign_off: Any, step: Step) -> Permission:
    return permission_for_party(sign_off.party)


SIGN_OFF = Workflow(
    name="mps.sign_off",
    field="persetujuan",
    states=(SignOffState.BELUM, SignOffState.DISETUJUI),
    actions={SIGN: "Setujui MPS tahun ini"},
    steps=[Step(SignOffState.BELUM, SIGN, SignOffState.DISETUJUI, None)],
    region_code=lambda sign_off: str(sign_off.plan.region.code),
    attempted=lambda sign_off, action: f"persetujuan MPS {sign_off.year} {sign_off.party}",
    not_allowed=lambda sign_off, action, state: "Pihak ini sudah menyetujui MPS tahun ini.",
    permission_for=_sign_off_party,
    validate=_year_in_plan,
    state_of=_sign_off_state,
    write=_save_sign_off,
    locker=_lock_plan,
    audit_target=lambda sign_off: sign_off.plan,
    audit_field=lambda sign_off: f"mps_{sign_off.year}_{sign_off.party}",
)
