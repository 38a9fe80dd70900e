"""Parse an EHRA submissions export (KoboToolbox, ODK Central, plain CSV). Pure: no database.

The header is recognised by :mod:`ppsp.ehra.submissions_header` (layouts, labels export,
missing and unknown columns). Rows: the submission id without its ``uuid:`` prefix (so
Kobo's ``_uuid`` ``95a0…`` and ODK's ``meta-instanceID`` ``uuid:95a0…`` are one
instance), the form version against the round's form, every answer against its choice
list and rule. Every problem names file, spreadsheet row and the file's own column
header in Bahasa Indonesia; any problem means the caller saves nothing.

Answers are returned keyed by XLSForm name: select_one → int, select_multiple → sorted
list of option names, integer/decimal → float, date → ``YYYY-MM-DD``, text/time → str.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from ppsp.compute.questionnaire import (
    MULTI,
    NUMERIC,
    SINGLE,
    Question,
    Questionnaire,
    question_name,
)
from ppsp.compute.questionnaire_rules import value_problem
from ppsp.core.tabular import cell_text as _text
from ppsp.core.tabular import read_table as _read_table
from ppsp.ehra.submissions_header import Column, Layout, map_header

DESA_COLUMN = "ID_4"
RT_COLUMN = "ID_5"
MAX_ROWS = 50_000
_TRUE = {"1", "true", "ya", "yes"}
_FALSE = {"", "0", "false", "tidak", "no"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T].*)?$")


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


def template_csv(definition: Questionnaire) -> str:
    """Header of the plain CSV template: id_kiriman then every question name in form order."""
    names = ["id_kiriman", *(question_name(q.code) for q in definition.questions())]
    buffer = io.StringIO()
    csv.writer(buffer).writerow(names)
    return buffer.getvalue()


def instance_id(value: str) -> str:
    """A submission id without the ``uuid:`` prefix ODK and Kobo's instanceID carry."""
    text = value.strip()
    return text[5:] if text[:5].lower() == "uuid:" else text


def table_from_records(records: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """Header row + one row per flat record (API pulls), columns in order of appearance."""
    header: dict[str, None] = {}
    for record in records:
        header.update(dict.fromkeys(record))
    names = list(header)
    return [names, *([record.get(n) for n in names] for record in records)]


def _table(filename: str, content: bytes) -> list[list[Any]]:
    if filename.lower().endswith(".json"):
        try:
            records = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError("data JSON tidak dapat dibaca.") from error
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ValueError("data JSON bukan daftar kiriman.")
        return table_from_records(records)
    return list(_read_table(filename, content))


def parse_submissions(
    filename: str,
    content: bytes,
    *,
    definition: Questionnaire,
    desa_codes: Collection[str],
    accepted_versions: Collection[str] = (),
) -> tuple[list[Submission], list[RowError]]:
    """(submissions, errors) of a CSV/XLSX export or a ``.json`` list of pulled records.

    A ``.json`` file (records pulled from a server) may leave out unanswered fields;
    a CSV/XLSX export must have a column for every question. ``accepted_versions``
    names older form versions explicitly mapped onto ``definition``.
    """
    try:
        table = _table(filename, content)
    except ValueError as error:
        return [], [RowError(filename, 1, "", str(error))]
    if not table:
        return [], [RowError(filename, 1, "", "berkas kosong: tidak ada baris judul kolom.")]
    sparse = filename.lower().endswith(".json")
    layout = map_header([_text(c) for c in table[0]], definition, sparse=sparse)
    if layout.problems:
        return [], [RowError(filename, 1, "", p) for p in layout.problems]
    return _Parser(filename, definition, layout, desa_codes, accepted_versions).rows(table[1:])


class _Parser:
    def __init__(
        self,
        filename: str,
        definition: Questionnaire,
        layout: Layout,
        desa_codes: Collection[str],
        accepted_versions: Collection[str],
    ) -> None:
        self.filename = filename
        self.definition = definition
        self.layout = layout
        self.desa_codes = desa_codes
        self.accepted = {definition.form_version, *accepted_versions}
        self.questions = {question_name(q.code): q for q in definition.questions()}
        self.choices = {
            name: {c.value for c in definition.choices[q.choices]}
            for name, q in self.questions.items()
            if q.choices is not None and q.kind in (SINGLE, MULTI)
        }
        self.combined = {c.name for c in layout.columns if c.option is None}
        self.wrong_versions: dict[str, list[int]] = {}
        self.desa_header = layout.header_of(DESA_COLUMN)

    def rows(self, body: Sequence[Sequence[Any]]) -> tuple[list[Submission], list[RowError]]:
        layout = self.layout
        assert layout.id_column is not None
        # Split 0/1 columns of a select_multiple that also has its combined column only
        # mirror it (Kobo "both" layout): they were checked with the header and are not read.
        read = [c for c in layout.columns if c.option is None or c.name not in self.combined]
        used = [layout.id_column, *filter(None, [layout.version_column]), *read]
        rows: list[Submission] = []
        errors: list[RowError] = []
        seen: dict[str, int] = {}
        for number, cells in enumerate(body, start=2):
            raw = [cells[c.index] if c.index < len(cells) else None for c in used]
            if not any(_text(v) for v in raw):
                continue
            if len(rows) + len(errors) >= MAX_ROWS:
                errors.append(RowError(self.filename, number, "", f"lebih dari {MAX_ROWS} baris."))
                break
            row, problems = self._row(number, used, raw, seen)
            if problems:
                errors.extend(problems)
            elif row is not None:
                seen[row.submission_id] = number
                rows.append(row)
        errors.extend(self._version_errors())
        return rows, errors

    def _row(
        self, number: int, used: list[Column], raw: list[Any], seen: dict[str, int]
    ) -> tuple[Submission | None, list[RowError]]:
        problems: list[RowError] = []
        answers: dict[str, Any] = {}
        ident = ""
        for column, value in zip(used, raw, strict=True):
            if column.name == "__id":
                ident = instance_id(_text(value))
            elif column.name == "__version":
                version = _text(value)
                if version and version not in self.accepted:
                    self.wrong_versions.setdefault(version, []).append(number)
            else:
                message = self._store(answers, column, value)
                if message:
                    problems.append(RowError(self.filename, number, column.header, message))
        for name, value in answers.items():
            if message := value_problem(self.questions[name], value, self.definition):
                header = self.layout.header_of(name)
                problems.append(RowError(self.filename, number, header, message))
        id_header = self.layout.id_column.header if self.layout.id_column else ""
        if not ident:
            problems.append(RowError(self.filename, number, id_header, "ID kiriman wajib diisi."))
        elif ident in seen:
            message = f"ID '{ident}' sudah ada di baris {seen[ident]}."
            problems.append(RowError(self.filename, number, id_header, message))
        desa_header = self.desa_header
        desa = dotted_desa(str(answers.get(DESA_COLUMN, "")))
        if not desa:
            problems.append(RowError(self.filename, number, desa_header, "kode desa wajib diisi."))
        elif desa not in self.desa_codes:
            message = (
                f"'{answers.get(DESA_COLUMN)}' bukan kode desa/kelurahan kab/kota putaran ini."
            )
            problems.append(RowError(self.filename, number, desa_header, message))
        if problems:
            return None, problems
        rt = answers.get(RT_COLUMN)
        rt_text = "" if rt is None else str(int(rt)) if float(rt).is_integer() else str(rt)
        return Submission(number, ident, desa, rt_text, answers), []

    def _version_errors(self) -> list[RowError]:
        column = self.layout.version_column
        out: list[RowError] = []
        for version, numbers in self.wrong_versions.items():
            message = (
                f"kiriman dari kuesioner versi '{version}' ({len(numbers)} baris), sedangkan "
                f"putaran ini memakai kuesioner versi '{self.definition.form_version}'. Unduh "
                "kuesioner putaran ini, terbitkan di KoboToolbox/ODK, lalu impor kiriman dari "
                "versi itu."
            )
            out.append(
                RowError(self.filename, numbers[0], column.header if column else "", message)
            )
        return out

    def _store(self, answers: dict[str, Any], column: Column, cell: Any) -> str:
        """Put one cell into ``answers``; return an Indonesian message when it is invalid."""
        name = column.name
        item = self.questions[name]
        if item.kind == MULTI:
            return self._store_multi(answers, column, _text(cell))
        if item.kind == "date":
            return _store_date(answers, name, cell)
        if item.kind == "time" and isinstance(cell, dt.time):
            answers[name] = cell.strftime("%H:%M")
            return ""
        value = _text(cell)
        if not value:
            return ""
        if item.kind == SINGLE:
            code = value[:-2] if value.endswith(".0") else value
            if code not in self.choices[name]:
                valid = ", ".join(sorted(self.choices[name], key=lambda v: (len(v), v)))
                return f"'{value}' bukan kode jawaban yang sah ({valid})."
            answers[name] = int(code) if code.isdigit() else code
            return ""
        if item.kind in NUMERIC:
            return _store_number(answers, item, value)
        answers[name] = value
        return ""

    def _store_multi(self, answers: dict[str, Any], column: Column, value: str) -> str:
        name = column.name
        if column.option is not None:
            flag = value.lower()
            if flag not in _TRUE | _FALSE:
                return f"isi 1 atau 0, bukan '{value}'."
            if flag in _TRUE:
                answers[name] = sorted({*answers.get(name, []), column.option})
            return ""
        if not value:
            return ""
        allowed = self.choices[name]
        tokens = value.split()
        wrong = [t for t in tokens if t not in allowed]
        if wrong:
            valid = ", ".join(sorted(allowed))
            return f"pilihan '{' '.join(wrong)}' tidak dikenal (pilihan yang sah: {valid})."
        answers[name] = sorted(set(tokens))
        return ""


def _store_number(answers: dict[str, Any], item: Question, value: str) -> str:
    name = question_name(item.code)
    try:
        number = float(value.replace(",", ".")) if item.kind == "decimal" else float(value)
    except ValueError:
        return f"harus berupa angka, bukan '{value}'."
    if item.kind == "integer" and not number.is_integer():
        return f"harus bilangan bulat, bukan '{value}'."
    if number < 0:
        return f"tidak boleh negatif ('{value}')."
    answers[name] = number
    return ""


def _store_date(answers: dict[str, Any], name: str, cell: Any) -> str:
    """A native XLSX date (Kobo "native types") or ISO text, stored as ``YYYY-MM-DD``."""
    if isinstance(cell, dt.datetime | dt.date):
        answers[name] = (cell.date() if isinstance(cell, dt.datetime) else cell).isoformat()
        return ""
    value = _text(cell)
    if not value:
        return ""
    if not _ISO_DATE.match(value):
        return f"'{value}' bukan tanggal (tulis TTTT-BB-HH, misalnya 2027-03-13)."
    try:
        answers[name] = dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return f"'{value}' bukan tanggal yang ada."
    return ""


def dotted_desa(raw: str) -> str:
    """A desa code as dotted Kemendagri code (1507012001 → 15.07.01.2001); else unchanged."""
    digits = raw.replace(".", "").strip()
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return raw.strip()
