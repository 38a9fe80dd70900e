"""Parse an EHRA submissions export (KoboToolbox, ODK Central, plain CSV). Pure: no database.

Accepted layouts (header row, any order; group prefixes such as ``sec_D/`` or ``sec_D-``
are ignored; XML names, not labels):

- **KoboToolbox** CSV or XLSX (the main sheet, i.e. the first one): ``_uuid`` or
  ``meta/instanceID`` as submission id; a select_multiple either as one column of
  space-separated option names or split into ``C_4/A`` columns with 1/0.
- **ODK Central** CSV: ``KEY`` or ``meta-instanceID``; select_multiple space-separated.
- **Template** (:func:`template_csv`): ``id_kiriman`` plus one column per question name.

Every problem names file, spreadsheet row and column in Bahasa Indonesia. Answers are
returned keyed by XLSForm name: select_one → int, select_multiple → sorted list of
option names, integer/decimal → float, text/date/time → str.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ppsp.compute.questionnaire import MULTI, SINGLE, Questionnaire, question_name
from ppsp.core.tabular import cell_text as _text
from ppsp.core.tabular import read_table as _read_table

ID_COLUMNS = ("id_kiriman", "instanceid", "_uuid", "key", "_id")
DESA_COLUMN = "ID_4"
RT_COLUMN = "ID_5"
MAX_ROWS = 50_000
_SPLIT = re.compile(r"[/\-]")
_TRUE = {"1", "true", "ya", "yes"}
_FALSE = {"", "0", "false", "tidak", "no"}


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


@dataclass(frozen=True)
class Submission:
    row: int
    submission_id: str
    desa_code: str
    rt: str
    answers: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    name: str  # question name or "__id"
    option: str | None = None


def template_csv(definition: Questionnaire) -> str:
    """Header of the plain CSV template: id_kiriman then every question name in form order."""
    names = ["id_kiriman", *(question_name(q.code) for q in definition.questions())]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(names)
    return buffer.getvalue()


def _map_header(header: list[str], definition: Questionnaire) -> tuple[list[_Column], str | None]:
    by_upper = {question_name(q.code).upper(): q for q in definition.questions()}
    columns: list[_Column] = []
    id_column: _Column | None = None
    for index, raw in enumerate(header):
        text = raw.strip()
        parts = [p for p in _SPLIT.split(text) if p]
        if not parts:
            continue
        if text.lower() in ID_COLUMNS or parts[-1].lower() in ID_COLUMNS:
            rank = min(
                ID_COLUMNS.index(n) for n in (text.lower(), parts[-1].lower()) if n in ID_COLUMNS
            )
            if id_column is None or rank < ID_COLUMNS.index(id_column.option or ""):
                id_column = _Column(index, raw, "__id", ID_COLUMNS[rank])
            continue
        last = by_upper.get(parts[-1].upper())
        if last is not None:
            columns.append(_Column(index, raw, question_name(last.code)))
        elif (
            len(parts) >= 2
            and (item := by_upper.get(parts[-2].upper())) is not None
            and item.kind == MULTI
        ):
            columns.append(_Column(index, raw, question_name(item.code), parts[-1]))
    if id_column is None:
        return columns, None
    return [id_column, *columns], id_column.header


def parse_submissions(
    filename: str,
    content: bytes,
    *,
    definition: Questionnaire,
    desa_codes: Collection[str],
) -> tuple[list[Submission], list[RowError]]:
    """(submissions, errors); any error means the caller must save nothing."""
    try:
        table = list(_read_table(filename, content))
    except ValueError as error:
        return [], [RowError(filename, 1, "", str(error))]
    if not table:
        return [], [RowError(filename, 1, "", "berkas kosong: tidak ada baris judul kolom.")]
    header = [_text(c) for c in table[0]]
    columns, id_header = _map_header(header, definition)
    names = {c.name for c in columns}
    if id_header is None or DESA_COLUMN not in names:
        wanted = "id_kiriman (atau _uuid / KEY / meta/instanceID) dan ID_4 (kode desa)"
        return [], [RowError(filename, 1, "", f"kolom wajib tidak ada: {wanted}.")]
    questions = {question_name(q.code): q for q in definition.questions()}
    choices = {
        name: {c.value for c in definition.choices[q.choices]}
        for name, q in questions.items()
        if q.choices is not None
    }
    split_multi = {c.name for c in columns if c.option is not None}
    rows: list[Submission] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        values = [_text(cells[c.index]) if c.index < len(cells) else "" for c in columns]
        if not any(values):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(filename, number, "", f"lebih dari {MAX_ROWS} baris."))
            break
        problems: list[RowError] = []
        answers: dict[str, Any] = {}
        ident = ""
        for column, value in zip(columns, values, strict=True):
            if column.name == "__id":
                ident = value
                continue
            item = questions[column.name]
            message = _store(answers, column, value, item.kind, choices, split_multi)
            if message:
                problems.append(RowError(filename, number, column.header, message))
        if not ident:
            problems.append(RowError(filename, number, id_header, "ID kiriman wajib diisi."))
        elif ident in seen:
            problems.append(
                RowError(
                    filename, number, id_header, f"ID '{ident}' sudah ada di baris {seen[ident]}."
                )
            )
        desa = _dotted_desa(str(answers.get(DESA_COLUMN, "")))
        if not desa:
            problems.append(RowError(filename, number, DESA_COLUMN, "kode desa wajib diisi."))
        elif desa not in desa_codes:
            problems.append(
                RowError(
                    filename,
                    number,
                    DESA_COLUMN,
                    f"'{answers.get(DESA_COLUMN)}' bukan kode desa/kelurahan kab/kota putaran ini.",
                )
            )
        if problems:
            errors.extend(problems)
            continue
        seen[ident] = number
        rt = answers.get(RT_COLUMN)
        rt_text = "" if rt is None else str(int(rt)) if float(rt).is_integer() else str(rt)
        rows.append(Submission(number, ident, desa, rt_text, answers))
    return rows, errors


def _store(
    answers: dict[str, Any],
    column: _Column,
    value: str,
    kind: str,
    choices: dict[str, set[str]],
    split_multi: set[str],
) -> str:
    """Put one cell into ``answers``; return an Indonesian message when it is invalid."""
    name = column.name
    if kind == MULTI:
        allowed = choices[name]
        if column.option is not None:
            if column.option not in allowed:
                return f"pilihan '{column.option}' tidak ada dalam daftar jawaban."
            flag = value.lower()
            if flag not in _TRUE | _FALSE:
                return f"isi 1 atau 0, bukan '{value}'."
            if flag in _TRUE:
                answers[name] = sorted({*answers.get(name, []), column.option})
            return ""
        if name in split_multi or not value:
            return ""
        tokens = value.split()
        wrong = [t for t in tokens if t not in allowed]
        if wrong:
            valid = ", ".join(sorted(allowed))
            return f"pilihan '{' '.join(wrong)}' tidak dikenal (pilihan yang sah: {valid})."
        answers[name] = sorted(set(tokens))
        return ""
    if not value:
        return ""
    if kind == SINGLE:
        code = value[:-2] if value.endswith(".0") else value
        if code not in choices[name]:
            valid = ", ".join(sorted(choices[name], key=lambda v: (len(v), v)))
            return f"'{value}' bukan kode jawaban yang sah ({valid})."
        answers[name] = int(code) if code.isdigit() else code
        return ""
    if kind in ("integer", "decimal"):
        try:
            number = float(value.replace(",", ".")) if kind == "decimal" else float(value)
        except ValueError:
            return f"harus berupa angka, bukan '{value}'."
        if kind == "integer" and not number.is_integer():
            return f"harus bilangan bulat, bukan '{value}'."
        if number < 0:
            return f"tidak boleh negatif ('{value}')."
        answers[name] = number
        return ""
    answers[name] = value
    return ""


def _dotted_desa(raw: str) -> str:
    digits = raw.replace(".", "").strip()
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return raw.strip()
