"""EHRA submissions in the real export layouts of KoboToolbox and ODK Central (test fixtures).

- Kobo "both" layout (formpack default): metadata ``start``/``end``/``deviceid``, groups
  joined with ``/`` (``sec_C/C_4``), each select_multiple as a combined space-separated
  column followed by one 0/1 column per option (``sec_C/C_4/A``), then ``meta/instanceID``,
  ``_id``, ``_uuid`` (without ``uuid:``), ``_submission_time``, ``__version__`` …
- ODK Central CSV: ``SubmissionDate`` first, groups joined with ``-`` (``sec_C-C_4``),
  select_multiple space-separated, ``meta-instanceID`` and ``KEY`` (with ``uuid:``),
  ``FormVersion`` last.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook

from ppsp.compute.ehra_synthetic import synthetic_households
from ppsp.compute.questionnaire import MULTI, question_name
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.compute.questionnaire_xlsform import VERSION_FIELD
from ppsp.ehra.arrays import rows_from_households

KOBO_TAIL = [
    "meta/instanceID",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]
ODK_TAIL = [
    "meta-instanceID",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
]
UUIDS = "95a0c1d2-0000-4000-8000-{:012d}"


def answer_rows(desa_codes: list[str], per_desa: int, seed: int) -> list[dict[str, str]]:
    """Synthetic answers by XLSForm name, identification and interview fields filled."""
    data = synthetic_households(EHRA_2021, len(desa_codes), per_desa, seed=seed)
    rows = rows_from_households(EHRA_2021, data)
    for i, row in enumerate(rows):
        desa = desa_codes[int(data.desa[i])]
        row.update(ID_1=desa[:2], ID_2=desa[:5], ID_3=desa[:8], ID_4=desa, ID_5=str(1 + i % 8))
        row.update(A_1="2027-03-13", A_2="09:30", A_3="Enumerator Satu", A_9=f"Responden {i}")
    return rows


def _group(name: str) -> str:
    return next(
        s.code for s in EHRA_2021.sections for q in s.questions if question_name(q.code) == name
    )


def kobo_table(rows: list[dict[str, str]], *, uuid: str = UUIDS) -> list[list[Any]]:
    """Header + rows in the Kobo "both" layout."""
    header = ["start", "end", "deviceid", VERSION_FIELD]
    keys: list[tuple[str, str | None]] = []
    for item in EHRA_2021.questions():
        name = question_name(item.code)
        header.append(f"sec_{_group(name)}/{name}")
        keys.append((name, None))
        if item.kind == MULTI:
            for choice in EHRA_2021.choices[item.choices or ""]:
                header.append(f"sec_{_group(name)}/{name}/{choice.value}")
                keys.append((name, choice.value))
    table: list[list[Any]] = [header + KOBO_TAIL]
    for i, row in enumerate(rows):
        ident = uuid.format(i)
        values: list[Any] = [
            "2027-03-13T09:30:00.000+07:00",
            "2027-03-13T10:15:00.000+07:00",
            "collect:abc",
            EHRA_2021.form_version,
        ]
        for name, option in keys:
            if option is None:
                values.append(row.get(name, ""))
            else:
                values.append("1" if option in row.get(name, "").split() else "0")
        values += [f"uuid:{ident}", str(1000 + i), ident, "2027-03-13T03:20:00", "", "[]"]
        values += ["submitted_via_web", "", "vQpWZ8sample", "[]", str(i + 1)]
        table.append(values)
    return table


def odk_table(rows: list[dict[str, str]], *, uuid: str = UUIDS) -> list[list[Any]]:
    """Header + rows as an ODK Central CSV export (root table)."""
    names = [question_name(q.code) for q in EHRA_2021.questions()]
    header = ["SubmissionDate", "start", "end", "deviceid", VERSION_FIELD]
    header += [f"sec_{_group(n)}-{n}" for n in names] + ODK_TAIL
    table: list[list[Any]] = [header]
    for i, row in enumerate(rows):
        ident = f"uuid:{uuid.format(i)}"
        values = ["2027-03-13T03:20:00.000Z", "2027-03-13T09:30:00.000+07:00"]
        values += ["2027-03-13T10:15:00.000+07:00", "collect:abc", EHRA_2021.form_version]
        values += [row.get(n, "") for n in names]
        values += [ident, ident, "5", "enum1", "0", "0", "", "", "collect:abc", "0"]
        values.append(EHRA_2021.form_version)
        table.append(values)
    return table


def to_csv(table: list[list[Any]], *, delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    return buffer.getvalue().encode()


def to_xlsx(table: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def edit(table: list[list[Any]], row: int, header: str, value: Any) -> list[list[Any]]:
    """A copy with one cell changed (``row`` 1-based among data rows)."""
    out = [list(r) for r in table]
    out[row][out[0].index(header)] = value
    return out
