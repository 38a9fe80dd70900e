"""Where each headline figure comes from: one selector per figure (issue 16, DESIGN §3
"One source per figure"). Pages, exports, the API and the documents call these selectors;
``tests/core/test_figures_consistency.py`` renders the demo kab/kota and holds every
appearance of a figure equal to its selector.

The registry names dotted paths (resolved on use) so that ``core`` imports no app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class HeadlineFigure:
    key: str
    label: str
    selector: str  # dotted path of the function that computes it
    unit: str
    source: str  # where the numbers come from


FIGURES: tuple[HeadlineFigure, ...] = (
    HeadlineFigure(
        "need_a",
        "Kebutuhan biaya (a) per subsektor dan tahun",
        "ppsp.scenarios.figures.tabel51_of_record",
        "Rp",
        "baris skenario terpilih (Tabel 5.1)",
    ),
    HeadlineFigure(
        "apbd_murni_b",
        "Perkiraan APBD murni untuk sanitasi (b)",
        "ppsp.scenarios.figures.tabel51_of_record",
        "Rp",
        "kemampuan keuangan (finance.selectors.budgets) TA skenario",
    ),
    HeadlineFigure(
        "komitmen_c",
        "Perkiraan komitmen pendanaan sanitasi (c), 5 tahun",
        "ppsp.scenarios.figures.komitmen_total",
        "Rp",
        "kemampuan keuangan (finance.selectors.budgets) TA skenario terpilih",
    ),
    HeadlineFigure(
        "gaps",
        "Gap 1 (a − b) dan Gap 2 (a − c)",
        "ppsp.scenarios.figures.tabel51_of_record",
        "Rp",
        "compute.finance.gap_table",
    ),
    HeadlineFigure(
        "komitmen_per_source",
        "APBD kab/kota prioritas terhadap komitmen (MPS)",
        "ppsp.mps.selectors.komitmen_of",
        "Rp",
        "Tabel 5.1 (c); isian MPS hanya bila (c) belum ada",
    ),
    HeadlineFigure(
        "sanitasi_akses",
        "Akses sanitasi layak/aman per sumber dan tahun",
        "ppsp.profiles.figures.sanitasi_access",
        "% rumah tangga",
        "EHRA (tangga sanitasi) dan nilai tercatat (mis. SUSENAS)",
    ),
    HeadlineFigure(
        "population",
        "Penduduk dan KK kab/kota (satu tahun)",
        "ppsp.regions.figures.population_total",
        "jiwa, KK",
        "regions.Population tahun terakhir ≤ tahun diminta",
    ),
    HeadlineFigure(
        "population_desa",
        "Penduduk dan KK per desa",
        "ppsp.regions.figures.population_by_desa",
        "jiwa, KK",
        "regions.Population",
    ),
    HeadlineFigure(
        "ehra_sample",
        "Kerangka dan ukuran sampel EHRA (N, responden minimal, desa/rumah tangga)",
        "ppsp.ehra.figures.sample_figures",
        "KK, rumah tangga, desa",
        "SamplingFrame (N dari regions.figures.population_total)",
    ),
    HeadlineFigure(
        "irs",
        "IRS per desa",
        "ppsp.ehra.figures.irs_by_desa",
        "poin 0–100",
        "ehra.DesaResult",
    ),
    HeadlineFigure(
        "area_berisiko",
        "Kelas area berisiko per desa dan komponen",
        "ppsp.ehra.figures.area_class_by_desa",
        "kelas 1–4",
        "ehra.AreaRisk (kelas verifikasi bila ada; aturan compute.area_risk.final_class)",
    ),
    HeadlineFigure(
        "area_berisiko_counts",
        "Jumlah desa per kelas area berisiko (per komponen)",
        "ppsp.ehra.figures.area_class_counts",
        "desa",
        "ehra.figures.area_class_by_desa",
    ),
)


def selector(key: str) -> Callable[..., Any]:
    """The function that computes headline figure ``key``."""
    for figure in FIGURES:
        if figure.key == key:
            return import_string(figure.selector)  # type: ignore[no-any-return]
    raise KeyError(key)
