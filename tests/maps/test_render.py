"""Printed risk map (PNG/PDF, documents): scale bar, north arrow, legend, attribution."""

from __future__ import annotations

import pytest

from ppsp.maps import render
from ppsp.maps.loading import boundaries_load
from ppsp.regions.models import Level, Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("span", "length"), [(100.0, 20.0), (160.0, 20.0), (8.0, 2.0), (1000.0, 200.0), (3.0, 0.5)]
)
def test_it_picks_a_round_scale_bar_near_a_quarter_of_the_width(span: float, length: float) -> None:
    assert render.scale_length_km(span) == length


def test_it_draws_scale_north_arrow_legend_source_and_attribution(regions: None) -> None:
    boundaries_load(levels=(Level.DESA,), provinces=["15"])
    figure = render._figure(Region.objects.get(code="15.07"), None, "area", 1200)
    texts = [t.get_text() for t in figure.texts]
    for ax in figure.axes:
        texts += [t.get_text() for t in ax.texts]
    joined = " ".join(texts)
    assert "km" in joined and "U" in texts
    assert "cahyadsn/wilayah_boundaries (MIT)" in joined and "Sumber:" in joined
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert any("(93 desa)" in label for label in legend)
    png = render.choropleth_png("15.07", "area", width_px=600)
    assert png is not None and png.startswith(b"\x89PNG")


def test_it_prints_the_national_and_provincial_choropleths(cast: object) -> None:
    from django.test import Client
    from django.urls import reverse

    from ppsp.maps.render_regions import regions_figure

    boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA), provinces=["15", "75"])
    figure = regions_figure(cast.pmu, None, "ssk_age", width_px=800)  # type: ignore[attr-defined]
    assert figure is not None
    joined = " ".join(t.get_text() for t in figure.texts)
    assert "Umur SSK" in joined and "wilayah_boundaries" in joined and "Sumber:" in joined
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "Belum ada data (17)" in legend and legend[0] == "0–2 th (0)"
    client = Client()
    client.force_login(cast.pokja_provinsi)  # type: ignore[attr-defined]
    url = reverse("maps:province_export", kwargs={"code": "15", "fmt": "pdf"})
    response = client.get(url + "?indikator=layak")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="peta-15-layak.pdf"'
    national = reverse("maps:national_export", kwargs={"fmt": "png"})
    assert client.get(national).status_code == 404
