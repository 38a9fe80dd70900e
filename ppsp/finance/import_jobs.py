"""The budget realisation (PT-03) import as a background job (``ppsp.core.upload_jobs``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ppsp.core.upload_jobs import ERROR, SUCCESS, Outcome

HANDLER = "ppsp.finance.import_jobs.belanja_import"


def belanja_import(upload: Any, tracker: Any) -> Outcome:
    """Replace the OPD realisation table of one fiscal capacity from the XLSX, all or nothing."""
    from ppsp.finance import services
    from ppsp.finance.models import FiscalCapacity

    capacity = FiscalCapacity.objects.select_related("region").get(pk=upload.params["capacity"])
    outcome = Outcome()
    try:
        problems = services.belanja_import(
            capacity=capacity,
            data=bytes(upload.content),
            by=upload.created_by,
            filename=upload.filename,
        )
    except ValidationError as error:
        problems = [f"{upload.filename}: {m}" for m in error.messages]
    except PermissionDenied as error:
        problems = [f"{upload.filename}: {error}"]
    if problems:
        outcome.error(_("Impor dibatalkan, tidak ada yang diubah:"))
        for problem in problems[:50]:
            outcome.add(ERROR, problem)
    else:
        outcome.add(SUCCESS, _("Realisasi belanja OPD diimpor."))
    return outcome
