"""The exportable tables: each a queryset builder filtered by the user's scope, and columns.

A table names the path from its rows to `Region` (`prefix`), the permission whose scope
limits it, and its columns as `values_list` fields; `transform` turns a tuple into the
output row when a column is computed (Tabel 5.1 needs per subsector from a JSON field).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ppsp.compute.area_risk import final_class
from ppsp.compute.vocabulary import SUBSECTORS
from ppsp.core.permissions import Permission
from ppsp.core.scope import Scope
from ppsp.ehra.labels import DEFAULT_CLASSES, classes_of
from ppsp.regions.models import Level, Region


@dataclass(frozen=True)
class ExportTable:
    key: str
    label: Any
    permission: Permission
    model: Callable[[], type[Model]]
    prefix: str
    columns: tuple[str, ...]
    headers: tuple[str, ...] = ()
    transform: Callable[[tuple[Any, ...]], list[Any]] | None = None

    def output_headers(self) -> list[str]:
        return list(self.headers or self.columns)

    def queryset(self, scope: Scope, region: Region | None) -> QuerySet[Any]:
        qs = self.model()._default_manager.filter(scope.region_q(self.prefix))
        if region is not None:
            qs = qs.filter(region_filter(self.prefix, region))
        return qs.order_by(*self.columns[:1], "pk").values_list(*self.columns)

    def rows(self, scope: Scope, region: Region | None) -> Iterator[list[Any]]:
        if scope.empty:
            return
        for values in self.queryset(scope, region).iterator(chunk_size=2000):
            row = self.transform(values) if self.transform else list(values)
            yield [cell(v) for v in row]


def region_filter(prefix: str, region: Region) -> Q:
    """Rows whose region lies in `region` (one indexed equality per level)."""
    if region.level == Level.PROVINSI:
        return Q(**{f"{prefix}province_code": region.code})
    if region.level == Level.KABKOTA:
        return Q(**{f"{prefix}kabkota_code": region.code})
    if region.level == Level.KECAMATAN:
        return Q(**{f"{prefix}kecamatan_code": region.code})
    return Q(**{f"{prefix}code": region.code})


def cell(value: Any) -> Any:
    """A value as written to CSV/XLSX: numbers stay numbers, dates ISO, JSON as text."""
    if value is None or isinstance(value, bool | int | float | Decimal | str):
        return value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _area_row(values: tuple[Any, ...]) -> list[Any]:
    """The class columns plus the final class with the label and colour of the round's
    method version (``ehra.labels``; a round without a recorded version: the defaults)."""
    *head, risk_class, override_class, class_labels, count = values
    final = final_class(risk_class, override_class)  # the class every page shows
    classes = classes_of(class_labels, count) if class_labels else DEFAULT_CLASSES
    return [*head, risk_class, override_class, final, classes.label(final), classes.colour(final)]


def _plan_row(values: tuple[Any, ...]) -> list[Any]:
    code, name, first_year, needs, komitmen = values
    needs = needs or {}
    return [code, name, first_year, *[needs.get(s, 0) for s in SUBSECTORS], komitmen]


def _m(app: str, name: str) -> Callable[[], type[Model]]:
    def load() -> type[Model]:
        from django.apps import apps

        return apps.get_model(app, name)

    return load


_PROGRAMME_ROW = (
    "plan__region__code", "plan__first_year", "subsector", "program_code", "program",
    "kegiatan_code", "kegiatan", "kategori", "sidlacom", "lokasi__code", "volume", "unit",
    "amount_1", "amount_2", "amount_3", "amount_4", "amount_5", "source", "opd", "priority",
    "status",
)  # fmt: skip

TABLES: dict[str, ExportTable] = {
    t.key: t
    for t in (
        ExportTable(
            "wilayah", _("Wilayah (provinsi s.d. desa)"), Permission.VIEW_REGION,
            _m("regions", "Region"), "",
            ("code", "name", "level", "kind", "province_code", "kabkota_code", "kecamatan_code"),
        ),
        ExportTable(
            "penduduk", _("Penduduk per desa dan tahun"), Permission.VIEW_REGION,
            _m("regions", "Population"), "region__",
            ("region__code", "region__name", "year", "penduduk", "kk", "source"),
        ),
        ExportTable(
            "partisipasi", _("Partisipasi PPSP"), Permission.VIEW_PROGRAMME,
            _m("programme", "Participation"), "region__",
            ("region__code", "region__name", "cohort_year", "phase__name",
             "current_stage__number", "current_status"),
        ),
        ExportTable(
            "tahapan", _("Tahapan per kab/kota"), Permission.VIEW_PROGRAMME,
            _m("programme", "StageRecord"), "participation__region__",
            ("participation__region__code", "stage__number", "stage__name", "status",
             "start_date", "end_date", "due_date"),
        ),
        ExportTable(
            "dokumen", _("Dokumen BPS/SSK/MPS"), Permission.VIEW_DOCUMENTS,
            _m("documents", "DocumentVersion"), "document__region__",
            ("document__region__code", "document__doc_type", "document__period_start",
             "document__period_end", "number", "status", "legal_kind", "legal_number",
             "legal_date", "approved_at"),
        ),
        ExportTable(
            "ehra_irs", _("EHRA: IRS per desa"), Permission.VIEW_EHRA,
            _m("ehra", "DesaResult"), "desa__",
            ("desa__code", "desa__name", "survey__year", "households", "sumber_air",
             "air_limbah", "persampahan", "genangan", "phbs", "irs", "irs_class"),
        ),
        ExportTable(
            "area_berisiko", _("Area berisiko per desa"), Permission.VIEW_EHRA,
            _m("ehra", "AreaRisk"), "desa__",
            ("desa__code", "desa__name", "survey__year", "component", "impact", "s_irs",
             "s_opd", "exposure", "area", "risk_class", "override_class",
             "survey__config__class_labels", "survey__config__classes"),
            ("desa__code", "desa__name", "survey__year", "component", "impact", "s_irs",
             "s_opd", "exposure", "area", "risk_class", "override_class",
             "kelas_akhir", "label_kelas", "warna_kelas"),
            _area_row,
        ),
        ExportTable(
            "program_mps", _("Baris program (Lampiran 4 MPS)"), Permission.VIEW_MPS,
            _m("mps", "ProgrammeRow"), "plan__region__", _PROGRAMME_ROW,
        ),
        ExportTable(
            "tabel_5_1", _("Tabel 5.1 kebutuhan pendanaan"), Permission.VIEW_MPS,
            _m("mps", "Plan"), "region__",
            ("region__code", "region__name", "first_year", "need_by_subsector", "komitmen_apbd"),
            ("region__code", "region__name", "first_year",
             *[f"kebutuhan_{s}" for s in SUBSECTORS], "komitmen_apbd"),
            _plan_row,
        ),
        ExportTable(
            "komitmen", _("Komitmen pendanaan"), Permission.VIEW_MPS,
            _m("mps", "FundingCommitment"), "row__plan__region__",
            ("row__plan__region__code", "row_id", "row__kegiatan", "party", "year", "amount",
             "kind", "status", "evidence"),
        ),
        ExportTable(
            "angka_sektor", _("Angka sistem sektor (SIPSN, STBM, SIPD)"), Permission.VIEW_REGION,
            _m("exchange", "SectorFigure"), "region__",
            ("region__code", "region__name", "year", "indicator", "key", "value",
             "source_system", "batch_id"),
        ),
        ExportTable(
            "realisasi", _("Realisasi baris program (monev)"), Permission.VIEW_MONEV,
            _m("monev", "RowRealisation"), "report__region__",
            ("report__region__code", "report__year", "report__status", "row_id",
             "row__kegiatan", "row__subsector", "row__source", "budget", "output",
             "work_status", "evidence", "na_code", "na_reason"),
        ),
        ExportTable(
            "realisasi_indikator", _("Realisasi indikator sasaran (monev)"),
            Permission.VIEW_MONEV, _m("monev", "IndicatorRealisation"), "report__region__",
            ("report__region__code", "report__year", "report__status", "node_id",
             "node__indicator", "node__subsector", "value", "source", "na_code", "na_reason"),
        ),
        ExportTable(
            "peringkat", _("Peringkat monev kab/kota"), Permission.VIEW_MONEV,
            _m("monev", "KabkotaScore"), "region__",
            ("region__code", "region__name", "year", "stage", "completeness", "timeliness",
             "realisation", "score", "rank_national", "rank_province", "status",
             "computed_at"),
        ),
    )
}  # fmt: skip
