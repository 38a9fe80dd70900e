"""Scenarios: cost lines, Tabel 5.1, the optimum with its Daftar Tunggu, choice, hand-over."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.compute.records import CostLine
from ppsp.demo.scenarios import load_scenarios_demo
from ppsp.regions.models import Region
from ppsp.scenarios import selectors, services
from ppsp.scenarios.exports import table51_workbook
from ppsp.scenarios.models import OptimisationRun, Scenario, ScenarioLine
from ppsp.scenarios.services import optimise as services_optimise
from ppsp.scenarios.services import unit_costs as services_unit_costs
from tests.conftest import Cast
from tests.scenarios.planning_support import JUTA, capacity_in, scenario_in, unit_costs

REGION = "15.07"


def _line(scenario: Scenario, description: str, amounts: list[int], **kw: object) -> ScenarioLine:
    defaults: dict[str, object] = {
        "subsector": "air_limbah",
        "kegiatan_type": "konstruksi",
        "people_served": 100,
    }
    defaults.update(kw)
    return services.scenario_line_add(
        scenario=scenario,
        description=description,
        amounts=[a * JUTA for a in amounts],
        by=None,
        **defaults,  # type: ignore[arg-type]
    )


def _komitmen(scenario: Scenario) -> list[float]:
    table = selectors.table51(scenario)
    assert table.fiscal is not None and table.fiscal.c is not None
    return table.fiscal.c


def test_it_builds_tabel_51_from_the_lines_and_the_fiscal_capacity(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    _line(scenario, "Tangki septik", [100, 100, 0, 0, 0])
    _line(scenario, "TPS 3R", [0, 50, 50, 0, 0], subsector="persampahan")
    _line(scenario, "Kampanye STBM", [5, 5, 5, 5, 5], subsector="phbs", kegiatan_type="advokasi")
    table = selectors.table51(scenario)
    assert table.years == [2027, 2028, 2029, 2030, 2031]
    assert list(table.need) == ["air_limbah", "persampahan", "drainase", "phbs"]
    assert table.need["drainase"] == [0.0] * 5
    assert table.gaps.need_total == [105 * JUTA, 155 * JUTA, 55 * JUTA, 5 * JUTA, 5 * JUTA]
    assert table.fiscal is not None and table.fiscal.b and table.fiscal.c
    assert table.gaps.gap1 == pytest.approx(
        [a - b for a, b in zip(table.gaps.need_total, table.fiscal.b, strict=True)]
    )
    assert table.gaps.totals["need_total"] == 325 * JUTA
    assert table.problems == []
    content = table51_workbook(scenario, table)
    Path("test-artifacts/xlsx").mkdir(parents=True, exist_ok=True)
    Path("test-artifacts/xlsx/tabel-5-1.xlsx").write_bytes(content)  # to look at by hand
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    labels = [row[1] for row in sheet.iter_rows(values_only=True) if len(row) > 1]
    assert labels[labels.index("Sektor/Subsektor") + 1 :][:9] == [
        "Air limbah domestik",
        "Persampahan",
        "Drainase lingkungan",
        "PHBS",
        "Jumlah (a)",
        "Perkiraan APBD murni untuk sanitasi (b)",
        "Perkiraan komitmen pendanaan sanitasi (c)",
        "Gap 1 (a − b)",
        "Gap 2 (a − c)",
    ]
    rows = {row[1]: row[2:] for row in sheet.iter_rows(values_only=True) if len(row) > 2}
    assert rows["Sektor/Subsektor"] == (2027, 2028, 2029, 2030, 2031, "Total")
    needs = [rows[label] for label in labels[labels.index("Sektor/Subsektor") + 1 :][:4]]
    # computed in Rp, shown in Rp juta; Jumlah (a), Total and the gaps are formulas
    assert [sum(v[i] for v in needs) for i in range(5)] == [105, 155, 55, 5, 5]
    assert rows["Jumlah (a)"] == (
        "=SUM(C5:C8)", "=SUM(D5:D8)", "=SUM(E5:E8)", "=SUM(F5:F8)", "=SUM(G5:G8)", "=SUM(C9:G9)"
    )  # fmt: skip
    assert rows["Gap 1 (a − b)"][0] == "=C9-C10"
    assert rows["Air limbah domestik"][-1] == "=SUM(C5:G5)"
    (jumlah,) = [r for r in sheet.iter_rows() if r[1].value == "Jumlah (a)"]
    assert {cell.number_format for cell in jumlah[2:]} == {"#,##0.00"}
    assert sheet.freeze_panes == "C5" and sheet.print_title_rows == "$4:$4"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert len(sheet._charts) == 1


def test_it_costs_volumes_with_the_regional_index(cast: Cast) -> None:
    table = unit_costs()
    scenario = services.scenario_create(
        region=Region.objects.get(code=REGION),
        fiscal_year=2026,
        name="Indeks",
        unit_costs=table,
        indeks_upah=1.2,
        indeks_bahan=1.0,
        by=cast.pokja_kabkota,
    )
    drain = table.items.get(name="Saluran drainase lingkungan baru")  # Rp 1.5 juta/m, upah 45 %
    line = services.scenario_line_add(
        scenario=scenario,
        subsector="drainase",
        kegiatan_type="konstruksi",
        description="Saluran",
        unit_cost=drain,
        volumes=[100, 0, 0, 0, 0],
        by=cast.pokja_kabkota,
    )
    # 1,500,000 x (0.45 x 1.2 + 0.55 x 1.0) = 1,635,000 per metre
    assert line.amounts == [163_500_000, 0, 0, 0, 0]


def test_it_optimises_within_the_komitmen_and_explains_the_daftar_tunggu(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    budget = _komitmen(scenario)[0] / JUTA  # ~Rp 14,200 juta in 2027
    big = _line(scenario, "IPAL besar", [round(budget * 0.7), 0, 0, 0, 0], people_served=1000)
    a = _line(scenario, "Tangki septik A", [round(budget * 0.5), 0, 0, 0, 0], people_served=800)
    b = _line(scenario, "Tangki septik B", [round(budget * 0.5), 0, 0, 0, 0], people_served=800)
    apbn = _line(scenario, "IPLT (APBN)", [500, 0, 0, 0, 0], funding_source="apbn")
    services.source_caps_set(scenario=scenario, caps={"apbn": [0, 0, 0, 0, 0]}, by=None)
    run = services_optimise.scenario_optimise(scenario=scenario, by=cast.pokja_kabkota)
    assert set(run.chosen) == {a.pk, b.pk}
    reasons = {w["line"]: w["reason"] for w in run.waiting}
    assert set(reasons) == {big.pk, apbn.pk}
    assert reasons[big.pk].startswith("Melebihi sisa anggaran APBD Kabupaten/Kota tahun 2027")
    assert reasons[apbn.pk].startswith("Melebihi sisa anggaran APBN tahun 2027")
    assert run.optimal and run.value == 1600 * 2  # people x risk weight 2
    # The hand rule with no priorities cuts from the bottom: IPLT, B, then A; IPAL is left.
    assert run.manual_value == 1000 * 2
    lines = selectors.lines_of(scenario)
    assert not selectors.table51(scenario, lines).problems


def test_it_names_the_mandatory_lines_that_exceed_the_budget(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    budget = _komitmen(scenario)[1] / JUTA
    design = _line(scenario, "DED IPAL kawasan", [0, round(budget * 0.4), 0, 0, 0], people_served=0)
    _line(
        scenario,
        "IPAL kawasan tahap 1",
        [0, round(budget * 0.8), 0, 0, 0],
        mandatory=True,
        requires=design,
    )
    _line(scenario, "Tangki septik", [10, 10, 10, 10, 10])
    with pytest.raises(ValidationError) as caught:
        services_optimise.scenario_optimise(scenario=scenario, by=cast.pokja_kabkota)
    message = caught.value.messages[0]
    assert message.startswith("Kegiatan wajib melebihi anggaran APBD Kabupaten/Kota tahun 2028")
    assert "DED IPAL kawasan; IPAL kawasan tahap 1" in message
    assert not OptimisationRun.objects.filter(scenario=scenario).exists()


def test_it_asks_for_the_fiscal_capacity_before_optimising(cast: Cast) -> None:
    scenario = scenario_in(REGION)
    _line(scenario, "Tangki septik", [10, 10, 10, 10, 10])
    with pytest.raises(ValidationError, match="PT-03"):
        services_optimise.scenario_optimise(scenario=scenario, by=cast.pokja_kabkota)


def test_it_keeps_one_chosen_scenario_per_cycle_with_an_audited_justification(
    cast: Cast,
) -> None:
    capacity_in(REGION)
    first, second = scenario_in(REGION, name="Satu"), scenario_in(REGION, name="Dua")
    for scenario in (first, second):
        _line(scenario, "Tangki septik", [10, 10, 10, 10, 10])
    with pytest.raises(ValidationError, match="Jalankan optimasi"):
        services.scenario_choose(scenario=first, justification="Murah", by=cast.pokja_kabkota)
    for scenario in (first, second):
        services_optimise.scenario_optimise(scenario=scenario, by=cast.pokja_kabkota)
    with pytest.raises(ValidationError):
        services.scenario_choose(scenario=first, justification="  ", by=cast.pokja_kabkota)
    with pytest.raises(PermissionDenied):
        services.scenario_choose(scenario=first, justification="CF setuju", by=cast.cf)
    services.scenario_choose(scenario=first, justification="Murah", by=cast.pokja_kabkota)
    services.scenario_choose(scenario=second, justification="Lebih adil", by=cast.pokja_kabkota)
    chosen = Scenario.objects.filter(region__code=REGION, fiscal_year=2026, chosen=True)
    assert [s.name for s in chosen] == ["Dua"]
    event = AuditEvent.objects.filter(
        object_type="scenarios.scenario", object_id=second.pk, action="transition"
    ).get()
    assert event.reason == "Lebih adil" and event.actor == cast.pokja_kabkota


def test_it_copies_a_scenario_with_its_prerequisites(cast: Cast) -> None:
    source = scenario_in(REGION)
    design = _line(source, "DED", [5, 0, 0, 0, 0], kegiatan_type="studi_desain")
    _line(source, "IPAL", [0, 50, 0, 0, 0], requires=design)
    services.source_caps_set(scenario=source, caps={"dak": [1, 1, 1, 1, 1]}, by=None)
    copy = services.scenario_create(
        region=source.region,
        fiscal_year=2026,
        name="Salinan",
        unit_costs=source.unit_costs,
        copy_from=source,
        by=cast.pokja_kabkota,
    )
    lines = selectors.lines_of(copy)
    assert [line.description for line in lines] == ["DED", "IPAL"]
    assert lines[1].requires == lines[0] and lines[0].scenario == copy
    assert copy.caps.get().amounts == [1, 1, 1, 1, 1]


def test_it_hands_the_chosen_scenario_to_proses4(cast: Cast) -> None:
    region = Region.objects.get(code=REGION)
    assert selectors.chosen_cost_lines(region) is None
    out = io.StringIO()
    load_scenarios_demo(out)
    load_scenarios_demo(out)
    assert "2 skenario baru" in out.getvalue() and "0 skenario baru" in out.getvalue()
    lines = selectors.chosen_cost_lines(region)
    assert lines and all(isinstance(line, CostLine) for line in lines)
    scenario = Scenario.objects.get(region=region, fiscal_year=2026, chosen=True)
    assert scenario.name == "Sesuai kemampuan"
    assert {line.first_year for line in lines} == {2027}
    table = selectors.table51(scenario)
    for subsector, need in table.need.items():
        mine = [line for line in lines if line.subsector == subsector]
        sums = [sum(line.amounts_by_year[t] for line in mine) for t in range(5)]
        assert sums == pytest.approx(need)
    run = selectors.latest_run(scenario)
    assert run is not None
    waiting = selectors.chosen_daftar_tunggu(region)
    assert waiting is not None and len(waiting) == len(run.waiting)
    assert lines[len(run.chosen) :] == waiting  # funded first, then the Daftar Tunggu


def test_it_shows_the_scenario_pages_by_role(cast: Cast) -> None:
    load_scenarios_demo(io.StringIO())
    scenario = Scenario.objects.get(region__code=REGION, chosen=True)
    url = reverse("scenarios:detail", kwargs={"pk": scenario.pk})
    pokja, cf = Client(), Client()
    pokja.force_login(cast.pokja_kabkota)
    cf.force_login(cast.cf)
    page = pokja.get(url).content.decode()
    assert 'data-testid="tabel51"' in page and 'data-testid="optimise"' in page
    assert 'data-testid="daftar-tunggu"' in page and "tabel51-chart-data" in page
    read_only = cf.get(url).content.decode()
    assert 'data-testid="tabel51"' in read_only and 'data-testid="optimise"' not in read_only
    assert cf.post(reverse("scenarios:optimise", kwargs={"pk": scenario.pk})).status_code == 404
    compare = pokja.get(reverse("scenarios:index", kwargs={"code": REGION, "year": 2026}))
    text = compare.content.decode()
    assert text.count('data-testid="scenario-link"') == 2 and "tabel51-" in text
    post = {
        "subsector": "drainase",
        "zone": "Pasar",
        "kegiatan_type": "konstruksi",
        "description": "Rehabilitasi saluran",
        "people_served": "300",
        "risk_class": "3",
        "priority": "2",
        "funding_source": "apbd_kabkota",
        "a2027": "250000000",
    }
    response = pokja.post(reverse("scenarios:line_add", kwargs={"pk": scenario.pk}), post)
    assert response.status_code == 302
    assert scenario.lines.filter(description="Rehabilitasi saluran").exists()
    xlsx = pokja.get(reverse("scenarios:table_xlsx", kwargs={"pk": scenario.pk}))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd")


def test_it_lets_only_the_pmu_publish_a_unit_cost_version(cast: Cast) -> None:
    table = unit_costs()
    with pytest.raises(PermissionDenied):
        services_unit_costs.unit_cost_table_copy(
            table=table, code="X", name="X", year=2025, by=cast.pokja_kabkota
        )
    copy = services_unit_costs.unit_cost_table_copy(
        table=table, code="PPSP-2025", name="Harga 2025", year=2025, by=cast.pmu
    )
    assert copy.based_on == table and copy.items.count() == table.items.count()


def test_it_speaks_english_when_chosen(cast: Cast) -> None:
    load_scenarios_demo(io.StringIO())
    scenario = Scenario.objects.get(region__code=REGION, chosen=True)
    client = Client()
    client.force_login(cast.cf)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("scenarios:detail", kwargs={"pk": scenario.pk})).content.decode()
    assert "Best programme within the budget" in page and "Domestic wastewater" in page
    capacity = client.get(reverse("finance:capacity", kwargs={"code": REGION, "year": 2026}))
    assert "Regional fiscal capacity estimate (PT-03)" in capacity.content.decode()


def test_it_edits_a_line_and_audits_each_field(cast: Cast) -> None:
    scenario = scenario_in(REGION)
    design = _line(scenario, "DED", [5, 0, 0, 0, 0], kegiatan_type="studi_desain")
    build = _line(scenario, "IPAL", [0, 50, 0, 0, 0], requires=design)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("scenarios:line_edit", kwargs={"pk": build.pk})
    page = client.get(url).content.decode()
    assert 'value="50000000"' in page and 'data-testid="line-edit-form"' in page
    post = {
        "subsector": "air_limbah",
        "zone": "Zona 2",
        "kegiatan_type": "konstruksi",
        "description": "IPAL komunal",
        "people_served": "400",
        "risk_class": "3",
        "priority": "1",
        "funding_source": "apbd_kabkota",
        "requires": str(design.pk),
        "a2028": "60000000",
    }
    assert client.post(url, post).status_code == 302
    build.refresh_from_db()
    assert build.amounts == [0, 60 * JUTA, 0, 0, 0] and build.zone == "Zona 2"
    event = AuditEvent.objects.filter(object_type="scenarios.scenario").first()
    assert event is not None
    assert {c["field"] for c in event.changes} >= {"IPAL komunal: amounts", "IPAL komunal: zone"}
    with pytest.raises(ValidationError, match="melingkar"):
        services.scenario_line_update(
            line=design,
            subsector="air_limbah",
            kegiatan_type="studi_desain",
            description="DED",
            amounts=[1, 0, 0, 0, 0],
            requires=build,
            by=cast.pokja_kabkota,
        )
    cf = Client()
    cf.force_login(cast.cf)
    assert cf.get(url).status_code == 404
