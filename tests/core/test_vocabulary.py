"""One vocabulary (issue 15): code lists defined once in compute, TextChoices built once."""

from __future__ import annotations

import ast
from pathlib import Path

from django.utils import translation

from ppsp.compute import vocabulary as v
from ppsp.compute.area_risk import RISK_CLASSES, SSK_COMPONENTS
from ppsp.compute.records import KEGIATAN_TYPES, SUBSECTORS
from ppsp.core.vocabulary import FundingSource, KegiatanType, Subsector
from ppsp.mps import codes
from ppsp.scenarios import models as scenario_models

PPSP = Path(__file__).resolve().parents[2] / "ppsp"


def test_it_builds_each_choices_class_from_the_compute_constants() -> None:
    for choices, labels in (
        (Subsector, v.SUBSECTOR_LABELS),
        (FundingSource, v.FUNDING_SOURCE_LABELS),
        (KegiatanType, v.KEGIATAN_TYPE_LABELS),
    ):
        with translation.override("id"):
            assert {c: str(label) for c, label in choices.choices} == labels
    assert SUBSECTORS == v.SUBSECTORS and KEGIATAN_TYPES == v.KEGIATAN_TYPES
    assert SSK_COMPONENTS == v.SSK_SUBSECTORS and RISK_CLASSES is v.RISK_CLASSES


def test_it_keeps_the_stored_codes() -> None:
    assert Subsector.values == ["air_limbah", "persampahan", "drainase", "phbs", "air_minum"]
    assert FundingSource.values == [
        "apbd_kabkota", "apbd_provinsi", "apbn", "dak", "hibah", "csr", "masyarakat",
    ]  # fmt: skip
    assert KegiatanType.values == [
        "studi_desain",
        "advokasi",
        "penyiapan_lahan",
        "konstruksi",
        "om",
    ]


def test_it_gives_the_apps_the_same_classes() -> None:
    assert codes.Subsector is scenario_models.Subsector is Subsector
    assert codes.Source is scenario_models.FundingSource is FundingSource
    assert scenario_models.KegiatanType is KegiatanType


def test_it_translates_every_label_to_english() -> None:
    for choices in (Subsector, FundingSource, KegiatanType):
        for code, label in choices.choices:
            with translation.override("en"):
                english = str(label)
            assert english, code
    with translation.override("en"):
        assert str(Subsector.PHBS.label).startswith("PHBS")
        assert str(FundingSource.APBD_KABKOTA.label) == "Regency/City APBD"


def test_it_defines_no_other_choices_class_of_these_lists() -> None:
    """No TextChoices outside core.vocabulary re-declares a subsector or funding source."""
    found = []
    for path in PPSP.rglob("*.py"):
        if "migrations" in path.parts or path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ClassDef)
                and node.name in {"Subsector", "FundingSource", "Source", "KegiatanType"}
                and any("Choices" in ast.unparse(base) for base in node.bases)
            ):
                found.append(f"{path.relative_to(PPSP)}:{node.name}")
    assert found == []
