"""Read the vendored Kemendagri region CSVs into plain records (no database here).

`parse_master_data(directory)` returns every region as a `RegionRecord` in level order,
plus a list of problems (file, row, column, message in Bahasa Indonesia). The loader
service in `services.py` writes them.
"""

from __future__ import annotations

import csv
import string
from dataclasses import dataclass
from pathlib import Path

EXPECTED_COUNTS = {1: 38, 2: 514, 3: 7_277, 4: 83_763}

# file name, level, name of the parent-code column ("" for provinces)
FILES: tuple[tuple[str, int, str], ...] = (
    ("provinces.csv", 1, ""),
    ("regencies.csv", 2, "province_code"),
    ("districts.csv", 3, "regency_code"),
    ("villages.csv", 4, "district_code"),
)
CODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str
    name: str
    level: int
    kind: str
    parent_code: str

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def kabkota_code(self) -> str:
        return self.code[:5] if self.level >= 2 else ""

    @property
    def kecamatan_code(self) -> str:
        return self.code[:8] if self.level >= 3 else ""

    @property
    def search_text(self) -> str:
        """'kota jambi 15.71', 'desa alang-alang 15.07.01.2001': type word, name, code."""
        word = {1: "provinsi", 3: "kecamatan"}.get(self.level, self.kind.lower())
        return f"{word} {self.name} {self.code}".lower()


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, baris {self.row}, kolom '{self.column}': {self.message}"


ACRONYMS = {"Dki": "DKI"}


def title_name(raw: str) -> str:
    """'PANGKAJENE DAN KEPULAUAN' -> 'Pangkajene dan Kepulauan'; 'DKI JAKARTA' -> 'DKI Jakarta'."""
    words = [ACRONYMS.get(w, w) for w in string.capwords(raw.strip().lower()).split(" ")]
    name = " ".join(words)
    for small in (" Dan ", " Di "):
        name = name.replace(small, small.lower())
    return name


def split_kabkota_name(raw: str) -> tuple[str, str]:
    """'KABUPATEN PANGKAJENE DAN KEPULAUAN' -> ('KABUPATEN', 'Pangkajene dan Kepulauan')."""
    kind, _, rest = raw.strip().partition(" ")
    kind = kind.upper()
    if kind not in {"KABUPATEN", "KOTA"}:
        return "", raw.strip()
    return kind, title_name(rest)


def village_kind(code: str) -> str:
    """Kemendagri: the fourth segment starts with 1 for a kelurahan, 2 (or 3) for a desa."""
    return "KELURAHAN" if code.rsplit(".", 1)[-1].startswith("1") else "DESA"


def parse_master_data(directory: Path) -> tuple[list[RegionRecord], list[Problem]]:
    records: list[RegionRecord] = []
    problems: list[Problem] = []
    known: set[str] = set()
    for file_name, level, parent_column in FILES:
        path = directory / file_name
        if not path.exists():
            problems.append(Problem(file_name, 0, "-", "berkas tidak ditemukan"))
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            for row_number, row in enumerate(reader, start=2):
                record, problem = _parse_row(row, file_name, row_number, level, parent_column)
                if problem is not None:
                    problems.append(problem)
                    continue
                assert record is not None
                if record.code in known:
                    problems.append(Problem(file_name, row_number, "code", "kode ganda"))
                    continue
                if record.parent_code and record.parent_code not in known:
                    problems.append(
                        Problem(
                            file_name,
                            row_number,
                            parent_column,
                            f"kode induk {record.parent_code} tidak dikenal",
                        )
                    )
                    continue
                known.add(record.code)
                records.append(record)
    return records, problems


def _parse_row(
    row: dict[str, str], file_name: str, row_number: int, level: int, parent_column: str
) -> tuple[RegionRecord | None, Problem | None]:
    code = (row.get("code") or "").strip()
    name = (row.get("name") or "").strip()
    if len(code) != CODE_LENGTH[level]:
        return None, Problem(
            file_name, row_number, "code", f"kode '{code}' harus {CODE_LENGTH[level]} karakter"
        )
    if not name:
        return None, Problem(file_name, row_number, "name", "nama kosong")
    parent_code = (row.get(parent_column) or "").strip() if parent_column else ""
    if parent_column and not code.startswith(parent_code + "."):
        return None, Problem(
            file_name, row_number, parent_column, f"kode {code} bukan bagian dari {parent_code}"
        )
    kind = ""
    if level == 1:
        name = title_name(name)
    elif level == 2:
        kind, name = split_kabkota_name(name)
    elif level == 4:
        kind = village_kind(code)
    return RegionRecord(code, name, level, kind, parent_code), None
