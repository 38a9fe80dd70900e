"""Pokja: SK history (a new SK keeps the old), members with OPD, the 5–9 OPD check."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from ppsp.audit.models import AuditEvent
from ppsp.programme.models import Opd, PokjaSk
from ppsp.programme.selectors import pokja_opd_check, pokja_sks
from ppsp.programme.services.pokja import opd_create, pokja_member_add, pokja_sk_create
from ppsp.regions.models import Region
from tests.conftest import Cast


@pytest.fixture
def tanjabtim(regions: None) -> Region:
    return Region.objects.get(code="15.07")


def _opds(region: Region, n: int) -> list[Opd]:
    return [opd_create(region=region, name=f"Dinas Uji {i}", by=None) for i in range(n)]


def test_it_keeps_older_sks_and_copies_members(tanjabtim: Region) -> None:
    opds = _opds(tanjabtim, 2)
    first = pokja_sk_create(region=tanjabtim, number="100/2019", date=dt.date(2019, 3, 1), by=None)
    pokja_member_add(sk=first, full_name="Ketua Uji", role="ketua", opd=opds[0], by=None)
    second = pokja_sk_create(region=tanjabtim, number="245/2023", date=dt.date(2023, 5, 2), by=None)
    history = pokja_sks(tanjabtim)
    assert [sk.number for sk in history] == ["245/2023", "100/2019"]
    assert [m.full_name for m in second.members.all()] == ["Ketua Uji"]
    assert first.members.count() == 1
    assert (
        "menggantikan"
        in AuditEvent.objects.get(object_type="programme.pokjask", object_id=str(second.pk)).reason
    )


def test_it_refuses_a_duplicate_sk_number(tanjabtim: Region) -> None:
    pokja_sk_create(region=tanjabtim, number="1/2020", date=dt.date(2020, 1, 1), by=None)
    with pytest.raises(ValidationError, match="sudah tercatat"):
        pokja_sk_create(region=tanjabtim, number="1/2020", date=dt.date(2021, 1, 1), by=None)


def test_it_refuses_an_opd_of_another_kabkota(tanjabtim: Region) -> None:
    sk = pokja_sk_create(region=tanjabtim, number="1/2020", date=dt.date(2020, 1, 1), by=None)
    other = opd_create(region=Region.objects.get(code="15.71"), name="Bappeda Kota", by=None)
    with pytest.raises(ValidationError, match="kabupaten/kota yang sama"):
        pokja_member_add(sk=sk, full_name="X", role="anggota", opd=other, by=None)


@pytest.mark.parametrize(
    ("n_opd", "ok"), [(0, False), (4, False), (5, True), (9, True), (10, False)]
)
def test_it_checks_five_to_nine_opd_as_a_warning(tanjabtim: Region, n_opd: int, ok: bool) -> None:
    sk = pokja_sk_create(region=tanjabtim, number="1/2020", date=dt.date(2020, 1, 1), by=None)
    for i, opd in enumerate(_opds(tanjabtim, n_opd)):
        pokja_member_add(sk=sk, full_name=f"Anggota {i}", role="anggota", opd=opd, by=None)
        pokja_member_add(sk=sk, full_name=f"Staf {i}", role="anggota", opd=opd, by=None)
    check = pokja_opd_check(PokjaSk.objects.prefetch_related("members").get(pk=sk.pk))
    assert (check.count, check.ok) == (n_opd, ok)


def test_it_warns_but_still_saves_a_small_pokja_from_the_page(cast: Cast, client: Client) -> None:
    client.force_login(cast.pokja_kabkota)
    response = client.post(
        "/program/15.07/pokja/sk-baru/", {"number": "245/2023", "date": "2023-05-02"}, follow=True
    )
    page = response.content.decode()
    assert "SK Pokja baru tersimpan" in page and "minimal 5" in page
    client.post("/program/15.07/pokja/opd/", {"name": "Bappeda", "short_name": "Bappeda"})
    opd = Opd.objects.get(region__code="15.07")
    response = client.post(
        "/program/15.07/pokja/anggota/",
        {"full_name": "Ir. H. Syamsul Bahri", "role": "ketua", "opd": opd.pk},
        follow=True,
    )
    assert "Ir. H. Syamsul Bahri" in response.content.decode()


@pytest.mark.parametrize("role", ["cf", "pf", "kepala_daerah", "pokja_provinsi"])
def test_it_refuses_pokja_edits_to_roles_that_only_read(
    cast: Cast, client: Client, role: str
) -> None:
    client.force_login(getattr(cast, role))
    response = client.post("/program/15.07/pokja/sk-baru/", {"number": "9", "date": "2023-05-02"})
    assert response.status_code == 404
    assert not PokjaSk.objects.exists()
