"""Administrative regions (Kemendagri codes) and yearly population per desa.

One table for all four levels (adjacency list + the Kemendagri code as a
materialised path). Ancestor codes are stored denormalised so that "everything in
province 15" or "everything in kab/kota 15.07" is one indexed equality filter on
SQLite and PostgreSQL alike (anchors-code.md §7 caveat, §10 regions).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    PROVINSI = 1, _("Provinsi")
    KABKOTA = 2, _("Kabupaten/Kota")
    KECAMATAN = 3, _("Kecamatan")
    DESA = 4, _("Desa/Kelurahan")


class Kind(models.TextChoices):
    """Type within a level: KABUPATEN/KOTA for level 2, DESA/KELURAHAN for level 4."""

    NONE = "", "-"
    KABUPATEN = "KABUPATEN", _("Kabupaten")
    KOTA = "KOTA", _("Kota")
    DESA = "DESA", _("Desa")
    KELURAHAN = "KELURAHAN", _("Kelurahan")


class Region(models.Model):
    code = models.CharField(_("kode"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    province_code = models.CharField(max_length=2, db_index=True)
    kabkota_code = models.CharField(max_length=5, blank=True, db_index=True)
    kecamatan_code = models.CharField(max_length=8, blank=True, db_index=True)
    # Lower-cased "type name code" ("kota jambi 15.71") for the region navigator's search.
    search_text = models.CharField(max_length=160)

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        # Covering index for the navigator: a substring search walks this index in display
        # order and stops at the first page of matches, never touching the table rows
        # (bench/regions.py: p95 ~20 ms over 91,592 regions on SQLite).
        indexes = [
            models.Index(fields=["level", "name", "search_text"], name="region_level_name_search")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4),
                name="region_level_range",
                violation_error_message=_(
                    "Tingkat wilayah harus antara 1 (provinsi) dan 4 (desa)."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(level=1, parent__isnull=True)
                | models.Q(level__gt=1, parent__isnull=False),
                name="region_parent_iff_not_province",
                violation_error_message=_(
                    "Provinsi tidak mempunyai induk; wilayah lain harus mempunyai induk."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def display_name(self) -> str:
        """Name with its type, e.g. 'Kabupaten Tanjung Jabung Timur', 'Desa Sungai Ular'."""
        if self.level == Level.PROVINSI:
            return f"Provinsi {self.name}"
        if self.level == Level.KECAMATAN:
            return f"Kecamatan {self.name}"
        if self.kind and not self.name.upper().startswith(self.kind):
            return f"{self.get_kind_display()} {self.name}"
        return self.name


class Population(models.Model):
    """Yearly population of one desa/kelurahan (imported or entered; demo data synthetic)."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="populations", verbose_name=_("desa")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    penduduk = models.PositiveIntegerField(_("jumlah penduduk (jiwa)"))
    kk = models.PositiveIntegerField(_("jumlah KK"))
    source = models.CharField(_("sumber data"), max_length=120, blank=True)

    class Meta:
        ordering = ["region__code", "year"]
        verbose_name = _("penduduk")
        verbose_name_plural = _("penduduk")
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="population_region_year"),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="population_year_range",
                violation_error_message=_("Tahun penduduk harus antara 1990 dan 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region.code} {self.year}: {self.penduduk}"
