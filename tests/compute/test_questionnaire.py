"""The 2021 EHRA questionnaire: one definition, XLSForm export, IRS mapping (ehra-risk.md §3.2)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from openpyxl import load_workbook
from pyxform.xls2xform import convert

from ppsp.compute.ehra import DEFAULT_IRS_2021, check_indicators
from ppsp.compute.ladder import QUESTIONS as LADDER_QUESTIONS
from ppsp.compute.questionnaire import (
    In,
    Question,
    Questionnaire,
    Section,
    Selected,
    answer_columns,
    question_name,
    referenced_codes,
    to_xlsform,
    xpath,
)
from ppsp.compute.questionnaire_2021 import EHRA_2021

XF = "{http://www.w3.org/2002/xforms}"


def xform(definition: Questionnaire) -> tuple[ET.Element, list[str]]:
    warnings: list[str] = []
    result = convert(xlsform=to_xlsform(definition), warnings=warnings)
    return ET.fromstring(result.xform), warnings


def test_it_has_sections_id_and_a_to_j() -> None:
    assert [s.code for s in EHRA_2021.sections] == ["ID", *"ABCDEFGHIJ"]
    codes = [q.code for q in EHRA_2021.questions()]
    assert len(codes) == len(set(codes))
    assert {"C.21", "D.21", "E.9", "F.2.5", "G.6", "H.2", "I.6", "J.2"} <= set(codes)


def test_it_writes_survey_choices_and_settings_sheets() -> None:
    book = load_workbook(io.BytesIO(to_xlsform(EHRA_2021)))
    assert book.sheetnames == ["survey", "choices", "settings"]
    rows = list(book["survey"].iter_rows(values_only=True))
    d8 = next(row for row in rows if row[1] == "D_8")
    assert d8[0] == "select_one yn" and d8[3] == "(${D_3} = '2' or ${D_3} = '3')"


def test_it_passes_pyxform() -> None:
    root, warnings = xform(EHRA_2021)
    assert warnings == []
    binds = {b.get("nodeset", "").rsplit("/", 1)[-1]: b for b in root.iter(f"{XF}bind")}
    assert binds["G_2"].get("relevant") == " /ehra_2021/sec_G/G_1  = '1'"
    assert "selected( /ehra_2021/sec_C/C_4 , 'C')" in binds["C_8"].get("relevant", "")
    every = {question_name(q.code) for q in EHRA_2021.questions()}
    assert every <= set(binds)


def test_it_maps_every_indicator_to_a_question_of_the_form() -> None:
    check_indicators(EHRA_2021, DEFAULT_IRS_2021)
    assert set(LADDER_QUESTIONS) <= EHRA_2021.codes()
    columns = answer_columns(EHRA_2021)
    for item in DEFAULT_IRS_2021.indicators:
        for code in referenced_codes(item.risk) | referenced_codes(item.applicable):
            question = EHRA_2021.question(code)
            assert question.kind in ("select_one", "select_multiple")
            assert any(c == question_name(code) or c.startswith(question_name(code) + "__")
                       for c in columns)  # fmt: skip


def test_it_only_uses_answer_codes_that_exist() -> None:
    def check(expr: object) -> None:
        if isinstance(expr, In | Selected):
            question = EHRA_2021.question(expr.code)
            if question.choices is None:  # a number, e.g. B.12 = 0 balita
                return
            allowed = {c.value for c in EHRA_2021.choices[question.choices]}
            values = expr.values if isinstance(expr, In) else expr.options
            assert {str(v) for v in values} <= allowed, expr
        for child in getattr(expr, "terms", ()):
            check(child)
        if hasattr(expr, "term"):
            check(expr.term)

    for item in DEFAULT_IRS_2021.indicators:
        check(item.risk)
        check(item.applicable)
    for question in EHRA_2021.questions():
        if question.relevant is not None:
            check(question.relevant)
        if question.choices is not None and question.kind != "select_one_from_file":
            assert question.choices in EHRA_2021.choices


def test_it_writes_repeat_groups() -> None:
    members = Section(
        "R",
        "Anggota rumah tangga",
        (
            Question("R.1", "integer", "Umur"),
            Question("R.2", "select_one", "Diare", "yn", relevant=In("R.1", (1, 2))),
        ),
        repeat=True,
    )
    form = Questionnaire("t", "Tes", "1", (members,), {"yn": EHRA_2021.choices["yn"]})
    root, warnings = xform(form)
    assert warnings == []
    assert any(r.get("nodeset") == "/t/sec_R" for r in root.iter(f"{XF}repeat"))
    assert xpath(In("R.1", (1, 2))) == "(${R_1} = '1' or ${R_1} = '2')"


def test_it_only_skips_on_answers_given_earlier_in_the_form() -> None:
    seen: set[str] = set()
    for question in EHRA_2021.questions():
        if question.relevant is not None:
            assert referenced_codes(question.relevant) <= seen, question.code
        seen.add(question.code)
