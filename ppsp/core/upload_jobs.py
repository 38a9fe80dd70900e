"""Imports parse in the background: the web worker checks and stores, a job parses.

One path for every file import (Form 2, sector data, budget PT-03, monev, Lampiran 4,
participants). The view only runs the cheap checks of `ppsp.core.uploads` (size, kind by
content, a ZIP's declared size), then calls :func:`start_import`, which stores the bytes in
an :class:`~ppsp.core.models.UploadedImport` row (the database, not MEDIA_ROOT), queues
``import_upload_task`` as a tracked :mod:`ppsp.core.jobs` job and redirects to the status
page. The job calls the app's *handler* (dotted path), a function
``(upload, tracker) -> Outcome`` that parses, validates and commits all or nothing (the
same services as before) and returns what the user is told. The status page
(:func:`ppsp.core.views.uploads.upload_status`) shows the shared progress/cancel block
while the job runs; when it ends it hands the messages to Django's message framework and
sends the user back to the page the upload came from (or the handler's ``next``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.messages import constants
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ppsp.core import jobs
from ppsp.core.models import UploadedImport

ERROR, SUCCESS, WARNING, INFO = "error", "success", "warning", "info"
LEVELS = {
    ERROR: constants.ERROR,
    SUCCESS: constants.SUCCESS,
    WARNING: constants.WARNING,
    INFO: constants.INFO,
}
MAX_MESSAGES = 60


@dataclass
class Outcome:
    """What a handler reports: ``ok`` False means nothing was committed."""

    messages: list[tuple[str, str]] = field(default_factory=list)
    ok: bool = True
    next: str = ""
    preview: dict[str, Any] | None = None
    keep_content: bool = False  # a preview whose commit is a second job needs the bytes

    def error(self, text: str) -> None:
        self.ok = False
        self.messages.append((ERROR, str(text)))

    def add(self, level: str, text: str) -> None:
        self.messages.append((level, str(text)))


def upload_enqueue(
    *,
    handler: str,
    filename: str,
    content: bytes,
    region_code: str,
    return_url: str,
    permission: Any,
    cancel_permission: Any,
    label: str,
    by: Any,
    params: dict[str, Any] | None = None,
) -> UploadedImport:
    """Store the checked upload and queue its import job."""
    from ppsp.core.tasks import import_upload_task

    upload = UploadedImport.objects.create(
        handler=handler,
        filename=filename[:200],
        content=content,
        size=len(content),
        params=params or {},
        region_code=region_code,
        return_url=return_url,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    jobs.job_enqueue(
        task=import_upload_task,
        args=[upload.pk],
        kind="impor-berkas",
        label=label,
        region_code=region_code,
        permission=permission,
        cancel_permission=cancel_permission,
        by=by,
        target=upload,
        steps=2,
    )
    return upload


def start_import(request: Any, **kwargs: Any) -> HttpResponseRedirect:
    """`upload_enqueue` for a view: queue and redirect to the job's status page."""
    upload = upload_enqueue(by=request.user, **kwargs)
    return HttpResponseRedirect(reverse("core:upload_status", args=[upload.pk]))


def run_upload(upload_id: int, tracker: jobs.Tracker) -> str:
    """The job body: run the handler inside one transaction (a cancel rolls it back)."""
    upload = UploadedImport.objects.get(pk=upload_id)
    tracker.step(1, _("Membaca, memeriksa dan menyimpan berkas"), count=2)
    handler = import_string(upload.handler)
    with transaction.atomic():
        outcome: Outcome = handler(upload, tracker)
        tracker.step(2, _("Selesai memeriksa"))
    upload.result = {
        "ok": outcome.ok,
        "messages": [list(m) for m in outcome.messages[:MAX_MESSAGES]],
        "next": outcome.next,
        "preview": outcome.preview,
    }
    fields = ["result"]
    if not outcome.keep_content:
        upload.content, upload.size = b"", upload.size
        fields.append("content")
    upload.save(update_fields=fields)
    first = next((text for _level, text in outcome.messages), "")
    if not outcome.ok:
        errors = [text for level, text in outcome.messages if level == ERROR]
        tracker.fail(" ".join(errors[:3]) or _("Impor dibatalkan, tidak ada data yang disimpan."))
    return first


def pack(value: Any) -> Any:
    """A preview value as JSON that :func:`unpack` turns back into the same Python value
    (dataclasses become dicts; Decimal and dates are tagged)."""
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: pack(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): pack(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [pack(v) for v in value]
    return value


def unpack(value: Any) -> Any:
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if tag == "$decimal":
                return Decimal(text)
            if tag == "$date":
                return dt.date.fromisoformat(text)
            if tag == "$datetime":
                return dt.datetime.fromisoformat(text)
        return {k: unpack(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unpack(v) for v in value]
    return value


def preview_of(request: Any, handler: str, **params: Any) -> UploadedImport | None:
    """The user's checked upload of this handler and these params whose check has finished:
    the one named by ``unggahan`` (query or form), else the latest; None when there is
    none."""
    uploads = UploadedImport.objects.filter(
        handler=handler, created_by_id=getattr(request.user, "pk", None)
    ).exclude(result={})
    for key, value in params.items():
        uploads = uploads.filter(**{f"params__{key}": value})
    named = request.GET.get("unggahan") or request.POST.get("unggahan")
    if named:
        try:
            return uploads.filter(pk=int(named)).first()
        except ValueError:
            return None
    return uploads.first()
