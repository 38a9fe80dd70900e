"""Writes of Form 2 profiles (grid and XLSX import) and previous SSK documents; audited."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.core import freeze
from ppsp.core.access import require_permission
from ppsp.core.permissions import Permission
from ppsp.core.tabular import cell_text, read_table
from ppsp.ehra.services import recompute_kabkota_later
from ppsp.profiles.columns import BY_KEY, COLUMNS, EDITABLE, parse_cell
from ppsp.profiles.models import DesaProfile, LegacyDocument, LegacyTarget
from ppsp.profiles.selectors import PROFILE_FIELDS
from ppsp.regions.models import Level, Population, Region
from ppsp.regions.services import population_upsert

MAX_LEGACY_BYTES = 30 * 1024 * 1024
LEGACY_TYPES = (".pdf", ".docx", ".doc")


require = partial(require_permission, message="Anda tidak berwenang mengubah data wilayah ini.")
"""PermissionDenied unless the user may change the region's data (``by=None``: the system)."""


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _check_values(values: dict[str, Any], population: Population | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    penduduk = values.get("penduduk", population.penduduk if population else None)
    kk = values.get("kk", population.kk if population else None)
    if penduduk is not None and kk is not None and kk > penduduk:
        errors["kk"] = "Jumlah KK tidak boleh melebihi jumlah penduduk."
    if (penduduk is None) != (kk is None) and population is None:
        errors["kk" if kk is None else "penduduk"] = "Isi jumlah penduduk dan KK bersama-sama."
    if values.get("kk_miskin") is not None and kk is not None and values["kk_miskin"] > kk:
        errors["kk_miskin"] = "Jumlah KK miskin tidak boleh melebihi jumlah KK."
    adm, built = values.get("luas_administratif"), values.get("luas_terbangun")
    if adm is not None and built is not None and built > adm:
        errors["luas_terbangun"] = "Luas terbangun tidak boleh melebihi luas administratif."
    return errors


def _recompute_risk(kabkota_code: str) -> None:
    """Form 2 feeds area berisiko: computed EHRA rounds are recomputed after commit."""
    recompute_kabkota_later(kabkota_code)


@transaction.atomic
def profile_save(
    *,
    desa: Region,
    year: int,
    values: dict[str, Any],
    by: Any,
    reason: str = "",
    recompute: bool = True,
) -> DesaProfile:
    """Set the Form 2 row of one desa and year; penduduk/KK go to ``regions.Population``.

    ``values`` holds parsed cells keyed by column key; missing keys keep their value.
    Raises ValidationError (field -> Indonesian message) when the row is inconsistent.
    ``recompute`` queues the recomputation of the kab/kota's area berisiko (the import
    does it once for all rows).
    """
    if desa.level != Level.DESA:
        raise ValidationError({"desa": "Profil Form 2 dicatat per desa/kelurahan."})
    require(by, Permission.EDIT_REGION_DATA, desa.code)
    _refuse_frozen_year(desa.kabkota_code or "", year)
    population = Population.objects.filter(region=desa, year=year).first()
    errors = _check_values(values, population)
    if errors:
        raise ValidationError(errors)
    profile = DesaProfile.objects.select_for_update().filter(desa=desa, year=year).first()
    created = profile is None
    if profile is None:
        profile = DesaProfile(desa=desa, year=year)
    with audited_update(
        profile, PROFILE_FIELDS, actor=by, created=created, reason=reason, region_code=desa.code
    ):
        for name in PROFILE_FIELDS:
            if name in values:
                setattr(profile, name, values[name])
        profile.updated_by = _user(by)
        profile.full_clean()
        profile.save()
    penduduk = values.get("penduduk", population.penduduk if population else None)
    kk = values.get("kk", population.kk if population else None)
    changed = population is None or (population.penduduk, population.kk) != (penduduk, kk)
    if penduduk is not None and kk is not None and changed:
        population_upsert(
            region=desa,
            year=year,
            penduduk=penduduk,
            kk=kk,
            source="Form 2",
            by=by,
            reason=reason or "Profil Form 2",
        )
    if recompute:
        _recompute_risk(desa.kabkota_code)
    return profile


def _frozen_year(code: str, year: int) -> str:
    """The refusal when Form 2/penduduk of `year` is bound by an approved document."""
    keys = [(code, "form2_year", year), (code, "population_year", year)]
    holder = freeze.holder_of_keys(keys)
    return freeze.frozen_message(holder) if holder else ""


def _refuse_frozen_year(code: str, year: int) -> None:
    message = _frozen_year(code, year)
    if message:
        raise ValidationError({NON_FIELD_ERRORS: message})


@dataclass
class ImportReport:
    saved: int = 0
    errors: list[str] = field(default_factory=list)


def profiles_import(
    *, kabkota: Region, year: int, filename: str, content: bytes, by: Any
) -> ImportReport:
    """Import a Form 2 XLSX/CSV: all rows or nothing; every bad cell is reported."""
    require(by, Permission.EDIT_REGION_DATA, kabkota.code)
    if _frozen_year(kabkota.code, year):
        return ImportReport(errors=[f"{filename}: {_frozen_year(kabkota.code, year)}"])
    report = ImportReport()
    try:
        table = list(read_table(filename, content))
    except ValueError as error:
        report.errors.append(f"{filename}: {error}")
        return report
    if not table:
        report.errors.append(f"{filename}: berkas kosong.")
        return report
    headers = [cell_text(h).lower() for h in table[0]]
    positions: dict[str, int] = {}
    for column in COLUMNS:
        if column.kind in {"label", "derived"}:
            continue
        if column.header.lower() not in headers:
            report.errors.append(f"{filename}: kolom '{column.header}' tidak ada di baris 1.")
        else:
            positions[column.key] = headers.index(column.header.lower())
    if report.errors:
        return report
    desa = {r.code: r for r in Region.objects.filter(kabkota_code=kabkota.code, level=Level.DESA)}
    parsed: list[tuple[Region, dict[str, Any], int]] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(table[1:], start=2):
        cells = list(row) + [None] * (len(headers) - len(row))
        if all(cell_text(c) == "" for c in cells):
            continue
        code = cell_text(cells[positions["code"]])
        where = f"{filename} baris {number}"
        if code not in desa:
            report.errors.append(
                f"{where}, kolom 'Kode desa': '{code}' bukan desa di {kabkota.display_name}."
            )
            continue
        if code in seen:
            report.errors.append(
                f"{where}, kolom 'Kode desa': {code} sudah ada di baris {seen[code]}."
            )
            continue
        seen[code] = number
        values: dict[str, Any] = {}
        for column in EDITABLE:
            try:
                values[column.key] = parse_cell(column, cells[positions[column.key]])
            except ValueError as error:
                report.errors.append(f"{where}, kolom '{column.header}': {error}.")
        parsed.append((desa[code], values, number))
    if report.errors:
        return report
    try:
        with transaction.atomic():
            for region, values, number in parsed:
                try:
                    profile_save(
                        desa=region,
                        year=year,
                        values=values,
                        by=by,
                        reason=f"Impor {filename}",
                        recompute=False,
                    )
                except ValidationError as error:
                    for key, messages in error.message_dict.items():
                        header = BY_KEY[key].header if key in BY_KEY else key
                        for message in messages:
                            report.errors.append(
                                f"{filename} baris {number}, kolom '{header}': {message}"
                            )
            if report.errors:
                raise ValidationError("rollback")
            _recompute_risk(kabkota.code)
    except ValidationError:
        return report
    report.saved = len(parsed)
    return report


@transaction.atomic
def legacy_upload(
    *,
    region: Region,
    kind: str,
    title: str,
    period_start: int,
    period_end: int,
    filename: str,
    content: bytes,
    by: Any,
) -> LegacyDocument:
    """Store a previous SSK/BPS file (PDF/DOCX) with its checksum; audited."""
    require(by, Permission.EDIT_DOCUMENTS, region.code)
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Dokumen SSK/BPS dicatat per kabupaten/kota."})
    if not filename.lower().endswith(LEGACY_TYPES):
        raise ValidationError({"file": "Unggah berkas PDF atau DOCX."})
    if not content or len(content) > MAX_LEGACY_BYTES:
        raise ValidationError({"file": "Berkas kosong atau lebih dari 30 MB."})
    if period_end < period_start:
        raise ValidationError({"period_end": "Periode akhir sebelum periode awal."})
    document = LegacyDocument(
        region=region,
        kind=kind,
        title=title,
        period_start=period_start,
        period_end=period_end,
        filename=filename[:200],
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=_user(by),
    )
    document.full_clean()
    document.save()
    audit_record(
        actor=by,
        obj=document,
        action=Action.CREATE,
        changes=[{"field": "filename", "old": None, "new": document.filename}],
        region_code=region.code,
    )
    return document


_TARGET_FIELDS = (
    "name",
    "unit",
    "source",
    "lower_is_better",
    "baseline_year",
    "baseline",
    "target_year",
    "target",
    "current_manual",
)


@transaction.atomic
def target_save(
    *, document: LegacyDocument, values: dict[str, Any], by: Any, target: LegacyTarget | None = None
) -> LegacyTarget:
    """Create or change one indicator baseline/target of a previous SSK; audited."""
    require(by, Permission.EDIT_DOCUMENTS, document.region.code)
    created = target is None
    row = target if target is not None else LegacyTarget(document=document)
    with audited_update(
        row,
        _TARGET_FIELDS,
        actor=by,
        created=created,
        action=Action.UPDATE,  # recorded on the document
        audit_obj=document,
        region_code=document.region.code,
    ) as change:
        for name in _TARGET_FIELDS:
            if name in values:
                setattr(row, name, values[name])
        row.full_clean()
        row.save()
        change.field_prefix = f"{row.name}: "
    return row


@transaction.atomic
def target_delete(*, target: LegacyTarget, by: Any) -> None:
    document = target.document
    require(by, Permission.EDIT_DOCUMENTS, document.region.code)
    audit_record(
        actor=by,
        obj=document,
        action=Action.DELETE,
        changes=[
            {"field": target.name, "old": f"{target.baseline} → {target.target}", "new": None}
        ],
        region_code=document.region.code,
    )
    target.delete()
