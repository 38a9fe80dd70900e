"""Permission expectations of programme tracking (issue 4 part A).

Kab/kota pages take the target's code[:5], province pages code[:2].
"""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    SEES_PROVINCE,
    Expect,
    Kwargs,
    by_kabkota,
    by_province,
    everyone,
    logged_in_only,
    national_only,
    no_kwargs,
    scoped,
)

EDITS_STAGES = {
    "own": {"pmu", "pokja_kabkota", "cf"},
    "other_kabkota": {"pmu"},
    "other_province": {"pmu"},
}


def _stage_evidence(code: str) -> dict[str, object]:
    """A stage record of the target's kab/kota with a PDF as evidence."""
    from django.core.files.base import ContentFile

    from tests.programme.support import stage_record_in

    record = stage_record_in(code[:5])
    if not record.evidence:
        record.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4 bukti"), save=True)
    return {"pk": record.pk}


def _stage_record(code: str) -> dict[str, object]:
    from tests.programme.support import stage_record_in

    return {"pk": stage_record_in(code[:5]).pk}


def _with_sk(code: str) -> dict[str, object]:
    from tests.programme.support import pokja_sk_in

    return {"code": pokja_sk_in(code[:5]).region.code}


def _member(code: str) -> dict[str, object]:
    from ppsp.programme.models import PokjaMember
    from tests.programme.support import pokja_sk_in

    sk = pokja_sk_in(code[:5])
    member, _ = PokjaMember.objects.get_or_create(sk=sk, full_name="Anggota Uji", role="anggota")
    return {"pk": member.pk}


def _assignment(code: str) -> dict[str, object]:
    from ppsp.accounts.services import user_create
    from ppsp.programme.models import FacilitatorAssignment
    from ppsp.regions.models import Region

    user = user_create(username=f"cf-{code[:5]}-{FacilitatorAssignment.objects.count()}",
                       password=None)  # fmt: skip
    assignment = FacilitatorAssignment.objects.create(
        user=user, kind="cf", region=Region.objects.get(code=code[:5]), contract_year=2020
    )
    return {"pk": assignment.pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "programme:index": (no_kwargs, logged_in_only()),
    "programme:national": (no_kwargs, national_only),
    "programme:national_export": (lambda code: {"fmt": "xlsx"}, national_only),
    "programme:province": (by_province, scoped(SEES_PROVINCE)),
    "programme:province_export": (
        lambda code: {"code": code[:2], "fmt": "csv"},
        scoped(SEES_PROVINCE),
    ),
    "programme:import": (no_kwargs, national_only),
    "programme:import_commit": (no_kwargs, everyone(405)),  # POST only
    "programme:facilitators": (no_kwargs, national_only),
    "programme:facilitator_assign": (no_kwargs, national_only),
    "programme:training_create": (no_kwargs, national_only),
    "programme:workload": (no_kwargs, logged_in_only()),
    "programme:kabkota": (by_kabkota, scoped(SEES)),
    "programme:participation_edit": (by_kabkota, scoped(SEES)),  # read-only for viewers
    "programme:stage_record_create": (by_kabkota, scoped(EDITS_STAGES)),
    "programme:stage_record_edit": (_stage_record, scoped(EDITS_STAGES)),
    "programme:stage_evidence": (_stage_evidence, scoped(SEES)),
    "programme:stage_record_transition": (_stage_record, everyone(405)),  # POST only
    "programme:pokja": (by_kabkota, scoped(SEES)),
    "programme:pokja_sk_create": (by_kabkota, scoped(EDITS)),
    "programme:pokja_member_add": (_with_sk, scoped(EDITS)),
    "programme:opd_create": (by_kabkota, scoped(EDITS)),
    "programme:pokja_member_edit": (_member, scoped(EDITS)),
    "programme:pokja_member_end": (_member, scoped(EDITS)),
    "programme:facilitator_assignment_edit": (_assignment, national_only),
    "programme:facilitator_assignment_end": (_assignment, national_only),
}
