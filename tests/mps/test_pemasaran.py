"""Pemasaran (§12.3): CSR/swasta and masyarakat commitments in cash and in kind (valued in
Rp and described), status steps with evidence text or an uploaded file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.mps.models import FundingCommitment
from ppsp.mps.services import funding as services_funding
from tests.conftest import Cast
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_records_an_in_kind_community_commitment_valued_and_described(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    client = _client(cast.pokja_kabkota)
    url = reverse("mps:commitment_add", kwargs={"pk": row.pk})
    data = {"party": "masyarakat", "year": FIRST_YEAR, "amount": 45_000_000}
    response = client.post(url, {**data, "kind": "in_kind_lahan"}, follow=True)
    assert "Komitmen natura perlu uraian" in response.content.decode()
    assert not FundingCommitment.objects.exists()
    upload = SimpleUploadedFile("ba-hibah-lahan.pdf", b"%PDF-1.4 berita acara")
    response = client.post(
        url,
        {
            **data,
            "kind": "in_kind_lahan",
            "description": "Lahan 300 m² hibah warga RT 04 Desa Sungai Lumpur",
            "evidence_file": upload,
        },
        follow=True,
    )
    commitment = FundingCommitment.objects.get()
    assert (commitment.party, commitment.kind, commitment.amount) == (
        "masyarakat",
        "in_kind_lahan",
        45_000_000,
    )
    html = response.content.decode()
    assert "Lahan 300 m² hibah warga" in html
    assert f'data-testid="evidence-file-{commitment.pk}"' in html
    download = _client(cast.kepala_daerah).get(
        reverse("mps:commitment_evidence", kwargs={"pk": commitment.pk})
    )
    assert download.status_code == 200
    assert download.content == b"%PDF-1.4 berita acara"
    assert download["Content-Type"] == "application/pdf"
    event = AuditEvent.objects.get(object_type="mps.fundingcommitment", action="create")
    assert {"field": "kind", "old": None, "new": "in_kind_lahan"} in event.changes
    assert any(c["field"] == "evidence_file" for c in event.changes)


def test_it_moves_a_csr_commitment_through_every_status_with_evidence(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="TPS3R Zona 2")
    commitment = services_funding.commitment_record(
        row=row, party="swasta", year=FIRST_YEAR + 1, amount=80_000_000, by=cast.pokja_kabkota
    )
    client = _client(cast.pokja_kabkota)
    url = reverse("mps:commitment_advance", kwargs={"pk": commitment.pk})
    client.post(url, {"target": "disepakati"})
    commitment.refresh_from_db()
    assert commitment.status == "indikasi"  # no evidence yet: refused
    upload = SimpleUploadedFile("mou-csr.pdf", b"%PDF mou")
    client.post(url, {"target": "disepakati", "evidence_file": upload})
    client.post(url, {"target": "dianggarkan", "evidence": "RKA CSR PT Sawit 2028"})
    client.post(url, {"target": "direalisasi", "evidence": "BAST 12/2028"})
    commitment.refresh_from_db()
    assert commitment.status == "direalisasi" and commitment.evidence_file.name.endswith(".pdf")
    steps = AuditEvent.objects.filter(
        object_type="mps.fundingcommitment", action="transition"
    ).order_by("pk")
    assert [e.changes[0]["new"] for e in steps] == ["disepakati", "dianggarkan", "direalisasi"]


def test_it_refuses_an_evidence_file_of_the_wrong_type(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="TPS3R Zona 2")
    response = _client(cast.pokja_kabkota).post(
        reverse("mps:commitment_add", kwargs={"pk": row.pk}),
        {
            "party": "swasta",
            "year": FIRST_YEAR,
            "amount": 1_000_000,
            "kind": "cash",
            "evidence_file": SimpleUploadedFile("x.exe", b"MZ"),
        },
        follow=True,
    )
    assert "PDF, JPG atau PNG" in response.content.decode()
    assert not FundingCommitment.objects.exists()


def test_it_requires_a_description_for_in_kind_in_the_service(cast: Cast) -> None:
    row = plan_in("15.07").rows.first()
    assert row is not None
    with pytest.raises(ValidationError, match="uraian"):
        services_funding.commitment_record(
            row=row, party="swasta", year=FIRST_YEAR, amount=5, kind="in_kind_tenaga", by=None
        )


def test_it_records_the_internalisasi_of_a_pemda_commitment_into_rkpd(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    client = _client(cast.pokja_kabkota)
    url = reverse("mps:commitment_add", kwargs={"pk": row.pk})
    data = {"year": FIRST_YEAR, "amount": 300_000_000, "kind": "cash", "document": "rkpd"}
    response = client.post(url, {**data, "party": "masyarakat"}, follow=True)
    assert "hanya untuk komitmen Pemerintah Kabupaten/Kota" in response.content.decode()
    assert not FundingCommitment.objects.exists()
    response = client.post(url, {**data, "party": "pemda", "evidence": "RKPD 2026"}, follow=True)
    commitment = FundingCommitment.objects.get()
    assert (commitment.party, commitment.document) == ("pemda", "rkpd")
    assert f'data-testid="document-{commitment.pk}"' in response.content.decode()
    event = AuditEvent.objects.get(object_type="mps.fundingcommitment", action="create")
    assert {"field": "document", "old": None, "new": "rkpd"} in event.changes
