"""Pokja members and facilitator assignments can be corrected and ended, never lost (issue 19).

Also: who may be assigned (trained, not a public account), the CF reads the kepesertaan
instead of a 404, and the PMU's workload page shows every province's coverage.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.accounts.services import user_create
from ppsp.audit.models import AuditEvent
from ppsp.programme.models import FacilitatorAssignment, PokjaMember
from ppsp.programme.services.facilitators import facilitator_assign
from ppsp.programme.services.pokja import pokja_member_add, pokja_sk_create
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.programme.support import participation_in, pokja_sk_in, trained


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_edits_and_ends_a_pokja_member_keeping_the_history(cast: Cast) -> None:
    sk = pokja_sk_in("15.07")
    member = pokja_member_add(sk=sk, full_name="Siti Aminah", role="anggota", by=None)
    client = _client(cast.pokja_kabkota)
    edit = reverse("programme:pokja_member_edit", kwargs={"pk": member.pk})
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"full_name": "Siti Aminah, S.T.", "role": "sekretaris"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.role) == ("Siti Aminah, S.T.", "sekretaris")
    event = AuditEvent.objects.filter(object_id=str(member.pk)).latest("pk")
    assert {c["field"] for c in event.changes} == {"full_name", "role"}

    end = reverse("programme:pokja_member_end", kwargs={"pk": member.pk})
    before = (sk.date + dt.timedelta(days=-1)).isoformat()
    page = client.post(end, {"ended_on": before, "reason": "Pindah tugas"}).content.decode()
    assert "tidak boleh sebelum tanggal SK" in page
    client.post(end, {"ended_on": dt.date.today().isoformat(), "reason": "Pindah tugas"})
    member.refresh_from_db()
    assert member.ended_on == dt.date.today() and member.end_reason == "Pindah tugas"
    assert PokjaMember.objects.filter(pk=member.pk).exists()  # ended, not deleted
    pokja = client.get(reverse("programme:pokja", kwargs={"code": "15.07"})).content.decode()
    assert 'data-testid="ended-members"' in pokja and "Pindah tugas" in pokja
    new_sk = pokja_sk_create(region=sk.region, number="SK/2/2027", date=dt.date.today(), by=None)
    assert not new_sk.members.filter(full_name__startswith="Siti").exists()  # not copied on
    assert client.post(edit, {"full_name": "X", "role": "ketua"}).status_code == 200  # refused


def test_it_hides_the_member_pages_from_other_roles_and_regions(cast: Cast) -> None:
    member = pokja_member_add(sk=pokja_sk_in("15.71"), full_name="Budi", role="ketua", by=None)
    url = reverse("programme:pokja_member_edit", kwargs={"pk": member.pk})
    assert _client(cast.pokja_kabkota).get(url).status_code == 404  # another kab/kota
    own = pokja_member_add(sk=pokja_sk_in("15.07"), full_name="Ani", role="anggota", by=None)
    own_url = reverse("programme:pokja_member_end", kwargs={"pk": own.pk})
    assert _client(cast.cf).get(own_url).status_code == 404  # the CF reads, the Pokja edits


def test_it_refuses_a_public_or_untrained_account_as_facilitator(cast: Cast) -> None:
    jambi = Region.objects.get(code="15")
    with pytest.raises(ValidationError, match="akun publik"):
        facilitator_assign(
            user=trained(cast.public), kind="pf", region=jambi, contract_year=2027, by=None
        )
    newcomer = user_create(username="pf.baru", password=None)
    with pytest.raises(ValidationError, match="belum memiliki catatan pelatihan"):
        facilitator_assign(user=newcomer, kind="pf", region=jambi, contract_year=2027, by=None)
    facilitator_assign(user=trained(newcomer), kind="pf", region=jambi, contract_year=2027, by=None)
    page = _client(cast.pmu).post(
        reverse("programme:facilitator_assign"),
        {"username": "warga", "kind": "pf", "region_code": "15", "contract_year": 2027},
    )
    assert "akun publik" in page.content.decode()


def test_it_ends_a_cf_assignment_and_accepts_a_replacement(cast: Cast) -> None:
    tanjabtim = Region.objects.get(code="15.07")
    first = facilitator_assign(
        user=trained(cast.cf), kind="cf", region=tanjabtim, contract_year=2027, by=None
    )
    replacement = trained(user_create(username="cf.pengganti", password=None))
    with pytest.raises(ValidationError, match="satu CF per tahun"):
        facilitator_assign(
            user=replacement, kind="cf", region=tanjabtim, contract_year=2027, by=None
        )
    client = _client(cast.pmu)
    end = reverse("programme:facilitator_assignment_end", kwargs={"pk": first.pk})
    assert client.post(end, {"ended_on": "2027-06-30", "reason": " "}).status_code == 200
    assert client.post(end, {"ended_on": "2027-06-30", "reason": "Mengundurkan diri"}).status_code
    first.refresh_from_db()
    assert first.ended_on == dt.date(2027, 6, 30)
    facilitator_assign(user=replacement, kind="cf", region=tanjabtim, contract_year=2027, by=None)
    assert FacilitatorAssignment.objects.filter(region=tanjabtim, contract_year=2027).count() == 2
    listing = client.get(reverse("programme:facilitators")).content.decode()
    assert "Mengundurkan diri" in listing
    assert AuditEvent.objects.filter(object_id=str(first.pk), reason="Mengundurkan diri").exists()


def test_it_corrects_an_assignment_under_the_same_rules(cast: Cast) -> None:
    jambi = Region.objects.get(code="15")
    pfs = [
        facilitator_assign(
            user=trained(user_create(username=f"pf{i}", password=None)),
            kind="pf",
            region=jambi,
            contract_year=2026 + (i == 3),
            by=None,
        )
        for i in range(4)
    ]
    client = _client(cast.pmu)
    url = reverse("programme:facilitator_assignment_edit", kwargs={"pk": pfs[3].pk})
    page = client.post(url, {"region_code": "15", "contract_year": 2026}).content.decode()
    assert "paling banyak 3 PF per provinsi" in page  # the fourth PF of 2026 is refused
    assert client.post(url, {"region_code": "75", "contract_year": 2026}).status_code == 302
    pfs[3].refresh_from_db()
    assert (pfs[3].region.code, pfs[3].contract_year) == ("75", 2026)


def test_it_shows_the_kepesertaan_to_the_cf_read_only(cast: Cast) -> None:
    participation_in("15.07", cohort=2016)
    url = reverse("programme:participation_edit", kwargs={"code": "15.07"})
    page = _client(cast.cf).get(url)
    assert page.status_code == 200 and 'data-testid="participation"' in page.content.decode()
    assert "2016" in page.content.decode() and 'name="cohort_year"' not in page.content.decode()
    assert _client(cast.cf).post(url, {"cohort_year": 2020, "reason": "x"}).status_code == 404
    assert 'name="cohort_year"' in _client(cast.pokja_kabkota).get(url).content.decode()


def test_it_shows_the_national_workload_to_the_pmu(cast: Cast) -> None:
    facilitator_assign(
        user=trained(cast.pf), kind="pf", region=Region.objects.get(code="15"),
        contract_year=2027, by=None,
    )  # fmt: skip
    facilitator_assign(
        user=trained(cast.cf), kind="cf", region=Region.objects.get(code="15.07"),
        contract_year=2027, by=None,
    )  # fmt: skip
    page = _client(cast.pmu).get(reverse("programme:workload")).content.decode()
    assert 'data-testid="national-workload"' in page
    assert "Anda tidak memiliki penugasan" not in page
    row = page[page.index(">15<") : page.index(">75<")]
    assert ("1/3" in row and "Pf.Jambi" in row) or "pf.jambi" in row.lower()
    own = _client(cast.cf).get(reverse("programme:workload")).content.decode()
    assert 'data-testid="national-workload"' not in own and "Tanjung Jabung Timur" in own
