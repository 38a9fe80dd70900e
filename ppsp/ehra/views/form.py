"""EHRA form files per round (desa/kecamatan CSV attachments) and pulls from Kobo/ODK."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.core.permissions import Permission
from ppsp.ehra import selectors, services
from ppsp.ehra.form_files import desa_csv, kecamatan_csv
from ppsp.ehra.forms import PullForm
from ppsp.ehra.submissions_pull import PullError, PullSource


def _csv(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def round_desa_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """``desa.csv`` for the XLSForm's ID.4 (select_one_from_file) of this round."""
    survey = selectors.get_round_for_user(request.user, pk)
    return _csv(desa_csv(survey), "desa.csv")


@login_required
def round_kecamatan_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """``kecamatan.csv`` for the XLSForm's ID.3 of this round."""
    survey = selectors.get_round_for_user(request.user, pk)
    return _csv(kecamatan_csv(survey), "kecamatan.csv")


@login_required
@require_POST
def pull(request: HttpRequest, pk: int) -> HttpResponse:
    """Pull the submissions from KoboToolbox / ODK Central and import them (all or nothing)."""
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    form = PullForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, str(problem))
        return redirect("ehra:round", pk=pk)
    data = form.cleaned_data
    source = PullSource(data["kind"], data["server"], data["form_id"], data["username"])
    try:
        run = services.import_pull(
            survey=survey, source=source, token=data["token"], by=request.user
        )
    except PullError as error:
        messages.error(request, _("Penarikan data gagal: %(e)s") % {"e": error})
        return redirect("ehra:round", pk=pk)
    return redirect("ehra:import_run", pk=run.pk)
