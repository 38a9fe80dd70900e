"""The monev realisation import as a background job (see ``ppsp.core.upload_jobs``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ppsp.core.upload_jobs import ERROR, SUCCESS, Outcome
from ppsp.regions.models import Level, Region

HANDLER = "ppsp.monev.import_jobs.realisation_file_import"


def realisation_file_import(upload: Any, tracker: Any) -> Outcome:
    """Validate every line of the file, then save them in one transaction."""
    from ppsp.monev import selectors
    from ppsp.monev.importer import realisation_import

    region = Region.objects.get(code=upload.region_code, level=Level.KABKOTA)
    year = int(upload.params["year"])
    monev = selectors.kabkota_monev(region, year)
    outcome = Outcome()
    try:
        result = realisation_import(
            region=region,
            year=year,
            filename=upload.filename,
            content=bytes(upload.content),
            row_ids={line.row.pk for line in monev.rows},
            node_ids={line.node.pk for line in monev.indicators},
            by=upload.created_by,
        )
    except ValidationError as error:
        outcome.ok = False
        for message in error.messages:
            outcome.add(ERROR, message)
    except PermissionDenied as error:
        outcome.error(str(error))
    else:
        outcome.add(
            SUCCESS,
            _("Impor berhasil: %(c)s isian baru, %(u)s diubah.")
            % {"c": result.created, "u": result.updated},
        )
    return outcome
