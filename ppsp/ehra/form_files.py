"""The choice lists the XLSForm reads from CSV attachments, written per round.

``kecamatan.csv`` (name, label) and ``desa.csv`` (name, label, kecamatan) feed the
``select_one_from_file`` questions ID.3 and ID.4 (``choice_filter`` ``kecamatan=${ID_3}``),
so an enumerator picks the desa from the round's own list instead of typing a code.
The list is the round's sampled desa once a sample is drawn, otherwise every desa of
the kab/kota (ehra-risk.md §2.4).
"""

from __future__ import annotations

import csv
import io

from ppsp.ehra.models import FrameDesa, SurveyRound
from ppsp.regions.models import Level, Region


def round_desa(survey: SurveyRound) -> list[Region]:
    """Desa an enumerator of this round may choose, ordered by code."""
    sampled = FrameDesa.objects.filter(frame__survey=survey, selected=True).values("desa_id")
    desa = Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA)
    if FrameDesa.objects.filter(frame__survey=survey, selected=True).exists():
        desa = desa.filter(pk__in=sampled)
    return list(desa.order_by("code").only("code", "name", "kecamatan_code"))


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def desa_csv(survey: SurveyRound) -> str:
    """``desa.csv``: name (desa code), label (name), kecamatan (kecamatan code)."""
    rows = [["name", "label", "kecamatan"]]
    rows += [[d.code, d.name, d.kecamatan_code] for d in round_desa(survey)]
    return _csv(rows)


def kecamatan_csv(survey: SurveyRound) -> str:
    """``kecamatan.csv``: name (code), label (name) of the kecamatan of the round's desa."""
    codes = {d.kecamatan_code for d in round_desa(survey)}
    kecamatan = Region.objects.filter(code__in=codes, level=Level.KECAMATAN).order_by("code")
    return _csv([["name", "label"], *([k.code, k.name] for k in kecamatan)])
