"""Write a :class:`~ppsp.compute.questionnaire.Questionnaire` as an XLSForm workbook.

Pure: the XLSX is returned as bytes. The form carries the metadata KoboToolbox and ODK
Central expect (``start``, ``end``, ``deviceid``; pyxform adds ``meta/instanceID``), its
version (:attr:`Questionnaire.form_version`, a hash of the content) both in the
settings sheet and as the calculated field ``versi_kuesioner`` that every export
repeats per row, ``required`` and ``constraint`` columns with Indonesian messages, and
``select_one_from_file`` questions reading the CSV attachments the app writes per
round (``kecamatan.csv``, ``desa.csv``). Source: ehra-risk.md §3.2, §11.2.
"""

from __future__ import annotations

import io

from openpyxl import Workbook

from ppsp.compute.questionnaire import (
    MULTI,
    SINGLE,
    Question,
    Questionnaire,
    question_name,
    xpath,
)
from ppsp.compute.questionnaire_rules import REQUIRED_MESSAGE, constraint

__all__ = ["COLUMNS", "METADATA", "VERSION_FIELD", "write_xlsform"]

VERSION_FIELD = "versi_kuesioner"
METADATA = ("start", "end", "deviceid")
COLUMNS = (
    "type",
    "name",
    "label",
    "relevant",
    "required",
    "hint",
    "required_message",
    "constraint",
    "constraint_message",
    "choice_filter",
    "calculation",
    "appearance",
)


def _survey_type(item: Question) -> str:
    if item.kind in (SINGLE, MULTI, "select_one_from_file"):
        return f"{item.kind} {item.choices}"
    return item.kind


def _row(item: Question, definition: Questionnaire) -> list[str]:
    rule = constraint(item, definition)
    label = "" if item.kind == "calculate" else f"{item.code} {item.label}"
    return [
        _survey_type(item),
        question_name(item.code),
        label,
        "" if item.relevant is None else xpath(item.relevant),
        "yes" if item.required else "",
        "Amati (observasi)" if item.observe else "",
        REQUIRED_MESSAGE if item.required else "",
        rule[0] if rule else "",
        rule[1] if rule else "",
        item.choice_filter or "",
        item.calculation or "",
        "minimal" if item.kind == "select_one_from_file" else "",
    ]


def write_xlsform(definition: Questionnaire) -> bytes:
    """The XLSForm workbook (sheets survey, choices, settings) as XLSX bytes.

    One ``begin group``/``end group`` (or ``begin repeat``) per section, skip logic
    as ``relevant`` XPath, labels in Bahasa Indonesia prefixed with the question code,
    observation items hinted "Amati (observasi)".
    """
    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(list(COLUMNS))
    blank = [""] * (len(COLUMNS) - 2)
    for name in METADATA:
        survey.append([name, name, *blank])
    version = ["calculate", VERSION_FIELD, *blank]
    version[COLUMNS.index("calculation")] = f"'{definition.form_version}'"
    survey.append(version)
    for section in definition.sections:
        group = "repeat" if section.repeat else "group"
        head = [f"begin {group}", f"sec_{section.code}", section.label, *blank[1:]]
        survey.append(head)
        for item in section.questions:
            survey.append(_row(item, definition))
        survey.append([f"end {group}", *[""] * (len(COLUMNS) - 1)])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for list_name, options in definition.choices.items():
        for option in options:
            choices.append([list_name, option.value, option.label])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language", "name"])
    settings.append(
        [definition.title, definition.form_id, definition.form_version, "id", definition.form_id]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
