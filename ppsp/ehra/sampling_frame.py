"""EHRA sampling frame: K1–K4 inputs per desa (CSV), strata, sample size, allocation,
systematic selection with a recorded start and seed, and the RT/household lists of the
selected desa (ehra-risk.md §2.1–§2.4).

The computation is ``compute.sampling`` (stratify, krejcie_morgan, slovin, desa_count,
allocate, random_start, systematic_sample); this module parses the input file with
row/column errors in Bahasa Indonesia and stores the frame.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.sampling import (
    allocate,
    desa_count,
    krejcie_morgan,
    random_start,
    slovin,
    stratify,
    systematic_sample,
)
from ppsp.core.actors import user_of
from ppsp.core.permissions import Permission
from ppsp.core.tabular import cell_text as _text
from ppsp.core.tabular import read_table as _read_table
from ppsp.ehra.models import CutoffRule, FrameDesa, SamplingFrame, SurveyRound
from ppsp.ehra.sampling_rt import MIN_HOUSEHOLDS, MIN_RT, PER_RT, desa_seed, rt_plan
from ppsp.ehra.services import require
from ppsp.ehra.submissions_file import RowError, dotted_desa
from ppsp.regions.figures import population_total
from ppsp.regions.models import Level, Region

COLUMNS = ("kode_desa", "kepadatan", "kemiskinan", "k3_sungai", "k4_banjir")
OPTIONAL = "jumlah_rt"  # RT per desa, when known (else entered on the page later)
METHODS = {"krejcie_morgan": "Krejcie–Morgan", "slovin": "Slovin"}
_YES = {"1", "ya", "y", "true"}
_NO = {"0", "tidak", "t", "false", ""}

Row = tuple[str, float, float, bool, bool, int | None]


def parse_frame(
    filename: str, content: bytes, *, desa_codes: Collection[str]
) -> tuple[list[Row], list[RowError]]:
    """Rows (kode_desa, kepadatan jiwa/km², kemiskinan %, K3, K4, jumlah RT) and errors."""
    try:
        table = list(_read_table(filename, content))
    except ValueError as error:
        return [], [RowError(filename, 1, "", str(error))]
    header = [_text(c).lower() for c in table[0]] if table else []
    if missing := [c for c in COLUMNS if c not in header]:
        names = ", ".join(f"'{c}'" for c in missing)
        return [], [RowError(filename, 1, "", f"kolom wajib tidak ada: {names}.")]
    index = {c: header.index(c) for c in (*COLUMNS, OPTIONAL) if c in header}
    rows: list[Row] = []
    errors: list[RowError] = []
    seen: set[str] = set()
    for number, cells in enumerate(table[1:], start=2):
        values = {c: _text(cells[i]) if i < len(cells) else "" for c, i in index.items()}
        if not any(values.values()):
            continue
        problems: list[RowError] = []
        code = dotted_desa(values["kode_desa"])
        if code not in desa_codes:
            message = f"'{values['kode_desa']}' bukan kode desa kab/kota ini."
            problems.append(RowError(filename, number, "kode_desa", message))
        elif code in seen:
            problems.append(RowError(filename, number, "kode_desa", f"{code} ganda."))
        numbers: list[float] = []
        for column in ("kepadatan", "kemiskinan"):
            try:
                value = float(values[column].replace(",", "."))
                if value < 0 or value != value:
                    raise ValueError
                numbers.append(value)
            except ValueError:
                message = f"harus angka ≥ 0, bukan '{values[column]}'."
                problems.append(RowError(filename, number, column, message))
        flags: list[bool] = []
        for column in ("k3_sungai", "k4_banjir"):
            flag = values[column].lower()
            if flag not in _YES | _NO:
                message = f"isi ya/tidak (1/0), bukan '{values[column]}'."
                problems.append(RowError(filename, number, column, message))
            flags.append(flag in _YES)
        rt_count: int | None = None
        if values.get(OPTIONAL):
            try:
                rt_count = int(values[OPTIONAL])
                if rt_count < 1:
                    raise ValueError
            except ValueError:
                message = f"harus bilangan bulat ≥ 1 atau kosong, bukan '{values[OPTIONAL]}'."
                problems.append(RowError(filename, number, OPTIONAL, message))
        if problems:
            errors.extend(problems)
            continue
        seen.add(code)
        rows.append((code, numbers[0], numbers[1], flags[0], flags[1], rt_count))
    return rows, errors


def sample_size_for(population: int | None, method: str, margin: float) -> int:
    """Respondents by Krejcie–Morgan (d = margin) or Slovin (e = margin) for N KK."""
    n_pop = population or 10**6
    if method == "slovin":
        return slovin(n_pop, e=margin)
    if method != "krejcie_morgan":
        raise ValueError(f"unknown sample-size method {method!r}")
    return krejcie_morgan(n_pop, d=margin)


@transaction.atomic
def frame_create(
    *,
    survey: SurveyRound,
    rows: list[Row],
    target_desa: int,
    seed: int | None,
    by: Any,
    density_cutoff: float | None = None,
    poverty_cutoff: float | None = None,
    method: str = "krejcie_morgan",
    margin: float = 0.05,
) -> SamplingFrame:
    """Replace the round's frame: stratify, size, allocate, select, list RT and households.

    ``density_cutoff``/``poverty_cutoff`` None = above the kab/kota mean (the default
    rule), else K1/K2 are met above the typed value; the rule and value are stored.
    """
    require(by, Permission.RUN_EHRA, survey.region.code)
    seed = secrets.randbelow(2**31) if seed is None else seed
    result = stratify([r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                      [r[4] for r in rows], density_cutoff=density_cutoff,
                      poverty_cutoff=poverty_cutoff)  # fmt: skip
    frame_total = population_total(survey.region.code, survey.year)  # one year, never a sum
    kk = frame_total.kk if frame_total else None
    sample_size = sample_size_for(kk, method, margin)
    target = max(target_desa, 1)
    by_stratum: dict[int, list[str]] = {}
    for row, stratum in zip(rows, result.strata.tolist(), strict=True):
        by_stratum.setdefault(int(stratum), []).append(row[0])
    allocation = allocate({k: len(v) for k, v in by_stratum.items()}, target)
    starts: dict[str, int] = {}
    chosen: set[str] = set()
    for stratum, n in allocation.items():
        units = sorted(by_stratum[stratum])
        if n == 0:
            continue
        start = random_start(len(units), n, seed=seed + stratum)
        starts[str(stratum)] = start
        chosen.update(systematic_sample(units, n, start=start))
    SamplingFrame.objects.filter(survey=survey).delete()
    frame = SamplingFrame.objects.create(
        survey=survey,
        target_desa=target,
        sample_size=sample_size,
        sample_method=method,
        margin=margin,
        population=kk,
        per_desa=MIN_HOUSEHOLDS,
        rt_per_desa=MIN_RT,
        per_rt=PER_RT,
        seed=seed,
        density_cutoff=result.density_cutoff,
        poverty_cutoff=result.poverty_cutoff,
        density_rule=CutoffRule.MEAN if density_cutoff is None else CutoffRule.VALUE,
        poverty_rule=CutoffRule.MEAN if poverty_cutoff is None else CutoffRule.VALUE,
        starts=starts,
        allocation={str(k): v for k, v in allocation.items()},
        created_by=user_of(by),
    )
    pks = dict(Region.objects.filter(code__in=[r[0] for r in rows], level=Level.DESA)
               .values_list("code", "pk"))  # fmt: skip
    FrameDesa.objects.bulk_create(
        _with_rt(
            FrameDesa(
                frame=frame,
                desa_id=pks[r[0]],
                density=r[1],
                poverty=r[2],
                river=r[3],
                flood=r[4],
                strata=int(s),
                selected=r[0] in chosen,
                rt_count=r[5],
            ),
            r[0],
            seed,
        )
        for r, s in zip(rows, result.strata.tolist(), strict=True)
    )
    audit_record(
        actor=by,
        obj=survey,
        action=Action.UPDATE,
        changes=[{"field": "sampling_frame", "old": None, "new": f"seed {seed}"}],
        reason=f"Kerangka sampel: {len(chosen)} desa dari {len(rows)}, "
        f"{desa_count(sample_size)} desa minimal menurut {METHODS[method]} ({margin:g}); "
        f"batas K1 {result.density_cutoff:g}, K2 {result.poverty_cutoff:g}",
        region_code=survey.region.code,
    )
    return frame


def _with_rt(row: FrameDesa, code: str, frame_seed: int) -> FrameDesa:
    """Fill the RT draw of a selected desa whose number of RT is known; clear it otherwise."""
    if not row.selected or not row.rt_count:
        row.rt_seed, row.rt_start, row.rt_selected = None, None, []
        return row
    plan = rt_plan(row.rt_count, seed=desa_seed(frame_seed, code))
    row.rt_seed, row.rt_start, row.rt_selected = plan.seed, plan.start, list(plan.rt)
    row.households_per_rt = plan.per_rt
    return row


@transaction.atomic
def frame_rt_set(*, frame: SamplingFrame, counts: dict[int, int | None], by: Any) -> int:
    """Enter the number of RT of selected desa (desa pk → n) and redraw their RT; audited."""
    require(by, Permission.RUN_EHRA, frame.survey.region.code)
    rows = list(
        FrameDesa.objects.filter(frame=frame, selected=True, desa_id__in=counts).select_related(
            "desa"
        )
    )
    changed = []
    for row in rows:
        count = counts[row.desa_id]
        if count is not None and count < 1:
            raise ValidationError({"rt_count": "Jumlah RT harus ≥ 1."})
        if count == row.rt_count:
            continue
        old = row.rt_count
        row.rt_count = count
        _with_rt(row, row.desa.code, frame.seed)
        changed.append(row)
        audit_record(
            actor=by,
            obj=frame.survey,
            action=Action.UPDATE,
            changes=[{"field": f"rt_count {row.desa.code}", "old": old, "new": count}],
            reason=f"RT terpilih {row.desa.code}: {row.rt_selected} (seed {row.rt_seed})",
            region_code=row.desa.code,
        )
    FrameDesa.objects.bulk_update(
        changed, ["rt_count", "rt_seed", "rt_start", "rt_selected", "households_per_rt"]
    )
    return len(changed)
