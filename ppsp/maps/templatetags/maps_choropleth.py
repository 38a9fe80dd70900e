"""``{% choropleth province %}``: the kab/kota map block of a programme dashboard.

The block is small static HTML; the map itself loads afterwards from its own endpoints
(``maps:national_outlines`` / ``maps:province_outlines`` and the indicator JSON), so the
dashboard page stays as fast as it is without the map.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from ppsp.maps.loading import ATTRIBUTION
from ppsp.maps.regional import INDICATORS
from ppsp.programme.models import Stage
from ppsp.regions.models import Region

register = template.Library()


@register.inclusion_tag("maps/_choropleth.html")
def choropleth(province: Region | None = None) -> dict[str, Any]:
    if province is not None:
        outlines = reverse("maps:province_outlines", kwargs={"code": province.code})
        png = reverse("maps:province_export", kwargs={"code": province.code, "fmt": "png"})
        pdf = reverse("maps:province_export", kwargs={"code": province.code, "fmt": "pdf"})
        indicators = reverse("maps:province_indicators", kwargs={"code": province.code})
    else:
        outlines = reverse("maps:national_outlines")
        png = reverse("maps:national_export", kwargs={"fmt": "png"})
        pdf = reverse("maps:national_export", kwargs={"fmt": "pdf"})
        indicators = reverse("maps:national_indicators")
    return {
        "province": province,
        "outlines": outlines,
        "indicators_url": indicators,
        "export_png": png,
        "export_pdf": pdf,
        "indicators": [(key, str(label)) for key, label in INDICATORS.items()],
        "kabkota_url": reverse("programme:kabkota", kwargs={"code": "00.00"}),
        "tile_url": getattr(settings, "PPSP_MAP_TILE_URL", ""),
        "strings": {
            "stages": list(Stage.objects.order_by("number").values_list("name", flat=True)),
            "none": "–",
            "none_label": _("Belum ada data"),
            "error": _("Peta tidak dapat dimuat."),
            "attribution": ATTRIBUTION,
            "year": _("Tahun"),
        },
    }
