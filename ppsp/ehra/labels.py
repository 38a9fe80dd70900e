"""Translated labels of the risk classes (the lookup in ``compute.area_risk.RISK_CLASSES``).

``compute`` keeps the Indonesian label and the colour; the UI shows the label through
this module so that it is translated (ehra-risk.md §7.3: numeric 1..4, labels from a lookup).
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from ppsp.compute.area_risk import RISK_CLASSES

# Marked for the catalogue; the msgids are the labels of RISK_CLASSES.
_MSGIDS = (
    gettext_noop("Tidak dinilai"),
    gettext_noop("Kurang berisiko"),
    gettext_noop("Risiko sedang"),
    gettext_noop("Risiko tinggi"),
    gettext_noop("Risiko sangat tinggi"),
)


def risk_class(klass: int) -> tuple[str, str]:
    """(label in the active language, colour) of a class 0..4 (0 = not classed)."""
    label, colour = RISK_CLASSES[klass]
    return gettext(label), colour


def risk_classes() -> list[tuple[int, str, str]]:
    """Every class as (number, translated label, colour), for legends."""
    return [(k, *risk_class(k)) for k in RISK_CLASSES]
