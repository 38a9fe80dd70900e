"""Demo Form 2 profile and previous SSK for 15.07 load idempotently and feed kemajuan."""

from __future__ import annotations

import io

import pytest

from ppsp.demo.profiles import YEAR, load_profiles_demo, placeholder_pdf
from ppsp.profiles.kemajuan import current_values, kemajuan_rows
from ppsp.profiles.models import DesaProfile, LegacyDocument
from ppsp.profiles.selectors import legacy_documents, profile_for_kabkota
from ppsp.regions.models import Level, Population, Region

pytestmark = pytest.mark.django_db


def test_it_loads_the_demo_profiles_once_and_compares_them(regions: None) -> None:
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA))
    Population.objects.bulk_create(
        Population(region=d, year=YEAR, penduduk=1000 + i, kk=250) for i, d in enumerate(desa)
    )
    load_profiles_demo(io.StringIO())
    load_profiles_demo(io.StringIO())
    assert DesaProfile.objects.filter(year=YEAR).count() == len(desa)
    profiles = profile_for_kabkota("15.07", YEAR)
    assert all(p.kepadatan_netto is not None for p in profiles.values())
    assert all(p.kepadatan_netto >= p.kepadatan_bruto for p in profiles.values())  # type: ignore[operator]
    assert sum(p.cbd for p in profiles.values()) <= 3
    region = Region.objects.get(code="15.07")
    rows = kemajuan_rows(legacy_documents(region), current_values(region))
    assert LegacyDocument.objects.count() == 1 and len(rows) == 6
    jamban = next(r for r in rows if r.target.source == "jamban")
    assert jamban.current is not None and jamban.status in {"tercapai", "sebagian", "belum"}


def test_it_writes_a_readable_placeholder_pdf() -> None:
    pdf = placeholder_pdf("SSK demo")
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert b"startxref" in pdf
