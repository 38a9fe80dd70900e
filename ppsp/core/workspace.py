"""The planning workspace of one kab/kota: every page of the PPSP work, in the order of
the update cycle (DESIGN.md §2), filtered to what the user may open.

Each planning app has its own kab/kota page; without this list a Pokja secretary would
have to know their addresses. Links the user may not open (404 for them) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for


@dataclass(frozen=True)
class Step:
    group: str | Promise
    label: str | Promise
    url_name: str
    permission: Permission
    with_year: bool = False
    # the Proses 1–5 whose outputs this page produces (its process page links here)
    processes: tuple[int, ...] = ()


P = Permission
STEPS: tuple[Step, ...] = (
    Step(_("Program"), _("Kepesertaan, tahapan dan Pokja"), "programme:kabkota", P.VIEW_PROGRAMME),
    Step(
        _("Proses 1"),
        _("Pokja Sanitasi: SK, anggota, OPD"),
        "programme:pokja",
        P.VIEW_PROGRAMME,
        processes=(1,),
    ),
    Step(_("Program"), _("Siklus pemutakhiran (Proses 1–5)"), "cycles:kabkota", P.VIEW_CYCLES),
    Step(_("Proses 2"), _("Profil desa (Form 2)"), "profiles:kabkota", P.VIEW_EHRA, processes=(2,)),
    Step(_("Proses 2"), _("Survei EHRA dan IRS"), "ehra:kabkota", P.VIEW_EHRA, processes=(2,)),
    Step(_("Proses 2"), _("Peta area berisiko"), "maps:map", P.VIEW_EHRA, processes=(2,)),
    Step(
        _("Proses 2"),
        _("Kemajuan terhadap SSK sebelumnya"),
        "profiles:kemajuan",
        P.VIEW_EHRA,
        processes=(2,),
    ),
    Step(
        _("Proses 3"),
        _("Visi, skenario dan Tabel 5.1"),
        "scenarios:kabkota",
        P.VIEW_PLANNING,
        processes=(3,),
    ),
    Step(
        _("Proses 3"),
        _("Kemampuan keuangan (PT-03)"),
        "finance:capacity",
        P.VIEW_PLANNING,
        with_year=True,
        processes=(3,),
    ),
    Step(_("Proses 4"), _("Program, KKL, SWOT dan MPS"), "mps:kabkota", P.VIEW_MPS, processes=(4,)),
    Step(
        _("Proses 5"),
        _("Konsultasi publik dan moderasi"),
        "consultation:kabkota",
        P.MODERATE_CONSULTATION,
        processes=(5,),
    ),
    Step(
        _("Dokumen"),
        _("BPS, SSK dan MPS"),
        "documents:kabkota",
        P.VIEW_DOCUMENTS,
        processes=(3, 4, 5),
    ),
    Step(_("Monev"), _("Realisasi dan capaian"), "monev:kabkota_latest", P.VIEW_MONEV),
    Step(
        _("Data"),
        _("Impor sistem sektor (SIPSN, STBM, SIPD)"),
        "exchange:imports",
        P.VIEW_REGION,
    ),
)


@dataclass(frozen=True)
class Link:
    group: str
    label: str
    url: str


def workspace_links(
    user: Any, code: str, *, year: int | None = None, process: int | None = None
) -> list[Link]:
    """The steps of kab/kota `code` that `user` may open, with their addresses; with
    `process`, only the pages that produce the outputs of that Proses (its tools).

    One scope query per distinct permission (cached on the user for the request).
    """
    year = year or timezone.localdate().year
    links = []
    for step in STEPS:
        if process is not None and process not in step.processes:
            continue
        if not scope_for(user, step.permission).covers(code):
            continue
        args: list[Any] = [code, year] if step.with_year else [code]
        links.append(Link(str(step.group), str(step.label), reverse(step.url_name, args=args)))
    return links
