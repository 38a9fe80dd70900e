"""The Form 2 import as a background job (see ``ppsp.core.upload_jobs``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ppsp.core.upload_jobs import ERROR, SUCCESS, WARNING, Outcome
from ppsp.regions.models import Level, Region

HANDLER = "ppsp.profiles.import_jobs.form2_import"


def form2_import(upload: Any, tracker: Any) -> Outcome:
    """Parse, check and save the Form 2 rows of one kab/kota and year, all or nothing."""
    from ppsp.profiles import selectors, services
    from ppsp.profiles.plausibility import warnings_by_desa

    kabkota = Region.objects.get(code=upload.region_code, level=Level.KABKOTA)
    year = int(upload.params["year"])
    outcome = Outcome()
    report = services.profiles_import(
        kabkota=kabkota,
        year=year,
        filename=upload.filename,
        content=bytes(upload.content),
        by=upload.created_by,
    )
    if report.errors:
        outcome.error(_("Impor dibatalkan, tidak ada data yang disimpan."))
        for message in report.errors[:50]:
            outcome.add(ERROR, message)
        return outcome
    outcome.add(SUCCESS, _("%(n)d baris Form 2 disimpan.") % {"n": report.saved})
    flagged = warnings_by_desa(selectors.profiles_of(selectors.desa_of(kabkota.code), year))
    if flagged:
        outcome.add(
            WARNING,
            _("%(n)d desa punya angka yang perlu diperiksa lagi (ditandai ⚠ di tabel); "
              "data tetap tersimpan.") % {"n": len(flagged)},
        )  # fmt: skip
    return outcome
