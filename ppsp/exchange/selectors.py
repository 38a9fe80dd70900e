"""Reads of the exchange app, through the user's scope; `sector_value` for other apps."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.exchange.models import ExportJob, ImportBatch, SectorFigure
from ppsp.exchange.registry import TABLES


def sector_value(region_code: str, indicator: str, year: int) -> Decimal | None:
    """The imported figure of a region (kab/kota or desa), summed over SIPD detail rows.

    Indicator codes: sipsn_timbulan_tahunan_ton, sipsn_terkelola_tahunan_ton, ...,
    stbm_jumlah_kk, stbm_kk_jsp, stbm_odf (1 = ODF), apbd_pagu, apbd_realisasi (Rp).
    None when nothing was imported.
    """
    total: Decimal | None = SectorFigure.objects.filter(
        region__code=region_code, indicator=indicator, year=year
    ).aggregate(total=Sum("value"))["total"]
    return total


def get_batch_for_user(user: Any, pk: int, *, write: bool = False) -> ImportBatch:
    rows = ImportBatch.objects.select_related("region", "created_by")
    permission = Permission.EDIT_REGION_DATA if write else Permission.VIEW_REGION
    return object_for_user(user, rows, pk, permission, "region.code")


def batches_of(kabkota_code: str) -> list[ImportBatch]:
    return list(
        ImportBatch.objects.filter(region__code=kabkota_code)
        .select_related("created_by")
        .defer("content")[:50]
    )


def job_visible(user: Any, job: ExportJob) -> bool:
    if job.requested_by_id == user.pk:
        return True
    table = TABLES.get(job.table)
    if table is None:
        return False
    scope = scope_for(user, table.permission)
    return scope.national if not job.region_code else scope.covers(job.region_code)


def get_job_for_user(user: Any, pk: int) -> ExportJob:
    job = get_object_or_404(ExportJob, pk=pk)
    if not getattr(user, "is_authenticated", False) or not job_visible(user, job):
        raise Http404
    return job


def jobs_for(user: Any) -> list[ExportJob]:
    return [j for j in ExportJob.objects.order_by("-created_at")[:100] if job_visible(user, j)][:20]
