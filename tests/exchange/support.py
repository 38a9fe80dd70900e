"""Objects the exchange permission matrix needs in a target region."""

from __future__ import annotations

from ppsp.accounts.models import User
from ppsp.exchange.exports import run_job
from ppsp.exchange.models import ExportJob, ImportBatch
from ppsp.regions.models import Region


def _owner() -> User:
    user, _ = User.objects.get_or_create(username="exchange-owner")
    return user


def batch_in(kabkota_code: str) -> ImportBatch:
    return ImportBatch.objects.create(
        system="sipsn",
        region=Region.objects.get(code=kabkota_code),
        filename="x.csv",
        content=b"",
        checksum="",
        created_by=_owner(),
    )


def job_in(kabkota_code: str) -> ExportJob:
    job = ExportJob.objects.create(
        table="wilayah", fmt="csv", region_code=kabkota_code, requested_by=_owner()
    )
    run_job(job.pk)
    return job
