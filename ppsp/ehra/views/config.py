"""PMU page of the risk-method configuration versions; a round's choice of version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.compute.ehra import DEFAULT_IRS_2021
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.ehra import selectors
from ppsp.ehra.models import ConfigStatus, RiskMethodConfig
from ppsp.ehra.services.config import (
    config_approve,
    config_draft_create,
    is_pmu,
    round_use_config,
)


@login_required
def config_list(request: HttpRequest) -> HttpResponse:
    if scope_for(request.user, Permission.VIEW_EHRA).empty:
        raise Http404
    versions = list(RiskMethodConfig.objects.select_related("approved_by", "created_by"))
    indicators = DEFAULT_IRS_2021.indicators
    context = {
        "versions": [
            (c, [(i.component, i.key, i.label, c.irs_weights.get(i.key)) for i in indicators])
            for c in versions
        ],
        "can_manage": is_pmu(request.user),
    }
    return render(request, "ehra/config.html", context)


@login_required
@require_POST
def config_draft(request: HttpRequest) -> HttpResponse:
    if not is_pmu(request.user):
        raise Http404
    draft = config_draft_create(by=request.user, note=request.POST.get("note", "")[:500])
    messages.success(
        request, _("Draf versi %(v)d dibuat; ubah nilainya di halaman administrasi.") % {
            "v": draft.version}
    )  # fmt: skip
    return redirect("ehra:config")


@login_required
@require_POST
def config_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_pmu(request.user):
        raise Http404
    config = get_object_or_404(RiskMethodConfig, pk=pk, status=ConfigStatus.DRAFT)
    try:
        config_approve(config=config, by=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
        return redirect("ehra:config")
    messages.success(request, _("Versi %(v)d disetujui.") % {"v": config.version})
    return redirect("ehra:config")


@login_required
@require_POST
def round_config(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.get_round_for_user(request.user, pk, permission=Permission.RUN_EHRA)
    config = get_object_or_404(
        RiskMethodConfig, pk=request.POST.get("config") or 0, status=ConfigStatus.APPROVED
    )
    round_use_config(survey=survey, config=config, by=request.user)
    messages.success(
        request, _("Putaran ini memakai konfigurasi versi %(v)d.") % {"v": config.version}
    )
    return redirect("ehra:round", pk=pk)
