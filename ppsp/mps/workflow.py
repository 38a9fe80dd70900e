"""Funding commitment status (domain-ppsp.md §12.3): one pure transition table.

indikasi → disepakati → dianggarkan → direalisasi; who may move a commitment depends on
the party: the Pokja Provinsi records and advances provincial commitments, the Pokja
Kab/Kota all others (PMU holds every permission).
"""

from __future__ import annotations

from ppsp.core.permissions import Permission
from ppsp.mps.models import CommitmentStatus as S
from ppsp.mps.models import Party

TRANSITIONS: dict[str, str] = {
    S.INDIKASI: S.DISEPAKATI,
    S.DISEPAKATI: S.DIANGGARKAN,
    S.DIANGGARKAN: S.DIREALISASI,
}
ACTION_LABELS = {
    S.DISEPAKATI: "Tandai disepakati",
    S.DIANGGARKAN: "Tandai dianggarkan",
    S.DIREALISASI: "Tandai direalisasi",
}


def next_status(status: str) -> str | None:
    return TRANSITIONS.get(status)


def can_move(status: str, target: str) -> bool:
    return TRANSITIONS.get(status) == target


def permission_for_party(party: str) -> Permission:
    if party == Party.POKJA_PROVINSI:
        return Permission.RECORD_PROVINCIAL_COMMITMENT
    return Permission.EDIT_MPS
