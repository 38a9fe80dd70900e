"""Issue 17: the XLSForm stops bad answers at the door (ehra-risk.md §3.2).

Required core answers, bounded numbers and stand-alone "tidak ada / tidak tahu" options
as constraints with Indonesian messages, desa from the round's CSV filtered by
kecamatan, the 2021 lists and skips, Kobo/ODK metadata and a content-hashed version;
the form converts with pyxform and passes ODK Validate (Java).
"""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from ppsp.compute.ehra import DEFAULT_IRS_2021
from ppsp.compute.questionnaire import Question, Questionnaire, referenced_codes, to_xlsform
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.compute.questionnaire_rules import constraint, value_problem


def survey_rows() -> dict[str, dict[str, str]]:
    book = load_workbook(io.BytesIO(to_xlsform(EHRA_2021)))
    rows = list(book["survey"].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return {
        str(r[1]): {h: ("" if v is None else str(v)) for h, v in zip(header, r, strict=True)}
        for r in rows[1:]
        if r[1]
    }


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java")
def test_it_passes_odk_validate() -> None:
    warnings: list[str] = []
    result = convert(xlsform=to_xlsform(EHRA_2021), warnings=warnings, validate=True)
    assert warnings == []
    assert f'version="{EHRA_2021.form_version}"' in result.xform
    assert 'src="jr://file-csv/desa.csv"' in result.xform


def test_it_requires_the_identification_and_every_answer_the_irs_reads() -> None:
    used = set()
    for item in DEFAULT_IRS_2021.indicators:
        used |= referenced_codes(item.risk) | referenced_codes(item.applicable)
    required = {q.code for q in EHRA_2021.questions() if q.required}
    assert used <= required
    assert {"ID.3", "ID.4", "ID.5", "A.1", "D.1"} <= required
    rows = survey_rows()
    assert rows["D_1"]["required"] == "yes" and rows["D_1"]["required_message"] == "Wajib diisi."


def test_it_lets_the_enumerator_pick_the_desa_from_the_rounds_list() -> None:
    rows = survey_rows()
    assert rows["ID_3"]["type"] == "select_one_from_file kecamatan.csv"
    assert rows["ID_4"]["type"] == "select_one_from_file desa.csv"
    assert rows["ID_4"]["choice_filter"] == "kecamatan=${ID_3}"
    assert rows["ID_2"]["calculation"] == "substr(${ID_4}, 0, 5)"


def test_it_writes_constraints_with_indonesian_messages() -> None:
    rows = survey_rows()
    assert rows["B_1"]["constraint"] == ". >= 15 and . <= 110"
    assert rows["B_1"]["constraint_message"] == "Isi angka antara 15 dan 110."
    assert rows["B_7"]["constraint_message"] == "Isi angka paling sedikit 0."
    for name, option, label in (
        ("D_2", "H", "Tidak ada"),
        ("G_3", "H", "Tidak pernah"),
        ("F_1_15", "F", "Tidak ada"),
        ("F_2_2", "D", "Tidak tahu"),
        ("E_3_3", "E", "Tidak tahu/tidak pasti"),
    ):
        assert rows[name]["constraint"] == (
            f"not(selected(., '{option}') and count-selected(.) > 1)"
        )
        assert rows[name]["constraint_message"] == (
            f"'{label}' tidak boleh dipilih bersama jawaban lain."
        )


def test_it_uses_the_2021_lists_and_skips() -> None:
    rows = survey_rows()
    assert rows["E_3_2"]["type"] == "select_multiple e32"  # not the hand-washing list g2
    labels = [c.label for c in EHRA_2021.choices["e32"]]
    assert labels[0] == "Di halaman/pekarangan rumah" and "Kamar mandi" not in labels
    for name in ("D_4", "D_5", "D_6", "D_7"):  # D.3 = 1 → D.12, D.3 = 7 → D.16
        assert rows[name]["relevant"] == (
            "(${D_3} = '2' or ${D_3} = '3' or ${D_3} = '4' or ${D_3} = '5' or ${D_3} = '6')"
        )


def test_it_carries_kobo_and_odk_metadata_and_its_version_per_row() -> None:
    rows = survey_rows()
    for name in ("start", "end", "deviceid"):
        assert rows[name]["type"] == name
    assert rows["versi_kuesioner"]["calculation"] == f"'{EHRA_2021.form_version}'"
    book = load_workbook(io.BytesIO(to_xlsform(EHRA_2021)))
    settings = list(book["settings"].iter_rows(values_only=True))
    assert settings[1][2] == EHRA_2021.form_version
    xform = convert(xlsform=to_xlsform(EHRA_2021)).xform
    assert "<instanceID/>" in xform


def test_it_changes_the_version_with_every_change_of_the_form() -> None:
    assert EHRA_2021.form_version.startswith("2021.1-")
    assert EHRA_2021.form_version == dataclasses.replace(EHRA_2021).form_version
    section = EHRA_2021.sections[3]
    first = dataclasses.replace(section.questions[0], label="Timbulan sampah")
    edited = dataclasses.replace(section, questions=(first, *section.questions[1:]))
    sections = (*EHRA_2021.sections[:3], edited, *EHRA_2021.sections[4:])
    assert dataclasses.replace(EHRA_2021, sections=sections).form_version != (
        EHRA_2021.form_version
    )
    choices = {**EHRA_2021.choices, "yn": EHRA_2021.choices["yn"][:1]}
    assert dataclasses.replace(EHRA_2021, choices=choices).form_version != EHRA_2021.form_version


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_it_checks_numbers_exactly_as_the_form_constraint_reads(value: float) -> None:
    item = Question("B.1", "integer", "Usia", bounds=(15, 110))
    form = Questionnaire("t", "T", "1", ())
    assert constraint(item, form) == (". >= 15 and . <= 110", "Isi angka antara 15 dan 110.")
    assert (value_problem(item, value, form) == "") == (15 <= value <= 110)


def test_it_refuses_an_exclusive_option_with_another() -> None:
    d2 = EHRA_2021.question("D.2")
    assert value_problem(d2, ["H"], EHRA_2021) == ""
    assert value_problem(d2, ["A", "B"], EHRA_2021) == ""
    assert value_problem(d2, ["A", "H"], EHRA_2021) == (
        "'Tidak ada' tidak boleh dipilih bersama jawaban lain."
    )
