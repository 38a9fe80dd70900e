"""Demo programme picture: all 514 kab/kota, cohorts 2010–2019, stages, Pokja, facilitators.

SYNTHETIC. Which kab/kota joined in which year is drawn at random (fixed seed); only the
totals are chosen on purpose so that the figures quoted in programme texts can be
reproduced as selector queries (`ppsp.programme.stats`):

- 223 kab/kota joined 2009–2013 (`participants_through(2013)`), 98 new in 2014
  (`participants_by_cohort_year()[2014]`) and 127 kab/kota prepare their MPS in 2014
  (`kabkota_starting_stage_in(4, 2014)`), as in the Tanjung Jabung Timur programme text;
- 498 kab/kota with an SSK by 2019 (ToR PFI 2021, domain-ppsp.md §15); 16 never joined.

The confirmed series (225 by 2012, 446 by 2014, §15) differs from the programme text: the
demo follows the text, real figures must be imported. Kabupaten Tanjung Jabung Timur
(15.07) joined in 2013 and prepared its MPS in 2014 (seed text). Its Pokja and OPD names are
typical of a kabupaten SK Pokja; member names are invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from django.db import transaction

from ppsp.accounts.models import User
from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.demo.data import DEMO_KABKOTA, DEMO_PROVINCE
from ppsp.programme.models import (
    FacilitatorAssignment,
    FacilitatorTraining,
    Participation,
    Phase,
    PokjaSk,
    Stage,
    StageRecord,
    StageStatus,
)
from ppsp.programme.services.facilitators import facilitator_assign, facilitator_training_create
from ppsp.programme.services.pokja import opd_create, pokja_member_add, pokja_sk_create
from ppsp.regions.models import Level, Region

COHORT_SIZES: dict[int, int] = {
    2010: 30,
    2011: 30,
    2012: 36,
    2013: 127,
    2014: 98,
    2015: 60,
    2016: 50,
    2017: 35,
    2018: 20,
    2019: 12,
}
LAST_YEAR = 2025

OPDS = [
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"),
    ("Dinas Perumahan dan Kawasan Permukiman", "Dinas Perkim"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
]
MEMBERS = [  # (name, role, OPD short name, position)
    ("Ir. H. Syamsul Bahri", "ketua", "Bappeda", "Kepala Bappeda"),
    ("Nurhasanah, S.T.", "sekretaris", "Dinas PUPR", "Kabid Cipta Karya"),
    ("dr. Yuliana Sari", "anggota", "Dinkes", "Kabid Kesehatan Masyarakat"),
    ("Hendri Saputra, S.Hut.", "anggota", "DLH", "Kabid Pengelolaan Sampah"),
    ("Rahmat Hidayat, S.T.", "anggota", "Dinas Perkim", "Kabid Permukiman"),
    ("Sri Wahyuni, S.Sos.", "anggota", "DPMD", "Kabid Pemberdayaan Masyarakat"),
    ("Muhammad Iqbal, S.E.", "anggota", "BPKAD", "Kabid Anggaran"),
    ("Fitriani, S.Kom.", "anggota", "Diskominfo", "Kabid Informasi Publik"),
]


def synthetic_cohorts(codes: list[str], *, seed: int = 2010) -> dict[str, int | None]:
    """{kab/kota code: cohort year or None} with exactly COHORT_SIZES per year; 15.07 → 2013."""
    others = sorted(c for c in codes if c != DEMO_KABKOTA)
    order = np.random.default_rng(seed).permutation(len(others))
    shuffled = [others[i] for i in order]
    result: dict[str, int | None] = {}
    position = 0
    for year, size in COHORT_SIZES.items():
        take = size - (1 if year == 2013 and DEMO_KABKOTA in codes else 0)
        for code in shuffled[position : position + take]:
            result[code] = year
        position += take
    for code in shuffled[position:]:
        result[code] = None
    if DEMO_KABKOTA in codes:
        result[DEMO_KABKOTA] = 2013
    return result


def _history(cohort: int, draw: float) -> list[tuple[int, str, dt.date, dt.date | None]]:
    """(stage, status, start, end): stages 1–3 in the cohort year (BPS and SSK within one
    fiscal year), MPS the year after, then implementation and monev; ~4 % run late on MPS,
    ~10 % have not started monev."""
    year = cohort
    rows: list[tuple[int, str, dt.date, dt.date | None]] = [
        (1, StageStatus.SELESAI, dt.date(year, 1, 15), dt.date(year, 3, 31)),
        (2, StageStatus.SELESAI, dt.date(year, 2, 1), dt.date(year, 4, 30)),
        (3, StageStatus.SELESAI, dt.date(year, 3, 1), dt.date(year, 12, 15)),
    ]
    if draw < 0.04:
        rows.append((4, StageStatus.TERLAMBAT, dt.date(year + 1, 2, 1), None))
        return rows
    rows.append((4, StageStatus.SELESAI, dt.date(year + 1, 2, 1), dt.date(year + 1, 11, 30)))
    rows.append((5, StageStatus.BERJALAN, dt.date(year + 2, 1, 2), None))
    if draw >= 0.14:
        rows.append((6, StageStatus.BERJALAN, dt.date(year + 2, 7, 1), None))
    return rows


@transaction.atomic
def load_programme_demo(stdout: Any) -> None:
    kabkotas = {r.code: r for r in Region.objects.filter(level=Level.KABKOTA)}
    existing = set(Participation.objects.values_list("region__code", flat=True))
    cohorts = synthetic_cohorts(sorted(kabkotas))
    stages = {s.number: s for s in Stage.objects.all()}
    phases = list(Phase.objects.all())
    draws = np.random.default_rng(1507).random(len(kabkotas))
    new: list[tuple[Participation, list[tuple[int, str, dt.date, dt.date | None]]]] = []
    for i, code in enumerate(sorted(kabkotas)):
        cohort = cohorts[code]
        if cohort is None or code in existing:
            continue
        history = _history(cohort, 1.0 if code == DEMO_KABKOTA else float(draws[i]))
        current = history[-1]
        phase = next((p for p in phases if p.start_year <= cohort <= p.end_year), None)
        participation = Participation(
            region=kabkotas[code],
            cohort_year=cohort,
            phase=phase,
            current_stage=stages[current[0]],
            current_status=current[1],
        )
        new.append((participation, history))
    Participation.objects.bulk_create([p for p, _ in new], batch_size=1000)
    records = [
        StageRecord(
            participation=p,
            stage=stages[n],
            status=status,
            start_date=start,
            end_date=end,
            note="Data sintetis (demo)",
        )
        for p, history in new
        for n, status, start, end in history
    ]
    StageRecord.objects.bulk_create(records, batch_size=2000)
    if new:
        audit_record(
            actor=None,
            obj=new[0][0],
            action=Action.IMPORT,
            reason=f"Data demo sintetis: {len(new)} kepesertaan, {len(records)} catatan tahapan",
        )
    _pokja()
    _facilitators()
    stdout.write(f"Program PPSP demo: {len(new)} kab/kota peserta baru (sintetis).")


def _pokja() -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    if PokjaSk.objects.filter(region=region).exists():
        return
    opds = {
        short: opd_create(region=region, name=name, short_name=short, by=None)
        for name, short in OPDS
    }
    sks = [
        (
            "188.4/112/BAPPEDA/2013",
            dt.date(2013, 3, 4),
            MEMBERS[:5],
            "Pembentukan Pokja Sanitasi Kabupaten (peserta PPSP 2013).",
        ),
        (
            "245/KEP.BUP/BAPPEDA/2023",
            dt.date(2023, 5, 2),
            MEMBERS[5:],
            "Pokja Perumahan, Permukiman, Air Minum dan Sanitasi (PPAS).",
        ),
    ]
    for number, date, members, note in sks:
        sk = pokja_sk_create(region=region, number=number, date=date, note=note, by=None)
        for name, role, short, position in members:
            pokja_member_add(
                sk=sk, full_name=name, role=role, opd=opds[short], position=position, by=None
            )


def _facilitators() -> None:
    people = {u.username: u for u in User.objects.filter(username__in=["pf.jambi", "cf.tanjabtim"])}
    regions = {r.code: r for r in Region.objects.filter(code__in=[DEMO_PROVINCE, DEMO_KABKOTA])}
    plan = [("pf.jambi", "pf", DEMO_PROVINCE), ("cf.tanjabtim", "cf", DEMO_KABKOTA)]
    for username, kind, code in plan:
        user = people.get(username)
        if user is None:
            continue
        if not FacilitatorTraining.objects.filter(user=user).exists():
            facilitator_training_create(
                user=user,
                title=f"Pelatihan {kind.upper()} PPSP (Training of Facilitators)",
                start_date=dt.date(2024, 1, 15),
                end_date=dt.date(2024, 1, 20),
                certificate=f"TOF-{kind.upper()}-2024-{user.pk:03d}",
                by=None,
            )
        for year in (2024, LAST_YEAR, LAST_YEAR + 1):  # contracts up to the current cycle year
            if not FacilitatorAssignment.objects.filter(
                user=user, region=regions[code], contract_year=year
            ).exists():
                facilitator_assign(
                    user=user, kind=kind, region=regions[code], contract_year=year, by=None
                )
