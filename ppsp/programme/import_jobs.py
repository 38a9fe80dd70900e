"""The participant list import as background jobs (see ``ppsp.core.upload_jobs``): one
checks the file and keeps the preview rows and problems, one saves all rows or none."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ppsp.core.upload_jobs import ERROR, SUCCESS, Outcome, pack, unpack
from ppsp.regions.models import Level, Region

CHECK = "ppsp.programme.import_jobs.participants_check"
COMMIT = "ppsp.programme.import_jobs.participants_commit"


def _parse(filename: str, content: bytes) -> tuple[list[Any], list[Any]]:
    from ppsp.programme.models import Stage
    from ppsp.programme.participants_file import parse_participants, stage_lookup

    codes = set(Region.objects.filter(level=Level.KABKOTA).values_list("code", flat=True))
    stages = stage_lookup(list(Stage.objects.values_list("number", "code", "name")))
    return parse_participants(filename, content, kabkota_codes=codes, stages=stages)


def participants_check(upload: Any, tracker: Any) -> Outcome:
    rows, errors = _parse(upload.filename, bytes(upload.content))
    outcome = Outcome(preview={"rows": pack(rows), "errors": pack(errors)}, keep_content=not errors)
    outcome.next = f"{reverse('programme:import')}?unggahan={upload.pk}"
    if errors:
        outcome.ok = False
        outcome.add(ERROR, str(errors[0]))
    return outcome


def preview(upload: Any) -> dict[str, Any]:
    from ppsp.programme.participants_file import ParticipantRow, RowError

    stored = upload.result.get("preview") or {}
    return {
        "rows": [ParticipantRow(**unpack(r)) for r in stored.get("rows", [])],
        "errors": [RowError(**unpack(e)) for e in stored.get("errors", [])],
    }


def participants_commit(upload: Any, tracker: Any) -> Outcome:
    from ppsp.programme import services

    rows, errors = _parse(upload.filename, bytes(upload.content))
    outcome = Outcome()
    if errors:
        for error in errors:
            outcome.error(str(error))
        outcome.error(_("Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi."))
        return outcome
    counts = services.participants_import(rows=rows, filename=upload.filename, by=upload.created_by)
    outcome.add(
        SUCCESS,
        _(
            "Impor %(file)s selesai: %(created)d baru, %(updated)d diubah, %(unchanged)d tetap, "
            "%(records)d catatan tahapan baru."
        )
        % {
            "file": upload.filename,
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "records": counts["stage_records"],
        },
    )
    outcome.next = reverse("programme:national")
    return outcome
