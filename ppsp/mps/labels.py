"""Code-list values written as their Indonesian labels (what a Pokja reads) in the XLSX
files of Proses 4, and read back from a label (Indonesian or English) or the code."""

from __future__ import annotations

import functools

from django.db import models
from django.utils import translation

from ppsp.mps.codes import Kategori, Source, Subsector
from ppsp.mps.models import RowStatus

LABELLED: dict[str, type[models.TextChoices]] = {
    "subsector": Subsector,
    "source": Source,
    "kategori": Kategori,
    "status": RowStatus,
}


def label_of(field: str, code: str) -> str:
    """The Indonesian label of a code list value (the code itself when not in the list)."""
    choices = LABELLED.get(field)
    if choices is None or code not in choices.values:
        return code
    with translation.override("id"):
        return str(choices(code).label)


@functools.cache
def _codes_by_label(field: str) -> dict[str, str]:
    """Lower-cased code, Indonesian label and English label -> code."""
    choices = LABELLED[field]
    found: dict[str, str] = {}
    for language in ("en", "id"):
        with translation.override(language):
            found.update({str(label).strip().lower(): value for value, label in choices.choices})
    found.update({value.lower(): value for value in choices.values})
    return found


def code_of(field: str, text: str) -> str:
    """A cell's code list value from its label or code; unknown text is returned unchanged."""
    if field not in LABELLED:
        return text
    return _codes_by_label(field).get(text.strip().lower(), text)
