from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.mps import selectors, services
from ppsp.mps.models import (
    CommitmentStatus,
    FundingCommitment,
    Party,
    ProgrammeRow,
    RowStatus,
)
from ppsp.mps.selectors import budget_check, mps_table, tabel51_mismatches
from ppsp.mps.services import funding as services_funding
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.mps.support import FIRST_YEAR, JUTA, cost_lines, plan_in

pytestmark = pytest.mark.django_db


def test_it_generates_rows_from_the_chosen_scenario(regions: None) -> None:
    plan = plan_in("15.07")
    rows = list(plan.rows.all())
    assert plan.first_year == FIRST_YEAR and len(rows) == 4
    tps = next(r for r in rows if r.subsector == "persampahan")
    assert (tps.source, tps.kategori, tps.sidlacom, tps.priority) == ("apbn", "konstruksi", "C", 2)
    assert tps.program_code == "2.11.11" and tps.amounts == [0, 250 * JUTA, 250 * JUTA, 0, 0]
    assert plan.need_by_subsector["air_limbah"] == 950 * JUTA
    assert tabel51_mismatches(plan, rows) == []


def test_it_refuses_a_second_generation_into_a_filled_plan(regions: None) -> None:
    plan_in("15.07")
    with pytest.raises(ValidationError):
        services.rows_generate(region=Region.objects.get(code="15.07"), lines=cost_lines(), by=None)


def test_it_enforces_exactly_one_known_source_per_row(cast: Cast) -> None:
    row = plan_in("15.07").rows.first()
    assert row is not None
    row.source = "apbd_kabkota,apbn"
    with pytest.raises(ValidationError) as error:
        services.row_save(row=row, by=cast.pokja_kabkota)
    assert "source" in error.value.message_dict


def test_it_enforces_the_tupoksi_matrix(cast: Cast) -> None:
    row = ProgrammeRow.objects.get(plan=plan_in("15.07"), kategori="pemicuan_sosialisasi")
    row.source = "dak"  # DAK funds construction only
    with pytest.raises(ValidationError, match="tupoksi"):
        services.row_save(row=row, by=cast.pokja_kabkota)


def test_it_flags_a_subsector_sum_beyond_one_rp_juta(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(subsector="drainase")
    row.amount_2 = 1 * JUTA  # 1 juta more: still within display rounding
    services.row_save(row=row, by=cast.pokja_kabkota)
    assert tabel51_mismatches(plan, list(plan.rows.all())) == []
    row.amount_3 = 1 * JUTA
    services.row_save(row=row, by=cast.pokja_kabkota)
    (mismatch,) = tabel51_mismatches(plan, list(plan.rows.all())) or []
    assert mismatch.subsector == "drainase" and mismatch.difference_juta == 2


def test_it_proposes_over_budget_rows_and_moves_one_with_an_audit(cast: Cast) -> None:
    plan = plan_in("15.07")
    services.plan_set_komitmen(plan=plan, komitmen_apbd=800 * JUTA, by=cast.pokja_kabkota)
    check = budget_check(plan, list(plan.rows.all()))
    assert check is not None and check.apbd_total == 1070_400_000
    drainase = plan.rows.get(subsector="drainase")
    sosialisasi = plan.rows.get(kategori="pemicuan_sosialisasi")
    assert check.to_waiting_list == (drainase.pk, sosialisasi.pk)
    services.row_move(
        row=drainase,
        status=RowStatus.DAFTAR_TUNGGU,
        by=cast.pokja_kabkota,
        reason="melebihi komitmen",
    )
    event = AuditEvent.objects.filter(
        object_type="mps.programmerow", object_id=str(drainase.pk)
    ).latest("pk")
    assert event.reason == "melebihi komitmen"
    assert event.changes == [{"field": "status", "old": "prioritas", "new": "daftar_tunggu"}]
    lines, per_source = mps_table(plan, FIRST_YEAR)
    assert drainase.pk not in {line.row.pk for line in lines}
    assert per_source == {"apbd_kabkota": 350 * JUTA}


def test_it_lets_only_the_pokja_provinsi_record_provincial_commitments(cast: Cast) -> None:
    row = plan_in("15.07").rows.get(subsector="persampahan")
    with pytest.raises(PermissionDenied):
        services_funding.commitment_record(
            row=row,
            party=Party.POKJA_PROVINSI,
            year=FIRST_YEAR + 1,
            amount=100 * JUTA,
            by=cast.pokja_kabkota,
        )
    commitment = services_funding.commitment_record(
        row=row,
        party=Party.POKJA_PROVINSI,
        year=FIRST_YEAR + 1,
        amount=100 * JUTA,
        by=cast.pokja_provinsi,
    )
    with pytest.raises(ValidationError, match="bukti"):
        services_funding.commitment_advance(
            commitment=commitment, target=CommitmentStatus.DISEPAKATI, by=cast.pokja_provinsi
        )
    with pytest.raises(ValidationError):  # no skipping steps
        services_funding.commitment_advance(
            commitment=commitment,
            target=CommitmentStatus.DIREALISASI,
            by=cast.pokja_provinsi,
            evidence="BA 12/2026",
        )
    services_funding.commitment_advance(
        commitment=commitment,
        target=CommitmentStatus.DISEPAKATI,
        by=cast.pokja_provinsi,
        evidence="BA 12/2026",
    )
    commitment.refresh_from_db()
    assert commitment.status == "disepakati" and commitment.evidence == "BA 12/2026"
    events = AuditEvent.objects.filter(object_type="mps.fundingcommitment")
    assert events.exclude(reason__startswith="DITOLAK").count() == 2
    assert events.filter(reason__startswith="DITOLAK").count() == 1  # the skip, refused


def test_it_refuses_eksternalisasi_before_the_qa_passes_and_shows_why(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(reverse("mps:externalise", kwargs={"pk": plan.pk}), follow=True)
    text = response.content.decode()
    assert "Eksternalisasi ditolak" in text and "Bab 2 Profil sanitasi selesai" in text
    plan.refresh_from_db()
    assert plan.externalised_at is None
    services_funding.plan_qa_set(
        plan=plan, done=["bab1", "bab2", "kkl", "program_review"], by=cast.cf
    )
    assert selectors.qa_result(plan).score == 70  # "kkl" is computed, not ticked
    with pytest.raises(ValidationError, match="nilai QA swa-penilaian 70%"):
        services_funding.plan_externalise(plan=plan, by=cast.pokja_kabkota)
    services.plan_set_komitmen(plan=plan, komitmen_apbd=2_000 * JUTA, by=cast.pokja_kabkota)
    result = selectors.qa_result(plan)
    assert (result.score, result.passed) == (80, True)
    assert [c for c, _label, _link in result.missing] == ["kkl"]
    services_funding.plan_externalise(plan=plan, by=cast.pokja_kabkota)
    plan.refresh_from_db()
    assert plan.externalised_at is not None


def test_it_takes_the_qa_passing_score_from_the_settings(cast: Cast, settings: object) -> None:
    plan = plan_in("15.07")
    services_funding.plan_qa_set(
        plan=plan, done=["bab1", "bab2", "kkl", "program_review"], by=cast.cf
    )
    services.plan_set_komitmen(plan=plan, komitmen_apbd=2_000 * JUTA, by=cast.pokja_kabkota)
    assert selectors.qa_result(plan).passed  # 80 % >= the default 80 %
    settings.PPSP_QA_PASSING_SCORE = 90  # type: ignore[attr-defined]
    assert (selectors.qa_result(plan).score, selectors.qa_result(plan).passed) == (80, False)
    with pytest.raises(ValidationError, match="nilai QA swa-penilaian 80%"):
        services_funding.plan_externalise(plan=plan, by=cast.pokja_kabkota)


def test_it_explains_when_no_scenario_is_chosen(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(reverse("mps:generate", kwargs={"code": "15.07"}), follow=True)
    assert "Belum ada skenario terpilih" in response.content.decode()


def test_it_renders_the_plan_page_and_mps_table_without_n_plus_one(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(subsector="persampahan")
    FundingCommitment.objects.create(
        row=row, party=Party.POKJA_PROVINSI, year=FIRST_YEAR + 1, amount=5 * JUTA
    )
    client = Client()
    client.force_login(cast.pokja_provinsi)
    url = reverse("mps:kabkota", kwargs={"code": "15.07"})
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for other in plan.rows.exclude(pk=row.pk):
        FundingCommitment.objects.create(row=other, party=Party.PEMDA, year=FIRST_YEAR, amount=JUTA)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)
    assert response.status_code == 200 and "TPS3R Zona 2" in response.content.decode()
    table = client.get(reverse("mps:table", kwargs={"pk": plan.pk, "year": FIRST_YEAR + 1}))
    assert "TPS3R Zona 2" in table.content.decode()
    export = client.get(reverse("mps:table_export", kwargs={"pk": plan.pk, "year": FIRST_YEAR + 1}))
    assert export["Content-Type"].startswith("application/vnd.openxml")


def test_it_advances_a_commitment_from_the_page_with_evidence(cast: Cast) -> None:
    row = plan_in("15.07").rows.get(subsector="persampahan")
    commitment = services_funding.commitment_record(
        row=row, party=Party.POKJA_PROVINSI, year=FIRST_YEAR, amount=JUTA, by=cast.pokja_provinsi
    )
    client = Client()
    client.force_login(cast.pokja_provinsi)
    page = client.get(reverse("mps:kabkota", kwargs={"code": "15.07"})).content.decode()
    assert f'data-testid="advance-{commitment.pk}"' in page and "Tandai disepakati" in page
    url = reverse("mps:commitment_advance", kwargs={"pk": commitment.pk})
    client.post(url, {"target": "disepakati", "evidence": "BA 7/2026"})
    commitment.refresh_from_db()
    assert commitment.status == "disepakati"
    kabkota = Client()
    kabkota.force_login(cast.pokja_kabkota)  # may not move a provincial commitment
    assert kabkota.post(url, {"target": "dianggarkan", "evidence": "x"}).status_code == 404


def test_it_draws_the_swot_position_per_subsector(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("mps:swot", kwargs={"pk": plan.pk})
    for kind, weight, score in (("S", "1.0", "3.0"), ("W", "1.0", "2.0"), ("T", "1.0", "2.5")):
        data = {
            "subsector": "air_limbah",
            "kind": kind,
            "text": f"faktor {kind}",
            "weight": weight,
            "score": score,
        }
        assert client.post(url, data).status_code == 302
    response = client.get(url)
    (position,) = response.context["positions"]
    assert (position["x"], position["y"], position["quadrant"]) == (1.0, -2.5, "II")
    assert 'id="swot-chart-data"' in response.content.decode()
    reader = Client()
    reader.force_login(cast.pf)
    assert reader.post(url, data).status_code == 404


def test_it_records_each_partys_mps_sign_off_once(cast: Cast) -> None:
    plan = plan_in("15.07")
    year = FIRST_YEAR + 1
    url = reverse("mps:sign", kwargs={"pk": plan.pk, "year": year})
    province = Client()
    province.force_login(cast.pokja_provinsi)
    province.post(url, {"party": "pokja_provinsi"})
    response = province.post(url, {"party": "pokja_provinsi"}, follow=True)
    assert "sudah menyetujui" in response.content.decode()
    assert province.post(url, {"party": "pemda"}).status_code == 404  # not the pemda
    table = province.get(reverse("mps:table", kwargs={"pk": plan.pk, "year": year}))
    assert "Pokja Provinsi" in table.content.decode()
    assert plan.sign_offs.get().party == "pokja_provinsi"


def test_it_splits_a_kegiatan_over_two_sources_as_two_rows(cast: Cast) -> None:
    plan = plan_in("15.07")
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(reverse("mps:row_duplicate", kwargs={"pk": ipal.pk}), {"source": "dak"})
    copy = ProgrammeRow.objects.get(plan=plan, kegiatan="IPAL komunal Zona 1", source="dak")
    assert response.url == reverse("mps:row_edit", kwargs={"pk": copy.pk})
    assert copy.total == 0 and copy.origin == f"duplikat baris {ipal.pk}"
    assert tabel51_mismatches(plan, list(plan.rows.all())) == []
    with pytest.raises(ValidationError):
        services.row_duplicate(row=ipal, source="apbd_kabkota", by=cast.pokja_kabkota)
