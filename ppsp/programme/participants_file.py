"""Parse a participant list (CSV or XLSX) into rows and errors. Pure: no database.

Columns (header row, any order, case-insensitive): `kode_kabkota` (Kemendagri code, "15.07"
or "1507"), `tahun_kohort` (year of entry into PPSP), `tahapan` (current stage: number 1–6,
code or name). Every problem is reported with file name, spreadsheet row and column, in
Bahasa Indonesia, e.g. "peserta.xlsx, baris 7, kolom 'tahun_kohort': ...".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ppsp.core.tabular import cell_text as _text
from ppsp.core.tabular import read_table as _read_table

COLUMNS = ("kode_kabkota", "tahun_kohort", "tahapan")
YEAR_MIN, YEAR_MAX = 2000, 2100
MAX_ROWS = 5_000


@dataclass(frozen=True)
class ParticipantRow:
    row: int
    code: str
    cohort_year: int
    stage_number: int


@dataclass(frozen=True)
class RowError:
    filename: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.filename}, baris {self.row}"
        if self.column:
            where += f", kolom '{self.column}'"
        return f"{where}: {self.message}"


def parse_participants(
    filename: str,
    content: bytes,
    *,
    kabkota_codes: Collection[str],
    stages: Mapping[str, int],
) -> tuple[list[ParticipantRow], list[RowError]]:
    """(rows, errors). `stages` maps lower-cased number/code/name to the stage number."""
    try:
        table = list(_read_table(filename, content))
    except ValueError as error:
        return [], [RowError(filename, 1, "", str(error))]
    if not table:
        return [], [RowError(filename, 1, "", "berkas kosong: tidak ada baris judul kolom.")]
    header = [_text(cell).lower() for cell in table[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        return [], [RowError(filename, 1, "", f"kolom wajib tidak ada: {names}.")]
    index = {name: header.index(name) for name in COLUMNS}
    rows: list[ParticipantRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        values = {name: _text(cells[i]) if i < len(cells) else "" for name, i in index.items()}
        if not any(values.values()):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(filename, number, "", f"lebih dari {MAX_ROWS} baris."))
            break
        problems: list[RowError] = []

        def fail(
            column: str, message: str, row: int = number, found: list[RowError] = problems
        ) -> None:
            found.append(RowError(filename, row, column, message))

        code = _dotted(values["kode_kabkota"])
        if not values["kode_kabkota"]:
            fail("kode_kabkota", "wajib diisi.")
        elif code not in kabkota_codes:
            fail(
                "kode_kabkota",
                f"'{values['kode_kabkota']}' bukan kode kabupaten/kota yang dikenal.",
            )
        elif code in seen:
            fail("kode_kabkota", f"{code} sudah ada di baris {seen[code]}.")
        year = _year(values["tahun_kohort"])
        if year is None:
            fail(
                "tahun_kohort",
                f"harus tahun {YEAR_MIN}–{YEAR_MAX}, bukan '{values['tahun_kohort']}'.",
            )
        stage = stages.get(_stage_key(values["tahapan"]))
        if stage is None:
            fail(
                "tahapan",
                f"'{values['tahapan']}' bukan tahapan PPSP (isi nomor 1–6 atau nama tahapan).",
            )
        if problems:
            errors.extend(problems)
            continue
        assert year is not None and stage is not None
        seen[code] = number
        rows.append(ParticipantRow(number, code, year, stage))
    return rows, errors


def _dotted(raw: str) -> str:
    digits = raw.replace(".", "").strip()
    if len(digits) == 4 and digits.isdigit():
        return f"{digits[:2]}.{digits[2:]}"
    return raw.strip()


def _year(raw: str) -> int | None:
    if not raw.isdigit():
        return None
    year = int(raw)
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def _stage_key(raw: str) -> str:
    return " ".join(raw.lower().split())


def stage_lookup(stages: Collection[tuple[int, str, str]]) -> dict[str, int]:
    """Keys accepted in the `tahapan` column from (number, code, name) triples."""
    lookup: dict[str, int] = {}
    for number, code, name in stages:
        lookup[str(number)] = number
        lookup[_stage_key(code)] = number
        lookup[_stage_key(name)] = number
    return lookup
