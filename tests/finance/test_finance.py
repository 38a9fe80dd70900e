"""PT-03 fiscal capacity: entry, APBD murni, growth, projection (b), komitmen (c), import."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from ppsp.audit.models import AuditEvent
from ppsp.finance import services
from ppsp.finance.belanja_file import belanja_workbook, parse_belanja
from ppsp.finance.selectors import fiscal_summary
from ppsp.regions.models import Population, Region
from tests.conftest import Cast
from tests.scenarios.planning_support import JUTA, capacity_in

YEARS = [2021, 2022, 2023, 2024, 2025]


def _hand_capacity(cast: Cast):  # type: ignore[no-untyped-def]
    """Belanja 1,000 juta growing 10 %/year, DAK 10 % of it: APBD murni grows 10 %/year."""
    region = Region.objects.get(code="15.07")
    capacity = services.fiscal_capacity_create(
        region=region, fiscal_year=2026, by=cast.pokja_kabkota
    )
    services.belanja_opd_set(
        capacity=capacity,
        opd="Dinas PUPR",
        amounts=dict(zip(YEARS, [800, 880, 968, 1_064.8, 1_171.28], strict=True)),
        by=cast.pokja_kabkota,
    )
    services.belanja_opd_set(
        capacity=capacity,
        opd="Dinas Lingkungan Hidup",
        amounts=dict(zip(YEARS, [200, 220, 242, 266.2, 292.82], strict=True)),
        by=cast.pokja_kabkota,
    )
    services.history_years_update(
        capacity=capacity,
        values={
            y: {"dak_sanitasi": d, "investasi": 600, "om": 400, "belanja_langsung": 20_000}
            for y, d in zip(YEARS, [100, 110, 121, 133.1, 146.41], strict=True)
        },
        by=cast.pokja_kabkota,
    )
    services.plan_years_update(
        capacity=capacity,
        values={y: {"om_existing": 50} for y in range(2027, 2032)},
        by=cast.pokja_kabkota,
    )
    return capacity


def test_it_computes_apbd_murni_growth_and_the_b_c_rows_by_hand(cast: Cast) -> None:
    # Amounts are in rupiah; the small numbers keep the hand computation readable.
    capacity = _hand_capacity(cast)
    capacity = services.fiscal_settings_update(
        capacity=capacity,
        by=cast.pokja_kabkota,
        komitmen_mode="growth",
        komitmen_first=1_000,
        komitmen_growth=Decimal("5"),
    )
    summary = fiscal_summary(capacity)
    assert summary.belanja_total == [1000, 1100, 1210, 1331, 1464]  # whole rupiah entries
    assert summary.apbd_murni == [900, 990, 1089, 1198, 1318]
    assert summary.projection is not None
    assert summary.projection.growth == pytest.approx(0.1, abs=5e-4)
    # n = 2025, plan 2027..2031: 1,318 x (1 + g)^2 ... minus O&M 50
    g = summary.projection.growth
    assert summary.b == pytest.approx([1318 * (1 + g) ** t - 50 for t in range(2, 7)])
    assert summary.c == pytest.approx([1000, 1050, 1102.5, 1157.625, 1215.50625])
    assert summary.proportions is not None
    assert summary.proportions.om_of_sanitasi[0] == pytest.approx(0.4)
    assert summary.problems == []
    assert summary.total_growth == pytest.approx(0.1, abs=5e-4)
    assert summary.opd_growth[1] == pytest.approx(0.1, abs=5e-4)  # Dinas PUPR (sorted 2nd)


def test_it_names_the_missing_komitmen_inputs(cast: Cast) -> None:
    capacity = _hand_capacity(cast)
    capacity = services.fiscal_settings_update(
        capacity=capacity, by=cast.pokja_kabkota, komitmen_mode="pct_apbd", komitmen_pct=None
    )
    summary = fiscal_summary(capacity)
    assert summary.c is None
    assert any("persen dari APBD" in p for p in summary.problems)


def test_it_projects_per_capita_komitmen_from_the_desa_population(cast: Cast) -> None:
    capacity = _hand_capacity(cast)
    desa = Region.objects.get(code="15.07.01.2001")
    Population.objects.create(region=desa, year=2023, penduduk=1000, kk=250)
    Population.objects.create(region=desa, year=2025, penduduk=1210, kk=300)
    capacity = services.fiscal_settings_update(
        capacity=capacity, by=cast.pokja_kabkota, komitmen_mode="per_capita", komitmen_per_capita=10
    )
    summary = fiscal_summary(capacity)
    assert summary.population is not None and summary.population.rate == pytest.approx(0.1)
    assert summary.c == pytest.approx([10 * 1210 * 1.1**t for t in range(2, 7)])


def test_it_refuses_roles_that_only_read(cast: Cast) -> None:
    region = Region.objects.get(code="15.07")
    for user in (cast.cf, cast.pf, cast.kepala_daerah):
        with pytest.raises(PermissionDenied):
            services.fiscal_capacity_create(region=region, fiscal_year=2026, by=user)
    with pytest.raises(ValidationError):
        services.fiscal_capacity_create(
            region=Region.objects.get(code="15"), fiscal_year=2026, by=cast.pmu
        )


def test_it_audits_every_change(cast: Cast) -> None:
    capacity = _hand_capacity(cast)
    events = AuditEvent.objects.filter(object_type="finance.fiscalcapacity", object_id=capacity.pk)
    assert events.count() == 5  # create, two OPD rows, history, plan
    row = events.filter(action="update").last()
    assert row is not None and row.actor == cast.pokja_kabkota


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_reports_every_bad_row_of_an_import_and_changes_nothing(cast: Cast) -> None:
    capacity = _hand_capacity(cast)
    data = _xlsx(
        [
            ["OPD", *YEARS],
            ["Dinas PUPR", 1, 2, 3, 4, 5],
            ["", 1, 1, 1, 1, 1],
            ["Bappeda", "satu", 1, 1, -5, 1],
            ["Dinas PUPR", 1, 1, 1, 1, 1],
        ]
    )
    problems = services.belanja_import(
        capacity=capacity, data=data, by=cast.pokja_kabkota, filename="pt03.xlsx"
    )
    limit = "bukan nilai rupiah antara 0 dan 100.000.000.000.000."
    assert problems == [
        "pt03.xlsx baris 3, kolom A: nama OPD kosong.",
        f"pt03.xlsx baris 4 (Bappeda), tahun 2021: 'satu' {limit}",
        f"pt03.xlsx baris 4 (Bappeda), tahun 2024: -5 {limit}",
        "pt03.xlsx baris 5, kolom A: OPD Dinas PUPR muncul dua kali.",
    ]
    assert fiscal_summary(capacity).belanja_total == [1000, 1100, 1210, 1331, 1464]


def test_it_round_trips_the_belanja_workbook(cast: Cast) -> None:
    capacity = _hand_capacity(cast)
    parsed = parse_belanja(belanja_workbook(capacity), YEARS)
    assert parsed.problems == []
    assert parsed.rows["Dinas PUPR"] == {2021: 800, 2022: 880, 2023: 968, 2024: 1065, 2025: 1171}
    text = _xlsx([["OPD", *YEARS], ["Bappeda", "1.500.000", 2_000_000, None, 0, "3.000.000,00"]])
    assert services.belanja_import(capacity=capacity, data=text, by=cast.pokja_kabkota) == []
    assert fiscal_summary(capacity).opd_rows == [
        ("Bappeda", [1_500_000, 2_000_000, 0, 0, 3_000_000])
    ]


def test_it_shows_the_pt03_page_and_saves_an_opd_row(cast: Cast) -> None:
    capacity = capacity_in("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("finance:capacity", kwargs={"code": "15.07", "year": 2026})
    page = client.get(url).content.decode()
    assert "Dinas Lingkungan Hidup" in page and 'data-testid="growth-rate"' in page
    post = {"opd": "Satpol PP", **{f"y{y}": str(10 * JUTA) for y in YEARS}}
    response = client.post(reverse("finance:opd_set", kwargs={"pk": capacity.pk}), post)
    assert response.status_code == 302
    assert "Satpol PP" in client.get(url).content.decode()
    reader = Client()
    reader.force_login(cast.cf)
    assert 'data-testid="opd-form"' not in reader.get(url).content.decode()
    response = reader.post(reverse("finance:opd_set", kwargs={"pk": capacity.pk}), post)
    assert response.status_code == 404
