"""Demo desa boundaries of Tanjung Jabung Timur (15.07). SYNTHETIC, not official boundaries.

Loads ``data/batas_desa_1507_sintetis.geojson`` (Voronoi cells, see ``maps_synthetic``)
through the normal import service, marked synthetic so the map and its exports say so.
Idempotent: an existing active set is left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.maps.models import BoundarySet
from ppsp.maps.services import boundary_commit, boundary_upload
from ppsp.regions.models import Region

FILE = Path(__file__).resolve().parent / "data" / "batas_desa_1507_sintetis.geojson"
SOURCE = "Batas SINTETIS demo (sel Voronoi acak dalam bbox Tanjung Jabung Timur)"


def load_maps_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    if BoundarySet.objects.filter(region=region, active=True).exists():
        stdout.write(f"Batas desa demo {DEMO_KABKOTA}: sudah ada.")
        return
    draft = boundary_upload(
        region=region,
        content=FILE.read_bytes(),
        filename=FILE.name,
        source=SOURCE,
        synthetic=True,
        by=None,
    )
    boundary_commit(boundary_set=draft, by=None)
    stdout.write(f"Batas desa demo {DEMO_KABKOTA}: {draft.desa.count()} desa (sintetis).")
