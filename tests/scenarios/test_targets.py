"""Issue 6 gaps: visi/misi/tujuan, sasaran vs national targets, zone stages, Proses 3 gate,
Form 2 profile density/CBD in the system suggestion."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ppsp.audit.models import AuditEvent
from ppsp.compute.targets import NationalTarget, Sasaran, check, required_on_path
from ppsp.cycles.models import CycleProcess, ProcessState
from ppsp.cycles.services import process_transition
from ppsp.cycles.workflow import ProcessAction
from ppsp.regions.models import Region
from ppsp.scenarios.models import NationalTarget as TargetRow
from ppsp.scenarios.models import Scenario
from ppsp.scenarios.seed_targets import seed_national_targets
from ppsp.scenarios.selectors import vision as selectors_vision
from ppsp.scenarios.services import vision as services_vision
from tests.conftest import Cast
from tests.cycles.support import ensure_seed, process, satisfy_gates
from tests.scenarios.planning_support import scenario_in

REGION = "15.07"
UA = NationalTarget("air_limbah", "Akses layak 100%", 100, 2030, "min", ("layak",))
SPM = NationalTarget("persampahan", "Penanganan", 70, None, "min", ("penanganan",))
BABS = NationalTarget("air_limbah", "BABS 0%", 0, 2030, "max", ("babs",))


def _sasaran(indicator: str, targets: dict[int, float], sub: str = "air_limbah") -> Sasaran:
    return Sasaran(sub, indicator, 40.0, 2026, targets)


def test_it_pins_the_straight_path_to_a_later_national_target() -> None:
    # 40 % in 2026 → 100 % in 2030: 2028 needs 40 + 60 × 2/4 = 70 %.
    assert required_on_path(40, 2026, 100, 2030, 2028) == pytest.approx(70)
    assert required_on_path(40, 2026, 100, 2030, 2031) == 100
    on_path = _sasaran("Akses sanitasi layak", {2027: 55, 2028: 70})
    below = _sasaran("Akses sanitasi layak", {2027: 50, 2028: 65})
    assert check([on_path], [UA]) == []
    (warning,) = check([below], [UA])
    assert "65,0% pada 2028" in warning.message and "lintasan menuntut 70,0%" in warning.message


def test_it_checks_spm_minimums_maxima_and_missing_subsectors() -> None:
    low = _sasaran("Penanganan sampah", {2027: 50, 2031: 65}, "persampahan")
    babs = _sasaran("BABS", {2027: 10, 2031: 5})  # 2030 reads the last value ≤ 2030: 2027
    warnings = check([low, babs], [UA, SPM, BABS, NationalTarget("drainase", "Genangan", 50)])
    messages = [w.message for w in warnings]
    assert any("Belum ada sasaran" in m and "Genangan" in m for m in messages)
    assert any("Penanganan sampah" in m and "≥ 70,0% (SPM)" in m for m in messages)
    assert any("'BABS' 10,0% pada 2027" in m and "≤ 0,0%" in m for m in messages)
    assert not any("Akses layak" in m for m in messages)  # keyword does not match


@given(
    base=st.floats(0, 100),
    final=st.floats(0, 100),
    bump=st.floats(0, 50),
    goal=st.floats(0, 100),
    year=st.integers(2027, 2045),
)
def test_it_never_warns_more_when_a_min_sasaran_is_raised(
    base: float, final: float, bump: float, goal: float, year: int
) -> None:
    target = NationalTarget("air_limbah", "Akses layak", goal, year, "min", ("layak",))
    lower = Sasaran("air_limbah", "akses layak", base, 2026, {2031: final})
    higher = Sasaran("air_limbah", "akses layak", base, 2026, {2031: min(100.0, final + bump)})
    assert len(check([higher], [target])) <= len(check([lower], [target]))
    reached = Sasaran("air_limbah", "akses layak", base, 2026, {2031: max(goal, 100.0)})
    assert check([reached], [target]) == []


def test_it_seeds_the_national_targets_as_data(db: None) -> None:
    seed_national_targets(apps)
    codes = set(TargetRow.objects.values_list("code", flat=True))
    assert {"UA-AL", "UA-BABS", "SPM-AL-T", "SPM-PS-TANGANI", "SPM-DR"} <= codes
    assert TargetRow.objects.get(code="SPM-AL-T").value == 5


def _kkl_sasaran(values: dict[str, float]) -> None:
    from ppsp.mps.services import kkl_node_add, plan_open

    plan = plan_open(region=Region.objects.get(code=REGION), first_year=2027, by=None)
    node = None
    for level in ("permasalahan", "isu", "tujuan"):
        node = kkl_node_add(plan=plan, level=level, text=level, by=None, parent=node)
    kkl_node_add(
        plan=plan,
        level="sasaran",
        text="Meningkatnya akses sanitasi layak",
        by=None,
        parent=node,
        subsector="air_limbah",
        indicator="Akses sanitasi layak (%)",
        baseline_value=40,
        baseline_year=2026,
        targets=values,
    )


def test_it_saves_the_vision_and_shows_sasaran_warnings(cast: Cast) -> None:
    seed_national_targets(apps)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("scenarios:vision", kwargs={"code": REGION, "year": 2026})
    data = {
        "visi_sanitasi": "Sanitasi layak dan aman untuk semua 2031",
        "misi_air_limbah": "Meningkatkan akses air limbah domestik",
        "tujuan_air_limbah": "Akses layak 100%",
    }
    assert client.post(url, data).status_code == 302
    vision = selectors_vision.vision_of(Region.objects.get(code=REGION), 2026)
    assert vision is not None and vision.subsectors == {
        "air_limbah": {
            "misi": "Meningkatkan akses air limbah domestik",
            "tujuan": "Akses layak 100%",
        }
    }
    assert AuditEvent.objects.filter(object_type="scenarios.vision").exists()
    _kkl_sasaran({"2027": 45, "2028": 50, "2031": 60})
    page = client.get(url).content.decode()
    assert "Sanitasi layak dan aman untuk semua 2031" in page
    assert 'data-testid="target-warnings"' in page
    warnings = page.split('data-testid="target-warnings"')[1].split("</ul>")[0]
    assert "Akses sanitasi layak (%)&#x27; 50,0% pada 2028" in warnings  # 2030 within the plan
    assert "≥ 100,0% (tahun 2030)" in warnings
    assert "Belum ada sasaran; target nasional" in page  # persampahan, drainase, air minum
    reader = Client()
    reader.force_login(cast.kepala_daerah)
    assert 'data-testid="vision-form"' not in reader.get(url).content.decode()
    assert reader.post(url, data).status_code == 404


def test_it_refuses_an_empty_vision(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="visi sanitasi"):
        services_vision.vision_save(
            region=Region.objects.get(code=REGION), fiscal_year=2026, visi_sanitasi=" ", by=None
        )


def test_it_records_zone_stage_targets_for_5_and_20_years(cast: Cast) -> None:
    scenario = scenario_in(REGION)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("scenarios:stage_save", kwargs={"pk": scenario.pk})
    data = {
        "subsector": "air_limbah",
        "zone": "Zona 1 Kota",
        "system": "SPALD-T skala kawasan",
        "stage_now": "1",
        "stage_medium": "3",
        "stage_long": "4",
        "target_medium_pct": "40",
        "target_long_pct": "90",
    }
    assert client.post(url, data).status_code == 302
    (stage,) = scenario.stages.all()
    assert (stage.stage_medium, stage.stage_long, float(stage.target_long_pct)) == (3, 4, 90.0)
    page = client.get(reverse("scenarios:detail", kwargs={"pk": scenario.pk})).content.decode()
    assert (
        "Komunal / SPALD-T skala permukiman" in page and "SPALD-T skala kawasan/perkotaan" in page
    )
    with pytest.raises(ValidationError, match="naik atau tetap"):
        services_vision.zone_stage_save(
            scenario=scenario, by=None, **{**data, "stage_medium": 4, "stage_long": 2,
                                           "stage_now": 0, "target_medium_pct": 40.0,
                                           "target_long_pct": 90.0}
        )  # fmt: skip
    with pytest.raises(ValidationError, match="20 tahun harus"):
        services_vision.zone_stage_save(
            scenario=scenario, by=None, subsector="air_limbah", zone="Z2", system="S",
            stage_medium=1, stage_long=2, target_medium_pct=80.0, target_long_pct=60.0,
        )  # fmt: skip


def test_it_gates_proses3_sign_off_on_a_chosen_scenario(cast: Cast) -> None:
    ensure_seed()
    target = process(REGION, 3)
    satisfy_gates(
        target
    )  # chooses a scenario (tests.scenarios.planning_support.choose_scenario_for)
    Scenario.objects.filter(region__code=REGION, fiscal_year=2026).update(chosen=False)
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    target.refresh_from_db()
    with pytest.raises(ValidationError, match="Belum ada skenario terpilih"):
        process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    client = Client()
    client.force_login(cast.cf)
    page = client.get(reverse("cycles:process", kwargs={"pk": target.pk})).content.decode()
    assert 'data-testid="gate-problems"' in page and "Belum ada skenario terpilih" in page
    chosen = scenario_in(REGION, name="Terpilih")
    Scenario.objects.filter(pk=chosen.pk).update(chosen=True, justification="  ")
    with pytest.raises(ValidationError, match="belum memiliki alasan"):
        process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    Scenario.objects.filter(pk=chosen.pk).update(justification="Gap terkecil")
    done = process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    assert done.state == ProcessState.SELESAI
    other = process(REGION, 2)  # other processes are not affected by the hook
    assert other.state == ProcessState.SELESAI


def test_it_reads_density_netto_urban_and_cbd_from_the_form2_profile(cast: Cast) -> None:
    from ppsp.profiles.models import DesaProfile
    from ppsp.regions.models import Population
    from ppsp.scenarios import zoning

    region = Region.objects.get(code=REGION)
    desa = Region.objects.filter(kabkota_code=REGION, level=4).order_by("code").first()
    assert desa is not None
    Population.objects.update_or_create(
        region=desa, year=2026, defaults={"penduduk": 2000, "kk": 500}
    )
    DesaProfile.objects.create(
        desa=desa, year=2026, luas_administratif=100, luas_terbangun=10, cbd=True, urban_bps=1
    )
    rows = {r.desa.pk: r for r in zoning.desa_suggestions(region, 2026)}
    facts = rows[desa.pk].facts
    assert facts.density == pytest.approx(200.0)  # netto: 2000 jiwa / 10 ha terbangun
    assert facts.cbd and facts.urban
    assert rows[desa.pk].suggestion.air_limbah == "terpusat"


def test_it_loads_the_demo_vision_and_stages_idempotently(cast: Cast) -> None:
    import io

    from ppsp.demo.scenarios import load_scenarios_demo

    load_scenarios_demo(io.StringIO())
    load_scenarios_demo(io.StringIO())
    region = Region.objects.get(code=REGION)
    vision = selectors_vision.vision_of(region, 2026)
    assert vision is not None and set(vision.subsectors) == {
        "air_limbah",
        "persampahan",
        "drainase",
    }
    for scenario in Scenario.objects.filter(region=region, fiscal_year=2026):
        assert scenario.stages.count() == 3
    client = Client()
    client.force_login(cast.kepala_daerah)
    page = client.get(reverse("scenarios:vision", kwargs={"code": REGION, "year": 2026}))
    assert page.status_code == 200 and "Terwujudnya sanitasi layak" in page.content.decode()
