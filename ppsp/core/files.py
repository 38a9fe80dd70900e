"""Serve a stored file from a view that has already checked the user's scope.

Media are never served directly (predictable paths under /media/ would bypass region
scoping); every download goes through an app's view, which fetches the object with its
`get_<thing>_for_user` helper (404 outside scope) and returns `file_response(...)`.

``PPSP_FILE_SERVING`` chooses how the bytes leave: ``"django"`` (default: a streaming
FileResponse from the app process), ``"x-accel"`` (nginx: the response carries
``X-Accel-Redirect: <PPSP_X_ACCEL_PREFIX><name>`` and nginx sends the file from an
``internal`` location aliased to MEDIA_ROOT) or ``"x-sendfile"`` (Apache mod_xsendfile,
lighttpd: ``X-Sendfile: <absolute path>``). The web worker is then free at once, however
large the file.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase

INLINE_MAX = 4 * 1024 * 1024


def file_response(
    field: FieldFile, *, filename: str | None = None, as_attachment: bool = True
) -> HttpResponseBase:
    """The stored file of `field` as a download (404 when it is missing on disk)."""
    if not field or not field.name:
        raise Http404
    name = filename or PurePosixPath(field.name).name
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    mode = getattr(settings, "PPSP_FILE_SERVING", "django")
    storage = field.storage
    if not storage.exists(field.name):
        raise Http404
    if mode in ("x-accel", "x-sendfile"):
        response = HttpResponse(content_type=kind)
        if mode == "x-accel":
            prefix = getattr(settings, "PPSP_X_ACCEL_PREFIX", "/protected-media/")
            response["X-Accel-Redirect"] = prefix + quote(field.name)
        else:
            response["X-Sendfile"] = storage.path(field.name)
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
        return response
    if storage.size(field.name) <= INLINE_MAX:
        # small files are read whole: no file handle outlives the request
        with storage.open(field.name, "rb") as handle:
            response = HttpResponse(handle.read(), content_type=kind)
        disposition = "attachment" if as_attachment else "inline"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
        return response
    return FileResponse(
        storage.open(field.name, "rb"),
        as_attachment=as_attachment,
        filename=name,
        content_type=kind,
    )
