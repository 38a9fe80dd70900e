"""What each role may do (DESIGN.md §1). Scope (which regions) is in `scope.py`.

One table, read by `scope.scope_for`: a role holds a permission inside the region of its
assignment (nationally for PMU). `tests/test_permission_matrix.py` pins the outcome per URL.
"""

from __future__ import annotations

from enum import StrEnum

from ppsp.accounts.models import Role


class Permission(StrEnum):
    VIEW_REGION = "view_region"
    EDIT_REGION_DATA = "edit_region_data"  # population and other per-desa data
    VIEW_AUDIT = "view_audit"
    # programme tracking
    VIEW_PROGRAMME = "view_programme"  # participation, stages, Pokja, province dashboard
    EDIT_PROGRAMME = "edit_programme"  # participation and Pokja of a kab/kota
    EDIT_STAGES = "edit_stages"  # stage records (Pokja Kab/Kota and CF)
    MANAGE_PROGRAMME = "manage_programme"  # import participants, reopen finished stages
    MANAGE_FACILITATORS = "manage_facilitators"  # PF/CF assignments and trainings
    VIEW_NATIONAL_DASHBOARD = "view_national_dashboard"
    # documents (BPS, SSK, MPS) and update cycles
    VIEW_DOCUMENTS = "view_documents"
    EDIT_DOCUMENTS = "edit_documents"  # draft, upload, submit BPS/SSK/MPS
    REVIEW_DOCUMENTS = "review_documents"  # CF, PF, Pokja Provinsi
    APPROVE_DOCUMENTS = "approve_documents"  # Kepala Daerah: mengesahkan
    VIEW_CYCLES = "view_cycles"
    RUN_CYCLE = "run_cycle"  # open a cycle, fill process outputs, submit a process
    SIGN_OFF_PROCESS = "sign_off_process"  # CF verifies a process
    # Proses 3 (issue 6): fiscal capacity, cost need, scenarios and the optimum
    VIEW_PLANNING = "view_planning"
    EDIT_PLANNING = "edit_planning"  # Pokja Kab/Kota: belanja, komitmen, scenarios, choice
    MANAGE_UNIT_COSTS = "manage_unit_costs"  # PMU: new versions of the unit-cost tables
    # EHRA survey, IRS and area berisiko (issue 5)
    VIEW_EHRA = "view_ehra"
    RUN_EHRA = "run_ehra"  # Pokja Kab/Kota: rounds, imports, OPD scores, overrides
    REVIEW_EHRA = "review_ehra"  # CF: approve / reject household records
    # Proses 4 and the MPS (issue 7)
    VIEW_MPS = "view_mps"
    EDIT_MPS = "edit_mps"  # Lampiran 4 rows, SWOT, commitments of the kab/kota
    REVIEW_MPS = "review_mps"  # CF: self-assessment QA checklist
    RECORD_PROVINCIAL_COMMITMENT = "record_provincial_commitment"  # Pokja Provinsi
    # konsultasi publik (issue 8): the comment queue of a kab/kota's consultations
    MODERATE_CONSULTATION = "moderate_consultation"  # approve, hide, mark spam, block
    # monev (issue 10): realisation of programme rows and sasaran indicators
    VIEW_MONEV = "view_monev"
    EDIT_MONEV = "edit_monev"  # Pokja Kab/Kota: enter realisation, submit the report
    REVIEW_MONEV = "review_monev"  # CF and Pokja Provinsi: approve or return a report


P = Permission
_READ = {P.VIEW_REGION, P.VIEW_AUDIT, P.VIEW_PROGRAMME, P.VIEW_DOCUMENTS, P.VIEW_CYCLES}
_READ |= {P.VIEW_PLANNING}
_READ |= {P.VIEW_EHRA}
_READ |= {P.VIEW_MPS}
_READ |= {P.VIEW_MONEV}

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.PMU: frozenset(Permission),
    Role.POKJA_PROVINSI: frozenset(
        _READ | {P.REVIEW_DOCUMENTS, P.RECORD_PROVINCIAL_COMMITMENT} | {P.REVIEW_MONEV}
    ),
    Role.PF: frozenset(_READ | {P.REVIEW_DOCUMENTS}),
    # The CF coaches the Pokja and may enter process outputs with it, then signs off.
    Role.CF: frozenset(
        _READ
        | {P.EDIT_STAGES, P.REVIEW_DOCUMENTS, P.RUN_CYCLE, P.SIGN_OFF_PROCESS, P.REVIEW_MPS}
        | {P.REVIEW_EHRA}
        | {P.REVIEW_MONEV}
    ),
    Role.POKJA_KABKOTA: frozenset(
        _READ
        | {P.EDIT_REGION_DATA, P.EDIT_PROGRAMME, P.EDIT_STAGES, P.EDIT_DOCUMENTS, P.RUN_CYCLE}
        | {P.EDIT_PLANNING}
        | {P.EDIT_MPS}
        | {P.RUN_EHRA}
        | {P.MODERATE_CONSULTATION}
        | {P.EDIT_MONEV}
    ),
    Role.KEPALA_DAERAH: frozenset(_READ | {P.APPROVE_DOCUMENTS}),
    Role.PUBLIC: frozenset(),
}
