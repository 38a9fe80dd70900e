"""Recognise the header row of an EHRA submissions export. Pure: no database.

Layouts (any column order; XML names, group prefixes such as ``sec_D/`` (KoboToolbox) or
``sec_D-`` (ODK Central) are read from the last part of the header):

- **KoboToolbox** CSV/XLSX/API JSON: ``meta/instanceID`` or ``_uuid``; a select_multiple as
  one space-separated column, or split into ``sec_C/C_4/A`` columns of 1/0, or both (the
  default "both" layout, where the combined column is read so that an answer outside the
  list cannot hide).
- **ODK Central** CSV/OData: ``meta-instanceID`` (or ``KEY``), ``FormVersion``.
- **Template** (``template_csv``): ``id_kiriman`` plus one column per question name.

Every column of the form must be present (or, for API pulls where unanswered fields are
left out, may be absent) and every other column must be known export metadata, so a
file from another form version is refused instead of silently losing answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ppsp.compute.questionnaire import MULTI, Questionnaire, question_name
from ppsp.compute.questionnaire_xlsform import METADATA, VERSION_FIELD

ID_COLUMNS = ("id_kiriman", "instanceid", "_uuid", "key", "_id")
VERSION_COLUMNS = (VERSION_FIELD, "formversion")
LABELS_EXPORT = "ini ekspor label; unduh dengan nilai XML (XML values)"
# Export metadata of KoboToolbox and ODK Central (lower case, last part of the header);
# every header starting with "_" (Kobo's _id, _uuid, __version__, _status …) is metadata too.
KNOWN_METADATA = frozenset(
    {*METADATA, "today", "username", "simserial", "subscriberid", "phonenumber", "audit"}
    | {"instancename", "deprecatedid", "rootuuid", "uuid", "submissiondate", "submitterid"}
    | {"submittername", "attachmentspresent", "attachmentsexpected", "status", "reviewstate"}
    | {"edits", "updatedat", "deletedat"}
)
_SPLIT = re.compile(r"[/\-]")


@dataclass(frozen=True)
class Column:
    """One used column: its position, the header as written in the file, the question."""

    index: int
    header: str
    name: str  # question name, "__id" or "__version"
    option: str | None = None  # option of a split select_multiple column


@dataclass
class Layout:
    """The recognised header: used columns and problems (Indonesian, naming headers)."""

    columns: list[Column] = field(default_factory=list)
    id_column: Column | None = None
    version_column: Column | None = None
    problems: list[str] = field(default_factory=list)

    def header_of(self, name: str) -> str:
        """The file's own header of a question (the combined column when there are both)."""
        found = [c for c in self.columns if c.name == name]
        combined = [c for c in found if c.option is None]
        return (combined or found)[0].header if found else name


def _parts(text: str) -> list[str]:
    return [p for p in _SPLIT.split(text) if p]


def _is_labels_export(header: Sequence[str], definition: Questionnaire, matched: int) -> bool:
    """True when more headers are question labels ("D.1 Tempat …") than XML names."""
    labels = [f"{q.code} {q.label}".lower() for q in definition.questions()]
    hits = 0
    for raw in header:
        text = raw.strip().lower()
        if text and any(text == label or text.endswith("/" + label) for label in labels):
            hits += 1
    return hits > 0 and hits >= matched


def map_header(header: Sequence[str], definition: Questionnaire, *, sparse: bool = False) -> Layout:
    """Match the header to the form; ``sparse`` allows absent question columns (API pulls).

    Returns a :class:`Layout`; a non-empty ``problems`` list means the file is refused.
    """
    questions = {question_name(q.code).upper(): q for q in definition.questions()}
    layout = Layout()
    unknown: list[str] = []
    for index, raw in enumerate(header):
        text = raw.strip()
        parts = _parts(text)
        if not parts:
            continue
        last = parts[-1].lower()
        if text.lower() in ID_COLUMNS or last in ID_COLUMNS:
            rank = min(ID_COLUMNS.index(n) for n in (text.lower(), last) if n in ID_COLUMNS)
            current = layout.id_column
            if current is None or rank < ID_COLUMNS.index(current.option or ""):
                layout.id_column = Column(index, raw, "__id", ID_COLUMNS[rank])
            continue
        if last in VERSION_COLUMNS:
            current = layout.version_column
            rank = VERSION_COLUMNS.index(last)
            if current is None or rank < VERSION_COLUMNS.index(current.option or ""):
                layout.version_column = Column(index, raw, "__version", last)
            continue
        item = questions.get(parts[-1].upper())
        if item is not None:
            layout.columns.append(Column(index, raw, question_name(item.code)))
            continue
        multi = questions.get(parts[-2].upper()) if len(parts) >= 2 else None
        if multi is not None and multi.kind == MULTI:
            layout.columns.append(Column(index, raw, question_name(multi.code), parts[-1]))
            continue
        if text.startswith("_") or last in KNOWN_METADATA or text.lower() in KNOWN_METADATA:
            continue
        unknown.append(raw)
    if _is_labels_export(header, definition, len(layout.columns)):
        layout.problems = [LABELS_EXPORT]
        return layout
    if layout.id_column is None:
        layout.problems.append(
            "kolom ID kiriman tidak ada: perlu 'meta/instanceID' atau '_uuid' (KoboToolbox), "
            "'meta-instanceID' atau 'KEY' (ODK Central), atau 'id_kiriman' (templat)."
        )
    _check_columns(layout, definition, unknown, sparse=sparse)
    return layout


def _check_columns(
    layout: Layout, definition: Questionnaire, unknown: list[str], *, sparse: bool
) -> None:
    present = {c.name for c in layout.columns}
    if not sparse:
        missing = [q for q in definition.questions() if question_name(q.code) not in present]
        if missing:
            listed = ", ".join(f"{question_name(q.code)} ({q.code})" for q in missing[:20])
            more = f" dan {len(missing) - 20} lainnya" if len(missing) > 20 else ""
            layout.problems.append(
                f"kolom pertanyaan tidak ada: {listed}{more}. Berkas ini bukan ekspor lengkap "
                f"kuesioner versi {definition.form_version}; jawaban itu akan hilang."
            )
    if unknown:
        listed = ", ".join(f"'{h}'" for h in unknown[:20])
        more = f" dan {len(unknown) - 20} lainnya" if len(unknown) > 20 else ""
        layout.problems.append(
            f"kolom tidak dikenal: {listed}{more}. Kolom ini bukan pertanyaan kuesioner versi "
            f"{definition.form_version}; unduh ekspor dari formulir yang sama dengan putaran ini."
        )
    questions_by_name = {question_name(q.code): q for q in definition.questions()}
    for column in layout.columns:
        if column.option is None:
            continue
        item = questions_by_name[column.name]
        allowed = {c.value for c in definition.choices[item.choices or ""]}
        if column.option not in allowed:
            layout.problems.append(
                f"kolom '{column.header}': pilihan '{column.option}' tidak ada dalam daftar "
                f"jawaban {item.code}."
            )
