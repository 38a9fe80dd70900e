"""EHRA → IRS → ladder → area berisiko for a synthetic national round.

Run: `.venv/bin/python bench/risk_national.py [n_desa] [per_desa]` (default 83,763 × 40).
A child process generates the seeded answers for every column of the 2021 questionnaire
(skip logic applied) and saves them uncompressed to a .npz in a temp dir; this process
then times loading it (the floor: merely reading the input), the IRS per desa, the
sanitation ladder and the area berisiko (secondary scores, OPD aggregation, IMPACT ×
EXPOSURE, classing within 514 kab/kota), and reports wall time, peak RSS of this process
and the ratio to the load time. Then one kab/kota (100 desa × 40 ≈ 4,000 households).
Targets: national < 60 s and < 4 GB; one kab/kota < 0.5 s.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ppsp.compute.area_risk import (  # noqa: E402
    AreaRiskInputs,
    AreaRiskResult,
    area_risk,
    secondary_scores,
    weighted_score,
)
from ppsp.compute.ehra import Households, IrsResult, irs  # noqa: E402
from ppsp.compute.ehra_synthetic import synthetic_households  # noqa: E402
from ppsp.compute.ladder import LadderResult, ladder  # noqa: E402
from ppsp.compute.questionnaire_2021 import EHRA_2021  # noqa: E402

KABKOTA = 514
SEED = 20260523


def generate(path: Path, n_desa: int, per_desa: int) -> None:
    """Child process: synthetic answers + per-desa secondary data and OPD ratings → .npz."""
    homes = synthetic_households(EHRA_2021, n_desa, per_desa, seed=SEED, approved_share=0.95)
    rng = np.random.default_rng(SEED + 1)
    extra = {
        "_desa": homes.desa,
        "_approved": homes.approved,
        "_urban": rng.random(n_desa) < 0.3,
        "_kabkota": (np.arange(n_desa, dtype=np.int64) * KABKOTA) // n_desa,
        "_impact_raw": rng.gamma(2.0, 50.0, (n_desa, 4)),
        "_exposure_raw": rng.random((n_desa, 6)) * 100,
        "_opd": np.where(
            rng.random((n_desa, 3, 5)) < 0.8, rng.integers(1, 5, (n_desa, 3, 5)), np.nan
        ),
    }
    np.savez(path, **homes.answers, **extra)


def compute(
    homes: Households, urban: np.ndarray, kabkota: np.ndarray, impact_raw: np.ndarray,
    exposure_raw: np.ndarray, opd: np.ndarray,
) -> tuple[IrsResult, LadderResult, AreaRiskResult]:  # fmt: skip
    """IRS, ladder and area berisiko for every desa given."""
    result = irs(homes)
    steps = ladder(homes, urban)
    impact = secondary_scores(impact_raw, (False, True, True, True), kabkota)
    # two secondary EXPOSURE indicators per SSK component: coverage (good-when-high), then bad
    exposure_scores = secondary_scores(exposure_raw, (False, True) * 3, kabkota)
    secondary = np.stack(
        [weighted_score(exposure_scores[:, 2 * k : 2 * k + 2], (1.0, 1.0)) for k in range(3)], 1
    )
    inputs = AreaRiskInputs(kabkota, impact.astype(float), secondary, result.components, opd)
    return result, steps, area_risk(inputs)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    n_desa = int(sys.argv[1]) if len(sys.argv) > 1 else 83_763
    per_desa = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    if len(sys.argv) > 3:  # child: generate only
        generate(Path(sys.argv[3]), n_desa, per_desa)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ehra.npz"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, str(n_desa), str(per_desa), str(path)], check=True
        )
        took = time.perf_counter() - start
        size = path.stat().st_size / 2**30
        print(f"generated {n_desa:,} desa × {per_desa} households in {took:.1f} s ({size:.2f} GiB)")
        start = time.perf_counter()
        with np.load(path) as data:
            arrays = {name: data[name] for name in data.files}
        load = time.perf_counter() - start
    answers = {k: v for k, v in arrays.items() if not k.startswith("_")}
    homes = Households(arrays["_desa"], n_desa, arrays["_approved"], answers)
    print(f"households {homes.size:,}, answer columns {len(answers)}; load {load:.2f} s")
    args = (arrays["_urban"], arrays["_kabkota"], arrays["_impact_raw"],
            arrays["_exposure_raw"], arrays["_opd"])  # fmt: skip
    start = time.perf_counter()
    result, steps, area = compute(homes, *args)
    wall = time.perf_counter() - start
    print(f"national IRS + ladder + area berisiko: {wall:.2f} s wall, "
          f"{wall / load:.1f}× the load time, peak RSS {peak_rss_mb():,.0f} MiB")  # fmt: skip
    classes = np.bincount(area.risk_class[:, 0], minlength=5)
    print(f"  IRS mean {np.nanmean(result.total):.1f}, air limbah classes 0..4 {classes}, "
          f"aman {np.nanmean(steps.percent[:, 5]):.1f} %")  # fmt: skip

    one = 100
    small = synthetic_households(EHRA_2021, one, per_desa, seed=SEED, approved_share=0.95)
    rng = np.random.default_rng(1)
    small_args = (rng.random(one) < 0.3, np.zeros(one, dtype=np.int64), rng.random((one, 4)),
                  rng.random((one, 6)), rng.integers(1, 5, (one, 3, 5)).astype(float))  # fmt: skip
    times = []
    for _ in range(5):
        start = time.perf_counter()
        compute(small, *small_args)
        times.append(time.perf_counter() - start)
    print(f"one kab/kota ({small.size:,} households): best {min(times) * 1000:.1f} ms, "
          f"worst {max(times) * 1000:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
