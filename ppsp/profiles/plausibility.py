"""Form 2 plausibility warnings in words: which desa to look at again, and why.

The rules are pure (`ppsp.compute.plausibility`); this module feeds them the profiles of a
grid and writes each fired rule as a translated sentence with the figures. Warnings never
block a save or an import (issue 19: "warns ... without blocking").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.translation import gettext as _

from ppsp.compute.numbers import id_number
from ppsp.compute.plausibility import GROWTH_PCT, HOUSEHOLD_SIZE, implausible
from ppsp.profiles.selectors import Profile

KEYS = (
    "penduduk", "kk", "jamban_pribadi", "tangki_septik", "luas_genangan",
    "luas_administratif", "growth_pct",
)  # fmt: skip


def _n(value: float | int | None) -> str:
    return "-" if value is None else id_number(float(value))


def _message(rule: str, p: Profile) -> str:
    if rule == "jamban_di_atas_kk":
        return _("KK dengan jamban pribadi (%(a)s) melebihi jumlah KK (%(b)s).") % {
            "a": _n(p.jamban_pribadi), "b": _n(p.kk)}  # fmt: skip
    if rule == "tangki_di_atas_kk":
        return _("KK dengan tangki septik (%(a)s) melebihi jumlah KK (%(b)s).") % {
            "a": _n(p.tangki_septik), "b": _n(p.kk)}  # fmt: skip
    if rule == "tangki_di_atas_jamban":
        text = _("KK dengan tangki septik (%(a)s) lebih banyak dari KK berjamban (%(b)s).")
        return text % {"a": _n(p.tangki_septik), "b": _n(p.jamban_pribadi)}
    if rule == "genangan_di_atas_luas":
        return _("Luas genangan (%(a)s ha) melebihi luas administratif (%(b)s ha).") % {
            "a": _n(p.luas_genangan), "b": _n(p.luas_administratif)}  # fmt: skip
    if rule == "ukuran_rumah_tangga":
        size = (p.penduduk or 0) / (p.kk or 1)
        return _("%(size)s jiwa per KK, di luar rentang wajar %(low)s–%(high)s.") % {
            "size": id_number(size, 1), "low": id_number(HOUSEHOLD_SIZE[0], 1),
            "high": id_number(HOUSEHOLD_SIZE[1], 1)}  # fmt: skip
    return _("Pertumbuhan penduduk %(g)s %%/tahun, di luar rentang wajar %(low)s–%(high)s.") % {
        "g": id_number(p.growth_pct or 0, 2), "low": id_number(GROWTH_PCT[0], 0),
        "high": id_number(GROWTH_PCT[1], 0)}  # fmt: skip


def warnings_by_desa(profiles: Sequence[Profile]) -> dict[str, list[str]]:
    """Desa code -> the plausibility warnings of its Form 2 row (only desa with any)."""
    columns = {
        key: [math.nan if getattr(p, key) is None else float(getattr(p, key)) for p in profiles]
        for key in KEYS
    }
    fired = implausible(columns)
    found: dict[str, list[str]] = {}
    for rule, mask in fired.items():
        for index in mask.nonzero()[0]:
            profile = profiles[int(index)]
            found.setdefault(profile.code, []).append(_message(rule, profile))
    return found
