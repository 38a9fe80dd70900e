"""Boundaries as GeoJSON text plus a bbox (no PostGIS; SQLite and PostgreSQL).

Desa: one active ``BoundarySet`` per kab/kota (uploaded by the Pemda or loaded from the
vendored set). Provinsi, kab/kota and kecamatan: one ``RegionBoundary`` each, with the full
outline and two simplifications served to the provincial and national maps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Region


class BoundarySet(models.Model):
    """One uploaded boundary file of a kab/kota: a draft until committed, then the active set."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("kab/kota")
    )
    filename = models.CharField(_("nama berkas"), max_length=200)
    source = models.CharField(_("sumber"), max_length=200, blank=True)
    synthetic = models.BooleanField(_("sintetis (bukan batas resmi)"), default=False)
    active = models.BooleanField(_("aktif"), default=False)
    feature_count = models.PositiveIntegerField(_("jumlah fitur"), default=0)
    unmatched = models.JSONField(_("fitur tidak cocok"), default=list, blank=True)
    simplified_from = models.PositiveIntegerField(_("titik sebelum disederhanakan"), default=0)
    points = models.PositiveIntegerField(_("titik tersimpan"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # md5 of the stored geometries, so a re-run of load_boundaries skips unchanged sets.
    checksum = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        ordering = ["region__code", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(active=True),
                name="maps_one_active_set_per_kabkota",
                violation_error_message=_(
                    "Kabupaten/kota ini sudah mempunyai satu set batas wilayah yang aktif."
                ),
            )
        ]
        verbose_name = _("batas desa")
        verbose_name_plural = _("batas desa")

    def __str__(self) -> str:
        return f"Batas desa {self.region_id} ({self.filename})"


class DesaBoundary(models.Model):
    """Geometry of one desa as GeoJSON MultiPolygon text (WGS84) and its bounding box."""

    boundary_set = models.ForeignKey(BoundarySet, on_delete=models.CASCADE, related_name="desa")
    desa = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    feature_number = models.PositiveIntegerField(_("nomor fitur"))
    matched_by = models.CharField(_("dicocokkan lewat"), max_length=10)  # "kode" or "nama"
    geometry = models.TextField(_("geometri (GeoJSON)"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()

    class Meta:
        ordering = ["desa__code"]
        constraints = [
            models.UniqueConstraint(fields=["boundary_set", "desa"], name="maps_one_shape_per_desa")
        ]

    def __str__(self) -> str:
        return f"Batas {self.desa_id}"


class RegionBoundary(models.Model):
    """Outline of one provinsi, kab/kota or kecamatan (MultiPolygon GeoJSON text, WGS84).

    ``geometry`` is the outline as loaded; ``geometry_medium`` (0.002° ≈ 220 m) feeds the
    provincial map, ``geometry_low`` (0.01° ≈ 1.1 km, small islands dropped) the national one
    (``ppsp.compute.geometry.simplify_multipolygon``).
    """

    region = models.OneToOneField(
        Region, on_delete=models.PROTECT, related_name="boundary", verbose_name=_("wilayah")
    )
    level = models.PositiveSmallIntegerField(_("tingkat"), db_index=True)
    source = models.CharField(_("sumber"), max_length=200)
    checksum = models.CharField(max_length=32)
    geometry = models.TextField(_("geometri (GeoJSON)"))
    geometry_medium = models.TextField(_("geometri sedang"))
    geometry_low = models.TextField(_("geometri ringkas"))
    points = models.PositiveIntegerField(_("titik"), default=0)
    points_medium = models.PositiveIntegerField(default=0)
    points_low = models.PositiveIntegerField(default=0)
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("batas wilayah")
        verbose_name_plural = _("batas wilayah")

    def __str__(self) -> str:
        return f"Batas {self.region_id}"
