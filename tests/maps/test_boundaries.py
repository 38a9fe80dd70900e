"""load_boundaries: vendored outlines and desa, idempotent, uploads kept, demo real desa."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ppsp.audit.models import AuditEvent
from ppsp.maps.loading import SOURCE, boundaries_load
from ppsp.maps.models import BoundarySet, DesaBoundary, RegionBoundary
from ppsp.regions.models import Level, Region
from tests.maps.support import boundaries_in

pytestmark = pytest.mark.django_db


def test_it_loads_one_province_with_three_zoom_levels_and_is_idempotent(regions: None) -> None:
    report = boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA), provinces=["15"])
    assert report.written == {Level.PROVINSI: 1, Level.KABKOTA: 11}
    kab = RegionBoundary.objects.get(region__code="15.07")
    assert kab.source == SOURCE and kab.level == Level.KABKOTA
    assert kab.points > kab.points_medium > kab.points_low > 10
    for text in (kab.geometry, kab.geometry_medium, kab.geometry_low):
        geometry = json.loads(text)
        assert geometry["type"] == "MultiPolygon" and geometry["coordinates"]
    assert 103 < kab.min_lon < kab.max_lon < 105 and -2 < kab.min_lat < kab.max_lat < 0
    again = boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA), provinces=["15"])
    assert again.written == {Level.PROVINSI: 0, Level.KABKOTA: 0}
    assert again.unchanged == {Level.PROVINSI: 1, Level.KABKOTA: 11}
    assert not RegionBoundary.objects.filter(region__province_code="75").exists()


def test_it_loads_the_desa_of_every_kabkota_and_reports_those_without_polygon(
    regions: None,
) -> None:
    report = boundaries_load(levels=(Level.DESA,), provinces=["15"])
    sets = BoundarySet.objects.filter(active=True, region__province_code="15")
    assert sets.count() == 11 and all(s.source == SOURCE for s in sets)
    assert sets.get(region__code="15.07").desa.count() == 93
    desa = Region.objects.filter(level=Level.DESA, province_code="15").count()
    missing = report.without_polygon[Level.DESA]
    assert DesaBoundary.objects.count() == desa - len(missing) == report.written[Level.DESA]
    assert AuditEvent.objects.filter(object_type="maps.boundaryset").count() == 11
    again = boundaries_load(levels=(Level.DESA,), provinces=["15"])
    assert again.written[Level.DESA] == 0 and again.unchanged[Level.DESA] == desa - len(missing)
    assert BoundarySet.objects.count() == 11


def test_it_keeps_a_set_the_pokja_uploaded(regions: None) -> None:
    uploaded = boundaries_in("15.07")
    report = boundaries_load(levels=(Level.DESA,), provinces=["15"])
    assert report.kept_uploads == ["15.07"]
    assert BoundarySet.objects.get(region__code="15.07", active=True).pk == uploaded.pk


def test_it_replaces_a_synthetic_set(regions: None) -> None:
    BoundarySet.objects.filter(pk=boundaries_in("15.07").pk).update(synthetic=True)
    boundaries_load(levels=(Level.DESA,), provinces=["15"])
    active = BoundarySet.objects.get(region__code="15.07", active=True)
    assert active.source == SOURCE and not active.synthetic and active.desa.count() == 93


def test_it_reports_counts_from_the_command(regions: None) -> None:
    out = io.StringIO()
    call_command("load_boundaries", "--province", "15", "--levels", "kabkota,desa", stdout=out)
    text = out.getvalue()
    assert "kab/kota" in text and "dimuat     11" in text and "tanpa poligon" in text
    assert "Batas wilayah siap" in text


def test_it_refuses_unknown_levels_and_provinces(regions: None) -> None:
    with pytest.raises(CommandError, match="Tingkat tidak dikenal"):
        call_command("load_boundaries", "--levels", "negara", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Provinsi 99"):
        call_command("load_boundaries", "--province", "99", stdout=io.StringIO())


def test_it_loads_the_real_desa_for_the_demo(regions: None) -> None:
    from ppsp.demo.maps import load_maps_demo

    out = io.StringIO()
    load_maps_demo(out)
    load_maps_demo(out)
    active = BoundarySet.objects.get(region__code="15.07", active=True)
    assert not active.synthetic and active.source == SOURCE and active.desa.count() == 93
    assert "tidak berubah" in out.getvalue()


def test_it_previews_which_active_set_an_upload_replaces(cast: object) -> None:
    from django.test import Client
    from django.urls import reverse

    from tests.maps.support import draft_in

    boundaries_load(levels=(Level.DESA,), provinces=["15"])
    draft = draft_in("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)  # type: ignore[attr-defined]
    page = client.get(reverse("maps:preview", kwargs={"pk": draft.pk})).content.decode()
    assert 'data-testid="preview-replaces"' in page and SOURCE in page and "93 desa" in page
    assert "4 desa cocok, 89 desa tanpa batas" in page
