"""Demo desa boundaries of Tanjung Jabung Timur (15.07): the real outlines, not synthetic.

Loads the kecamatan and desa of the demo province (15 Jambi) from the vendored
``vendor/wilayah-boundaries`` set through ``ppsp.maps.loading`` (Kemendagri codes; all 93
desa of 15.07 have a polygon). A synthetic set left by an older demo is replaced; a set the
Pokja uploaded is kept. Idempotent: an unchanged set is skipped.
"""

from __future__ import annotations

from typing import Any

from ppsp.demo.data import DEMO_KABKOTA, DEMO_PROVINCE
from ppsp.maps.loading import boundaries_load
from ppsp.maps.models import BoundarySet
from ppsp.regions.models import Level


def load_maps_demo(stdout: Any) -> None:
    report = boundaries_load(levels=(Level.KECAMATAN, Level.DESA), provinces=[DEMO_PROVINCE])
    active = BoundarySet.objects.filter(region__code=DEMO_KABKOTA, active=True).first()
    count = active.desa.count() if active else 0
    stdout.write(
        f"Batas desa provinsi {DEMO_PROVINCE}: {report.written.get(Level.DESA, 0)} dimuat, "
        f"{report.unchanged.get(Level.DESA, 0)} tidak berubah; "
        f"{DEMO_KABKOTA}: {count} desa ({active.source if active else '-'})."
    )
