"""Facilitators: at most 3 PF per province, one CF per kab/kota per year; workload."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from ppsp.accounts.services import user_create
from ppsp.programme.models import FacilitatorAssignment, StageStatus
from ppsp.programme.selectors import workload_for
from ppsp.programme.services.facilitators import facilitator_assign, facilitator_training_create
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.programme.support import stage_record_in, trained


def _user(name: str):  # type: ignore[no-untyped-def]
    return trained(user_create(username=name, password=None))


def test_it_allows_three_pf_per_province_and_refuses_the_fourth(regions: None) -> None:
    jambi = Region.objects.get(code="15")
    for i in range(3):
        facilitator_assign(
            user=_user(f"pf{i}"), kind="pf", region=jambi, contract_year=2024, by=None
        )
    with pytest.raises(ValidationError, match="paling banyak 3 PF per provinsi"):
        facilitator_assign(user=_user("pf4"), kind="pf", region=jambi, contract_year=2024, by=None)
    facilitator_assign(user=_user("pf5"), kind="pf", region=jambi, contract_year=2025, by=None)


def test_it_allows_one_cf_per_kabkota_per_year(regions: None) -> None:
    tanjabtim = Region.objects.get(code="15.07")
    facilitator_assign(user=_user("cf1"), kind="cf", region=tanjabtim, contract_year=2024, by=None)
    with pytest.raises(ValidationError, match="hanya didampingi satu CF per tahun"):
        facilitator_assign(
            user=_user("cf2"), kind="cf", region=tanjabtim, contract_year=2024, by=None
        )
    assert FacilitatorAssignment.objects.count() == 1


@pytest.mark.parametrize(("kind", "code"), [("pf", "15.07"), ("cf", "15")])
def test_it_refuses_the_wrong_region_level(regions: None, kind: str, code: str) -> None:
    with pytest.raises(ValidationError):
        facilitator_assign(
            user=_user("x"),
            kind=kind,
            region=Region.objects.get(code=code),
            contract_year=2024,
            by=None,
        )


def test_it_lists_the_workload_of_a_pf_and_a_cf(cast: Cast) -> None:
    facilitator_assign(
        user=trained(cast.pf),
        kind="pf",
        region=Region.objects.get(code="15"),
        contract_year=2024,
        by=None,
    )
    facilitator_assign(
        user=trained(cast.cf),
        kind="cf",
        region=Region.objects.get(code="15.07"),
        contract_year=2024,
        by=None,
    )
    late = stage_record_in("15.71")
    late.status = StageStatus.TERLAMBAT
    late.save()
    pf = workload_for(cast.pf)
    assert "15.07" in pf.kabkota_codes and "15.71" in pf.kabkota_codes
    assert all(code.startswith("15.") for code in pf.kabkota_codes)
    assert [r.pk for r in pf.late_stages] == [late.pk]
    cf = workload_for(cast.cf)
    assert cf.kabkota_codes == ["15.07"] and cf.late_stages == []
    assert cf.pending_reviews == [] and cf.overdue_processes == []
    assert workload_for(cast.public).assignments == []


def test_it_shows_the_workload_page(cast: Cast, client: Client) -> None:
    facilitator_assign(
        user=trained(cast.cf),
        kind="cf",
        region=Region.objects.get(code="15.07"),
        contract_year=2024,
        by=None,
    )
    client.force_login(cast.cf)
    page = client.get("/program/fasilitator/beban-kerja/").content.decode()
    assert "Tanjung Jabung Timur" in page and "Dokumen menunggu telaah" in page


def test_it_assigns_from_the_page_with_a_clear_error(cast: Cast, client: Client) -> None:
    client.force_login(cast.pmu)
    trained(cast.cf), trained(cast.pf)
    data = {"username": "cf.tanjabtim", "kind": "cf", "region_code": "15.07", "contract_year": 2024}
    assert client.post("/program/fasilitator/tugaskan/", data).status_code == 302
    data["username"] = "pf.jambi"
    page = client.post("/program/fasilitator/tugaskan/", data).content.decode()
    assert "satu CF per tahun" in page
    facilitator_training_create(
        user=cast.cf,
        title="Pelatihan CF PPSP",
        start_date=dt.date(2024, 1, 8),
        end_date=dt.date(2024, 1, 13),
        by=cast.pmu,
    )
    page = client.get("/program/fasilitator/").content.decode()
    assert "Pelatihan CF PPSP" in page
