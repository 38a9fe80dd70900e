"""The full draft PDF of a consultation: the public download (no login, rate-limited,
only the fixed file of the consulted version of a published consultation; anything else
404) and the Pokja's "render again" (login, scoped)."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.consultation import selectors, throttle
from ppsp.consultation.services import draft as services_draft
from ppsp.consultation.views.manage import flash_errors
from ppsp.core.client import client_address
from ppsp.core.files import file_response

# Downloads per address and consultation in a fixed window: (count, seconds).
DEFAULT_DOWNLOADS_PER_IP = (30, 600)


def _download_admitted(address: str, consultation_id: int) -> int:
    """0 when the download may go ahead, else the seconds until the window ends."""
    value = getattr(settings, "CONSULTATION_RATE_DOWNLOADS_PER_IP", None)
    limit, window = (int(value[0]), int(value[1])) if value else DEFAULT_DOWNLOADS_PER_IP
    now = time.time()
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    if throttle.take(f"pdf:{consultation_id}:{digest}", limit, window, now):
        return 0
    return int(window - now % window) + 1


def public_draft_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponseBase:
    """The draft the public comments on, as stored by docgen; 404 for a draft (unpublished)
    consultation, another version number or a file that is not finished."""
    consultation = selectors.get_public_consultation(pk)
    rendered = services_draft.servable_draft(consultation, number)
    if rendered is None:
        raise Http404
    wait = _download_admitted(client_address(request), consultation.pk)
    if wait:
        response = HttpResponse(
            _("Terlalu banyak unduhan dari alamat Anda. Coba lagi dalam %(minutes)d menit.")
            % {"minutes": max(1, -(-wait // 60))},
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(wait)
        return response
    document = consultation.version.document
    name = f"draf-{document.doc_type}-{document.region.code}-{document.period_start}-v{number}.pdf"
    served = file_response(rendered.file, filename=name, as_attachment=False)
    served["X-Checksum-SHA256"] = rendered.sha256
    served["X-Robots-Tag"] = "noindex"
    return served


@login_required
@require_POST
def draft_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk, write=True)
    try:
        services_draft.draft_refresh(consultation=consultation, by=request.user)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Draf lengkap PDF sedang disusun ulang."))
    return redirect("consultation:manage", pk=pk)
