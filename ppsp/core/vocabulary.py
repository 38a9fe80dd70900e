"""The domain's code lists as Django ``TextChoices``, built once from ``compute.vocabulary``.

Every model field, form and page that offers a subsector, funding source or kegiatan type
uses these classes (``scenarios.models`` and ``mps.codes`` re-export them under their old
names); every page, map and export that names an EHRA component uses
``EHRA_COMPONENT_LABELS``. Codes and Indonesian labels live in :mod:`ppsp.compute.vocabulary`;
the English labels come from the i18n catalogue (``ppsp/locale/en``).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy

from ppsp.compute import vocabulary as v


def _label(labels: dict[str, str], code: str) -> tuple[str, object]:
    """(code, lazily translated Indonesian label) — a TextChoices member value."""
    return code, gettext_lazy(labels[code])


class Subsector(models.TextChoices):
    """Sanitation subsector (domain-ppsp.md §6)."""

    AIR_LIMBAH = _label(v.SUBSECTOR_LABELS, v.AIR_LIMBAH)
    PERSAMPAHAN = _label(v.SUBSECTOR_LABELS, v.PERSAMPAHAN)
    DRAINASE = _label(v.SUBSECTOR_LABELS, v.DRAINASE)
    PHBS = _label(v.SUBSECTOR_LABELS, v.PHBS)
    AIR_MINUM = _label(v.SUBSECTOR_LABELS, v.AIR_MINUM)


class FundingSource(models.TextChoices):
    """Funding source; exactly one per programme row (domain-ppsp.md §11.2)."""

    APBD_KABKOTA = _label(v.FUNDING_SOURCE_LABELS, v.APBD_KABKOTA)
    APBD_PROVINSI = _label(v.FUNDING_SOURCE_LABELS, v.APBD_PROVINSI)
    APBN = _label(v.FUNDING_SOURCE_LABELS, v.APBN)
    DAK = _label(v.FUNDING_SOURCE_LABELS, v.DAK)
    HIBAH = _label(v.FUNDING_SOURCE_LABELS, v.HIBAH)
    CSR = _label(v.FUNDING_SOURCE_LABELS, v.CSR)
    MASYARAKAT = _label(v.FUNDING_SOURCE_LABELS, v.MASYARAKAT)


class KegiatanType(models.TextChoices):
    """Kegiatan type of a cost line (domain-ppsp.md §9.1)."""

    STUDI_DESAIN = _label(v.KEGIATAN_TYPE_LABELS, v.STUDI_DESAIN)
    ADVOKASI = _label(v.KEGIATAN_TYPE_LABELS, v.ADVOKASI)
    PENYIAPAN_LAHAN = _label(v.KEGIATAN_TYPE_LABELS, v.PENYIAPAN_LAHAN)
    KONSTRUKSI = _label(v.KEGIATAN_TYPE_LABELS, v.KONSTRUKSI)
    OM = _label(v.KEGIATAN_TYPE_LABELS, v.OM)


# EHRA component → lazily translated label (IRS components and the area berisiko map's SSK
# components), for pages, maps and the API; documents use ``v.EHRA_COMPONENT_DOC_LABELS``.
EHRA_COMPONENT_LABELS: dict[str, Any] = {
    code: gettext_lazy(label) for code, label in v.EHRA_COMPONENT_LABELS.items()
}
