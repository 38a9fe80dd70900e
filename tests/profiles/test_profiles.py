"""Form 2 profile per desa: audited grid edits, population kept in one place, XLSX in/out."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.profiles.columns import COLUMNS
from ppsp.profiles.models import DesaProfile
from ppsp.profiles.selectors import profile_for_kabkota
from ppsp.profiles.services import profile_save, profiles_import
from ppsp.regions.models import Level, Population, Region
from tests.conftest import OWN_DESA, Cast

pytestmark = pytest.mark.django_db


def _desa(code: str = OWN_DESA) -> Region:
    return Region.objects.get(code=code)


def test_it_saves_a_row_through_population_and_audits_it(cast: Cast) -> None:
    desa = _desa()
    profile_save(
        desa=desa,
        year=2025,
        values={"penduduk": 5000, "kk": 1250, "luas_administratif": 250.0, "luas_terbangun": 50.0},
        by=cast.pokja_kabkota,
    )
    population = Population.objects.get(region=desa, year=2025)
    assert (population.penduduk, population.kk) == (5000, 1250)
    profile = profile_for_kabkota("15.07", 2025)[OWN_DESA]
    assert (profile.kepadatan_bruto, profile.kepadatan_netto) == (20.0, 100.0)
    assert profile.penduduk == 5000 and profile.cbd is False
    profile_save(desa=desa, year=2025, values={"luas_terbangun": 40.0, "cbd": True}, by=cast.pmu)
    event = AuditEvent.objects.filter(object_type="profiles.desaprofile").latest("pk")
    assert {"field": "luas_terbangun", "old": 50.0, "new": 40.0} in event.changes
    assert event.actor == cast.pmu
    assert AuditEvent.objects.filter(object_type="regions.population").count() == 1


def test_it_refuses_inconsistent_rows(cast: Cast) -> None:
    with pytest.raises(ValidationError) as error:
        profile_save(
            desa=_desa(),
            year=2025,
            values={"penduduk": 100, "kk": 200, "luas_administratif": 10.0, "luas_terbangun": 20.0},
            by=cast.pokja_kabkota,
        )
    assert set(error.value.message_dict) == {"kk", "luas_terbangun"}
    assert not DesaProfile.objects.exists()


def test_it_serves_every_desa_of_a_kabkota_to_other_apps(regions: None) -> None:
    profiles = profile_for_kabkota("15.07", 2025)
    count = Region.objects.filter(kabkota_code="15.07", level=Level.DESA).count()
    assert len(profiles) == count
    assert profiles[OWN_DESA].kepadatan_netto is None


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([c.header for c in COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row(code: str, **changes: object) -> list[object]:
    base: dict[str, object] = {
        "code": code,
        "luas_administratif": 300,
        "luas_terbangun": 60,
        "growth_pct": 1.5,
        "penduduk": 3000,
        "kk": 800,
        "urban_bps": 2,
        "urban_rtrw": 2,
        "cbd": 0,
        "kk_miskin": 120,
    }
    base.update(changes)
    return [base.get(c.key) for c in COLUMNS]


def test_it_imports_nothing_and_reports_every_bad_cell(cast: Cast) -> None:
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))
    content = _workbook(
        [
            _row(desa[0].code),
            _row(desa[1].code, luas_terbangun="banyak"),
            _row(desa[2].code, urban_bps=3),
            _row("15.71.01.1001"),
            _row(desa[3].code, sampah_terangkut=140),
            _row(desa[4].code, kk=-5),
            _row(desa[5].code, cbd="mungkin"),
        ]
    )
    report = profiles_import(
        kabkota=_desa("15.07"), year=2025, filename="form2.xlsx", content=content, by=cast.pmu
    )
    assert report.saved == 0 and len(report.errors) == 6
    assert "form2.xlsx baris 3, kolom 'Luas terbangun (ha)'" in report.errors[0]
    assert not DesaProfile.objects.exists() and not Population.objects.exists()


def test_it_rolls_back_when_a_row_is_inconsistent(cast: Cast) -> None:
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))
    content = _workbook([_row(desa[0].code), _row(desa[1].code, kk=9000)])
    report = profiles_import(
        kabkota=_desa("15.07"), year=2025, filename="f.xlsx", content=content, by=cast.pmu
    )
    assert report.errors == [
        "f.xlsx baris 3, kolom 'Jumlah KK': Jumlah KK tidak boleh melebihi jumlah penduduk."
    ]
    assert not DesaProfile.objects.exists()


def test_it_round_trips_export_and_import(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    profile_save(
        desa=_desa(),
        year=2025,
        values={"penduduk": 5000, "kk": 1250, "luas_administratif": 250.0, "luas_terbangun": 50.0},
        by=cast.pokja_kabkota,
    )
    exported = client.get(reverse("profiles:export", kwargs={"code": "15.07", "year": 2025}))
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in COLUMNS]
    own = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == OWN_DESA)
    assert own[headers.index("Kepadatan netto (jiwa/ha)")] == 100.0
    response = client.post(
        reverse("profiles:import", kwargs={"code": "15.07", "year": 2026}),
        {"file": SimpleUploadedFile("form2.xlsx", exported.content)},
    )
    assert response.status_code == 302
    assert (
        DesaProfile.objects.filter(year=2026).count()
        == DesaProfile.objects.filter(year=2025).count() + sheet.max_row - 2
    )
    assert Population.objects.get(region__code=OWN_DESA, year=2026).penduduk == 5000


def test_it_edits_one_row_inline_and_hides_other_kabkota(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("profiles:row", kwargs={"code": "15.07", "year": 2025, "desa": OWN_DESA})
    assert 'name="luas_terbangun"' in client.get(url + "?ubah=1").content.decode()
    data = {c.key: "" for c in COLUMNS if c.editable}
    data.update({"penduduk": "4.000", "kk": "1000", "luas_terbangun": "40,5", "cbd": "1"})
    response = client.post(url, data)
    assert response.status_code == 200 and 'name="luas_terbangun"' not in response.content.decode()
    profile = DesaProfile.objects.get()
    assert profile.luas_terbangun == 40.5 and profile.cbd
    bad = client.post(url, {**data, "luas_terbangun": "x"})
    assert "bukan angka" in bad.content.decode()
    other = reverse("profiles:row", kwargs={"code": "15.71", "year": 2025, "desa": "15.71.01.1001"})
    assert client.post(other, data).status_code == 404
    viewer = Client()
    viewer.force_login(cast.kepala_daerah)
    assert viewer.post(url, data).status_code == 404
    assert viewer.get(reverse("profiles:kabkota", kwargs={"code": "15.07"})).status_code == 200


def test_it_shows_the_audit_trail_of_a_profile_in_scope_only(cast: Cast) -> None:
    profile = profile_save(desa=_desa(), year=2025, values={"cbd": True}, by=cast.pokja_kabkota)
    url = reverse("audit:object", args=["profiles.desaprofile", profile.pk])
    client = Client()
    client.force_login(cast.cf)
    assert client.get(url).status_code == 200
    other = Client()
    other.force_login(cast.public)
    assert other.get(url).status_code == 404


def test_it_warns_on_implausible_values_without_blocking(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("profiles:row", kwargs={"code": "15.07", "year": 2025, "desa": OWN_DESA})
    data = {c.key: "" for c in COLUMNS if c.editable}
    data.update({"penduduk": "5.900", "kk": "1536", "jamban_pribadi": "1100"})
    data["tangki_septik"] = "5000"
    row = client.post(url, data).content.decode()
    assert DesaProfile.objects.get().tangki_septik == 5000  # saved: a warning, not an error
    assert f'data-testid="plausibility-{OWN_DESA}"' in row
    assert "KK dengan tangki septik (5.000) melebihi jumlah KK (1.536)" in row
    grid = client.get(reverse("profiles:kabkota", kwargs={"code": "15.07"}) + "?tahun=2025")
    assert 'data-testid="plausibility"' in grid.content.decode()
