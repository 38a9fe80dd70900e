"""The Lampiran 4 workbook: its columns and the import diff (cell-level old → new,
row-level errors in Bahasa Indonesia naming file, sheet, row and column). Parsing and
diffing do not touch the database; the export is `ppsp.mps.exports.export_workbook`."""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ppsp.compute.programme_rows import subsector_mismatches, to_juta
from ppsp.core.tabular import cell_text, read_sheets
from ppsp.mps.codes import SHEET_OF_SOURCE, Kategori, Sidlacom, Source, Subsector
from ppsp.mps.labels import code_of
from ppsp.mps.models import AMOUNT_FIELDS, Plan, ProgrammeRow, RowStatus

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# per row and year: Rp 100 trillion is far above any kab/kota budget
MAX_AMOUNT = 100_000_000_000_000
MAX_PRIORITY = 32_767
MAX_VOLUME = decimal.Decimal("10000000000")  # DecimalField(max_digits=12, decimal_places=2)
# (header, model field or "" for read-only columns)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", ""),
    ("subsektor", "subsector"),
    ("kode_program", "program_code"),
    ("program", "program"),
    ("kode_kegiatan", "kegiatan_code"),
    ("kegiatan", "kegiatan"),
    ("kategori", "kategori"),
    ("sidlacom", "sidlacom"),
    ("kode_lokasi", ""),
    ("zona", "zone"),
    ("volume", "volume"),
    ("satuan", "unit"),
    *((f"tahun_{i}", field) for i, field in enumerate(AMOUNT_FIELDS, start=1)),
    ("total", ""),
    ("sumber", "source"),
    ("opd", "opd"),
    ("prioritas", "priority"),
    ("status", "status"),
    ("kode_strategi", "strategi_id"),
    ("ded", "ready_ded"),
    ("lahan", "ready_lahan"),
    ("kelembagaan", "ready_kelembagaan"),
)
HEADERS = tuple(h for h, _f in COLUMNS)
# readiness columns came later: files without them still import (values unchanged)
OPTIONAL = frozenset({"ded", "lahan", "kelembagaan"})
READY_FIELDS = ("ready_ded", "ready_lahan", "ready_kelembagaan")
YES = frozenset({"ya", "y", "1", "true", "x", "✓"})
NO = frozenset({"", "tidak", "t", "0", "false", "-", "✗"})
CHOICES = {
    "subsector": set(Subsector.values),
    "kategori": set(Kategori.values),
    "sidlacom": set(Sidlacom.values),
    "status": set(RowStatus.values),
}


@dataclass(frozen=True)
class WorkbookError:
    filename: str
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        # row 0: a problem of the whole file or sheet (no row number to show)
        where = self.filename
        if self.sheet:
            where += f", lembar '{self.sheet}'"
        if self.row > 0:
            where += f", baris {self.row}"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RowAddition:
    """A row of the file without an id: it becomes a new Lampiran 4 row on import."""

    sheet: str
    row: int
    values: dict[str, Any]

    @property
    def label(self) -> str:
        return str(self.values.get("kegiatan", ""))

    @property
    def total(self) -> int:
        return sum(int(self.values.get(f, 0)) for f in AMOUNT_FIELDS)


@dataclass
class WorkbookDiff:
    changes: list[CellChange]
    additions: list[RowAddition]
    errors: list[WorkbookError]


@dataclass(frozen=True)
class CellChange:
    sheet: str
    row: int
    column: str
    row_id: int
    field: str
    old: Any
    new: Any


def convert_cell(field: str, raw: Any, strategi_ids: set[int]) -> Any:
    """Cell → model value; ValueError with an Indonesian message when it does not fit."""
    text = code_of(field, cell_text(raw))
    if field == "strategi_id":
        if not text:
            return None
        if not text.isdigit() or int(text) not in strategi_ids:
            raise ValueError(f"'{text}' bukan kode strategi KKL rencana ini.")
        return int(text)
    if field in AMOUNT_FIELDS or field == "priority":
        try:
            number = decimal.Decimal(text or "0")
        except decimal.InvalidOperation:
            raise ValueError(f"harus angka, bukan '{text}'.") from None
        if not number.is_finite() or number < 0 or number != number.to_integral_value():
            raise ValueError(f"harus bilangan bulat ≥ 0, bukan '{text}'.")
        limit = MAX_AMOUNT if field in AMOUNT_FIELDS else MAX_PRIORITY
        if number > limit:
            raise ValueError(f"terlalu besar: '{text}' (maksimum {limit:,}).".replace(",", "."))
        return int(number)
    if field in READY_FIELDS:
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        raise ValueError(f"isi 'ya' atau 'tidak', bukan '{text}'.")
    if field == "volume":
        try:
            volume = decimal.Decimal(text or "0")
        except decimal.InvalidOperation:
            raise ValueError(f"harus angka, bukan '{text}'.") from None
        if not volume.is_finite() or not 0 <= volume < MAX_VOLUME:
            raise ValueError(f"harus angka antara 0 dan 9.999.999.999,99, bukan '{text}'.")
        return volume.quantize(decimal.Decimal("0.01"))
    if field == "source":
        parts = [p for p in text.replace(";", ",").replace("/", ",").split(",") if p.strip()]
        if len(parts) != 1:
            raise ValueError(
                "isi tepat satu sumber pendanaan per baris; kegiatan dengan beberapa sumber "
                "ditulis sebagai beberapa baris."
            )
        if text not in Source.values:
            raise ValueError(f"'{text}' bukan sumber pendanaan ({', '.join(Source.values)}).")
        return text
    if field in CHOICES and text not in CHOICES[field]:
        raise ValueError(f"'{text}' bukan pilihan yang sah ({', '.join(sorted(CHOICES[field]))}).")
    return text


def diff_workbook(
    filename: str, content: bytes, plan: Plan, rows: Sequence[ProgrammeRow]
) -> tuple[list[CellChange], list[WorkbookError]]:
    """Cell changes against the current rows, and every problem found (nothing saved)."""
    diff = read_workbook(filename, content, plan, rows)
    return diff.changes, diff.errors


def read_workbook(
    filename: str, content: bytes, plan: Plan, rows: Sequence[ProgrammeRow]
) -> WorkbookDiff:
    """Cell changes of existing rows, rows to add (no id) and every problem (nothing saved)."""
    from ppsp.mps.workbook_rows import new_row, read_addition

    diff = WorkbookDiff([], [], [])
    source_of_sheet = {name: source for source, name in SHEET_OF_SOURCE.items()}
    try:
        sheets = read_sheets(filename, content, names=set(source_of_sheet))
    except ValueError as error:
        diff.errors.append(WorkbookError(filename, "", 0, "", str(error)))
        return diff
    if not sheets:
        diff.errors.append(
            WorkbookError(
                filename,
                "",
                0,
                "",
                f"tidak ada lembar Lampiran 4 ({', '.join(source_of_sheet)}); unduh templat "
                "dari halaman ini lalu isi.",
            )
        )
        return diff
    current = {row.pk: row for row in rows}
    nodes = list(plan.kkl_nodes.all())
    strategi_ids = {n.pk for n in nodes if n.level == "strategi"}
    where: dict[int, tuple[str, int]] = {}
    seen: set[int] = set()
    for title, table in sheets.items():
        if not table:
            continue
        header = [cell_text(c).lower() for c in table[0]]
        missing = [h for h in HEADERS if h not in header and h not in OPTIONAL]
        if missing:
            diff.errors.append(
                WorkbookError(
                    filename, title, 1, "", f"kolom wajib tidak ada: {', '.join(missing)}."
                )
            )
            continue
        index = {h: header.index(h) for h in HEADERS if h in header}
        for number, cells in enumerate(table[1:], start=2):
            if not any(cell_text(c) for c in cells):
                continue
            raw_id = cell_text(cells[index["id"]])
            if not raw_id:
                read_addition(diff, filename, title, number, cells, index, plan, strategi_ids)
                continue
            row = current.get(int(raw_id)) if raw_id.isdigit() else None
            problem = ""
            if row is None:
                problem = (
                    f"'{raw_id}' bukan baris Lampiran 4 ini; kosongkan kolom id untuk "
                    "menambah baris baru."
                )
            elif row.pk in seen:
                problem = f"baris {row.pk} muncul lebih dari sekali."
            if row is None or problem:
                diff.errors.append(WorkbookError(filename, title, number, "id", problem))
                continue
            seen.add(row.pk)
            where[row.pk] = (title, number)
            errors_before = len(diff.errors)
            for header_name, field in COLUMNS:
                if not field or header_name not in index:
                    continue
                raw = cells[index[header_name]] if index[header_name] < len(cells) else None
                try:
                    new = convert_cell(field, raw, strategi_ids)
                except ValueError as error:
                    diff.errors.append(
                        WorkbookError(filename, title, number, header_name, str(error))
                    )
                    continue
                old = getattr(row, field)
                if new != old:
                    diff.changes.append(
                        CellChange(title, number, header_name, row.pk, field, old, new)
                    )
            if len(diff.errors) == errors_before:
                diff.errors.extend(_row_rules(filename, title, number, row, diff.changes))
    if not diff.errors:
        extra = [new_row(plan, a) for a in diff.additions]
        for k, addition in enumerate(diff.additions, start=1):
            where[-k] = (addition.sheet, addition.row)
        diff.errors.extend(_tabel51(filename, plan, [*rows, *extra], diff.changes))
        diff.errors.extend(_kkl(filename, nodes, rows, extra, diff.changes, where))
    return diff


def _kkl(
    filename: str,
    nodes: list[Any],
    rows: Sequence[ProgrammeRow],
    extra: Sequence[ProgrammeRow],
    changes: Sequence[CellChange],
    where: dict[int, tuple[str, int]],
) -> list[WorkbookError]:
    """KKL link check with the file applied; new rows are keyed -1, -2, ... in `where`."""
    from ppsp.mps.selectors import kkl_problems_for

    links = [(r.pk, _applied(r, changes).strategi_id, r.kegiatan) for r in rows]
    links += [(-k, r.strategi_id, r.kegiatan) for k, r in enumerate(extra, start=1)]
    errors = []
    for problem in kkl_problems_for(nodes, links):
        if problem.kind.startswith("row_") and problem.key in where:
            sheet, number = where[problem.key]
            errors.append(WorkbookError(filename, sheet, number, "kode_strategi", problem.message))
        else:
            errors.append(
                WorkbookError(filename, "", 0, "", f"Kerangka Kerja Logis: {problem.message}")
            )
    return errors


def _applied(row: ProgrammeRow, changes: Sequence[CellChange]) -> ProgrammeRow:
    copy = ProgrammeRow(**{f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields})
    copy.plan = row.plan
    for change in changes:
        if change.row_id == row.pk:
            setattr(copy, change.field, change.new)
    return copy


def _row_rules(
    filename: str, sheet: str, number: int, row: ProgrammeRow, changes: Sequence[CellChange]
) -> list[WorkbookError]:
    from ppsp.mps.services import row_problems

    mine = [c for c in changes if c.row_id == row.pk]
    if not mine:
        return []
    problems = row_problems(_applied(row, mine))
    column = {field: header for header, field in COLUMNS if field}
    column.update(source="sumber", lokasi="kode_lokasi", strategi="kode_strategi")
    return [
        WorkbookError(filename, sheet, number, column.get(f, f), m) for f, m in problems.items()
    ]


def _tabel51(
    filename: str, plan: Plan, rows: Sequence[ProgrammeRow], changes: Sequence[CellChange]
) -> list[WorkbookError]:
    if not plan.need_by_subsector:
        return []
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.subsector] += _applied(row, changes).total
    need = {k: int(v) for k, v in plan.need_by_subsector.items()}
    return [
        WorkbookError(
            filename,
            "Rekapitulasi",
            0,
            m.subsector,
            f"jumlah subsektor Rp {to_juta(m.rows_total):,} juta tidak sama dengan Tabel 5.1 "
            f"Rp {to_juta(m.need_total):,} juta (selisih {m.difference_juta:+,} juta; "
            "toleransi ±1).",
        )
        for m in subsector_mismatches(totals, need)
    ]
