"""EHRA component labels defined once (issue 15): ``compute.vocabulary`` holds the codes and
labels, ``core.vocabulary`` their translated form; no other module keeps its own copy."""

from __future__ import annotations

import ast
from pathlib import Path

from django.utils import translation

from ppsp.compute import vocabulary as v
from ppsp.compute.area_risk import IRS_FOR_SSK, SSK_COMPONENTS
from ppsp.compute.ehra import COMPONENTS
from ppsp.core.vocabulary import EHRA_COMPONENT_LABELS
from ppsp.maps.selectors import IRS_ONLY, MAP_COMPONENTS

PPSP = Path(__file__).resolve().parents[2] / "ppsp"
# component and subsector codes: a dict keyed by two or more of them with word values is a
# label list, which belongs in compute/vocabulary.py
CODES = {*v.EHRA_COMPONENT_LABELS, *v.SUBSECTOR_LABELS}


def _text(node: ast.expr) -> str | None:
    """The string a dict value spells: a literal, or the literal in _("…")/gettext_lazy("…")."""
    if isinstance(node, ast.Call) and node.args:
        node = node.args[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def test_it_defines_the_component_labels_in_the_vocabulary_only() -> None:
    found = []
    for path in PPSP.rglob("*.py"):
        if "migrations" in path.parts or path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            keys = [_text(k) for k in node.keys if k is not None]
            labels = [_text(val) for val in node.values]
            words = [t for t in labels if t and t not in CODES and any(c.isalpha() for c in t)]
            if len(set(keys) & CODES) >= 2 and words:
                found.append(f"{path.relative_to(PPSP)}:{node.lineno}")
    assert found == []


def test_it_labels_every_component_the_pages_and_documents_use() -> None:
    assert COMPONENTS == v.EHRA_COMPONENTS
    used = {*COMPONENTS, *SSK_COMPONENTS, *IRS_FOR_SSK.values()}
    assert used == set(v.EHRA_COMPONENT_LABELS) == set(v.EHRA_COMPONENT_DOC_LABELS)
    assert set(MAP_COMPONENTS) == {"area", "irs", *SSK_COMPONENTS, *IRS_ONLY}


def test_it_keeps_the_document_headers_the_analysis_keys_read() -> None:
    """The drafted analysis names paragraphs after these headers ("risiko.air_limbah")."""
    assert [v.EHRA_COMPONENT_DOC_LABELS[c] for c in SSK_COMPONENTS] == [
        "Air limbah",
        "Persampahan",
        "Drainase",
    ]
    assert v.EHRA_COMPONENT_DOC_LABELS[v.PHBS] == "PHBS"


def test_it_translates_every_component_label() -> None:
    for code, label in EHRA_COMPONENT_LABELS.items():
        with translation.override("id"):
            assert str(label) == v.EHRA_COMPONENT_LABELS[code]
        with translation.override("en"):
            assert str(label) != v.EHRA_COMPONENT_LABELS[code], code
    with translation.override("en"):
        assert str(EHRA_COMPONENT_LABELS[v.SUMBER_AIR]) == "Water source"
        assert str(MAP_COMPONENTS[v.PHBS]) == "Hygiene behaviour (PHBS)"
