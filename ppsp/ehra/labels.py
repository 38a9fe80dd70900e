"""Labels and colours of the risk classes, as the round's method version configures them.

``compute.area_risk.RISK_CLASSES`` is the documented default (ehra-risk.md §7.3: numeric
1..n, labels and colours from a lookup) and the seed of version 1 of
``RiskMethodConfig.class_labels``. Every reader of a class label or colour — the map page
and its GeoJSON, the PNG/PDF map, the EHRA result pages, the documents, the exports and the
API — asks :func:`risk_classes_for_round` for the round's :class:`RiskClasses`, so a
version that renames or recolours its classes shows the same everywhere. Class 0 ("tidak
dinilai", missing input) is not configurable and keeps the default label and colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext, gettext_noop

from ppsp.compute.area_risk import RISK_CLASSES
from ppsp.ehra.config import config_for_round

if TYPE_CHECKING:
    from ppsp.ehra.models import RiskMethodConfig, SurveyRound

# Marked for the catalogue; the msgids are the labels of RISK_CLASSES.
_MSGIDS = (
    gettext_noop("Tidak dinilai"),
    gettext_noop("Kurang berisiko"),
    gettext_noop("Risiko sedang"),
    gettext_noop("Risiko tinggi"),
    gettext_noop("Risiko sangat tinggi"),
)


@dataclass(frozen=True)
class RiskClasses:
    """Class number → (Indonesian label, colour) of one method version.

    ``table`` holds 0 and every class 1..4 (classes above ``count`` keep the default, so an
    IRS layer classed 1..4 still has a colour under a 3-class version); ``count`` is the
    number of classes the version uses (the legend shows 0..count).
    """

    table: Mapping[int, tuple[str, str]]
    count: int

    def label(self, klass: int) -> str:
        """Indonesian label as configured (documents and exports are Indonesian)."""
        return self.table.get(klass, RISK_CLASSES[0])[0]

    def colour(self, klass: int) -> str:
        return self.table.get(klass, RISK_CLASSES[0])[1]

    def of(self, klass: int) -> tuple[str, str]:
        """(label in the active language, colour), for pages."""
        return gettext(self.label(klass)), self.colour(klass)

    def legend(self) -> list[tuple[int, str, str]]:
        """Classes 0..count as (number, translated label, colour)."""
        return [(k, *self.of(k)) for k in range(self.count + 1)]

    def legend_dict(self) -> dict[str, list[str]]:
        """Classes 0..count as {"k": [Indonesian label, colour]} (documents, JSON)."""
        return {str(k): [self.label(k), self.colour(k)] for k in range(self.count + 1)}


DEFAULT_CLASSES = RiskClasses(dict(RISK_CLASSES), max(RISK_CLASSES))


def classes_of(class_labels: Any, count: int | None = None) -> RiskClasses:
    """The classes of a version's ``class_labels`` ([[label, colour], …] for classes 1..n).

    Malformed entries (the model validates them; an old row might not) keep the default.
    """
    table = dict(RISK_CLASSES)
    pairs = class_labels if isinstance(class_labels, list) else []
    for k, pair in enumerate(pairs, start=1):
        if (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(p, str) and p for p in pair)
        ):
            table[k] = (pair[0], pair[1])
    n = count if count is not None else (len(pairs) or max(RISK_CLASSES))
    return RiskClasses(table, n)


def classes_of_config(config: RiskMethodConfig | None) -> RiskClasses:
    if config is None:
        return DEFAULT_CLASSES
    return classes_of(config.class_labels, config.classes)


def risk_classes_for_round(survey: SurveyRound | None) -> RiskClasses:
    """The one selector of class labels and colours: those of the round's method version
    (``ehra.config.config_for_round``: recorded, else newest approved, else the defaults)."""
    if survey is None:
        return DEFAULT_CLASSES
    return classes_of_config(config_for_round(survey))


def risk_class(klass: int) -> tuple[str, str]:
    """(label in the active language, colour) of a class 0..4 under the default labels."""
    return DEFAULT_CLASSES.of(klass)


def risk_classes() -> list[tuple[int, str, str]]:
    """Every default class as (number, translated label, colour), for legends."""
    return DEFAULT_CLASSES.legend()
