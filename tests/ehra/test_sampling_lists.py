"""EHRA sampling options and lists: typed K1/K2 cut-offs, Slovin, RT and household lists."""

from __future__ import annotations

import io
import math

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.compute.sampling import krejcie_morgan, slovin, systematic_sample
from ppsp.ehra.models import FrameDesa, SamplingFrame
from ppsp.ehra.sampling_frame import parse_frame
from ppsp.ehra.sampling_rt import desa_seed, rt_plan
from ppsp.regions.models import Level, Population, Region
from tests.conftest import Cast
from tests.ehra.support import ehra_round


def _codes() -> list[str]:
    return list(
        Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
        .order_by("code")
        .values_list("code", flat=True)
    )


def _csv(codes: list[str], rt: dict[int, int] | None = None) -> bytes:
    header = "kode_desa,kepadatan,kemiskinan,k3_sungai,k4_banjir"
    lines = [header + (",jumlah_rt" if rt is not None else "")]
    for i, code in enumerate(codes):
        line = f"{code},{50 + (i * 37) % 400},{(i * 13) % 60},{'ya' if i % 3 else 'tidak'},{i % 2}"
        if rt is not None:
            line += f",{rt.get(i, 20)}"
        lines.append(line)
    return "\n".join(lines).encode()


def _post(client: Client, pk: int, content: bytes, **fields: object) -> int:
    url = reverse("ehra:sampling_run", kwargs={"pk": pk})
    data = {"target_desa": 30, "seed": 42, "file": SimpleUploadedFile("k.csv", content), **fields}
    return client.post(url, data).status_code


@given(st.integers(1, 300), st.integers(0, 2**31))
def test_it_plans_at_least_40_households_as_8_rt_by_5(rt_count: int, seed: int) -> None:
    plan = rt_plan(rt_count, seed=seed)
    assert plan.households >= 40
    assert len(set(plan.rt)) == len(plan.rt) == min(rt_count, 8)
    assert all(1 <= rt <= rt_count for rt in plan.rt) and list(plan.rt) == sorted(plan.rt)
    if rt_count >= 8:
        assert plan.per_rt == 5
        units = list(range(1, rt_count + 1))
        assert list(plan.rt) == systematic_sample(units, 8, start=plan.start)
    else:
        assert plan.per_rt == math.ceil(40 / rt_count)


@pytest.mark.django_db
def test_it_uses_a_typed_k1_cutoff_and_records_it(cast: Cast) -> None:
    survey = ehra_round("15.07")
    codes = _codes()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    fields = {"density_rule": "nilai", "density_value": 100, "poverty_rule": "rata-rata"}
    assert _post(client, survey.pk, _csv(codes), **fields) == 302
    frame = SamplingFrame.objects.get(survey=survey)
    rows, _ = parse_frame("k.csv", _csv(codes), desa_codes=set(codes))
    assert frame.density_cutoff == 100 and frame.density_rule == "nilai"
    assert frame.poverty_rule == "rata-rata"
    assert frame.poverty_cutoff == pytest.approx(sum(r[2] for r in rows) / len(rows))
    by_code = {r[0]: r for r in rows}
    for row in FrameDesa.objects.filter(frame=frame).select_related("desa"):
        raw = by_code[row.desa.code]
        expected = (raw[1] > 100) + (raw[2] > frame.poverty_cutoff) + raw[3] + raw[4]
        assert row.strata == expected
    page = client.get(reverse("ehra:sampling", kwargs={"pk": survey.pk})).content.decode()
    assert "100,0" in page or "100.0" in page
    assert "nilai yang diketik" in page and "rata-rata kab/kota" in page


@pytest.mark.django_db
def test_it_refuses_a_value_rule_without_a_value(cast: Cast) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    assert _post(client, survey.pk, _csv(_codes()), poverty_rule="nilai") == 302
    assert not SamplingFrame.objects.filter(survey=survey).exists()


@pytest.mark.django_db
def test_it_sizes_the_sample_by_slovin_and_records_method_and_margin(cast: Cast) -> None:
    survey = ehra_round("15.07")
    desa = Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=1000, kk=300) for d in desa
    )
    kk = 300 * desa.count()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    assert _post(client, survey.pk, _csv(_codes()), method="slovin", margin=0.1) == 302
    frame = SamplingFrame.objects.get(survey=survey)
    assert (frame.sample_method, frame.margin, frame.population) == ("slovin", 0.1, kk)
    assert frame.sample_size == slovin(kk, e=0.1)
    assert _post(client, survey.pk, _csv(_codes())) == 302
    frame = SamplingFrame.objects.get(survey=survey)
    assert (frame.sample_method, frame.margin) == ("krejcie_morgan", 0.05)
    assert frame.sample_size == krejcie_morgan(kk)
    page = client.get(reverse("ehra:sampling", kwargs={"pk": survey.pk})).content.decode()
    assert "Krejcie–Morgan" in page


@pytest.mark.django_db
def test_it_lists_rt_and_households_of_selected_desa_from_the_file(cast: Cast) -> None:
    survey = ehra_round("15.07")
    codes = _codes()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    rt = {i: (5 if i % 4 == 0 else 20 + i) for i in range(len(codes))}
    assert _post(client, survey.pk, _csv(codes, rt)) == 302
    frame = SamplingFrame.objects.get(survey=survey)
    selected = list(FrameDesa.objects.filter(frame=frame, selected=True).select_related("desa"))
    assert len(selected) == 30
    for row in selected:
        assert row.rt_count == rt[codes.index(row.desa.code)]
        assert row.rt_seed == desa_seed(42, row.desa.code)
        plan = rt_plan(row.rt_count, seed=row.rt_seed)
        assert row.rt_selected == list(plan.rt) and row.rt_start == plan.start
        assert len(row.rt_selected) * row.households_per_rt >= 40
    assert not FrameDesa.objects.filter(frame=frame, selected=False).exclude(rt_selected=[])
    page = client.get(reverse("ehra:sampling", kwargs={"pk": survey.pk})).content.decode()
    slots = sum(len(r.rt_selected) for r in selected)
    assert page.count('data-testid="rt-slot"') == slots
    assert "interval I" in page
    book = load_workbook(
        io.BytesIO(client.get(reverse("ehra:sampling_xlsx", kwargs={"pk": survey.pk})).content)
    )
    sheet = book.active
    assert sheet is not None
    data = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r and r[7] is not None]
    assert len(data) == sum(len(r.rt_selected) * r.households_per_rt for r in selected)


@pytest.mark.django_db
def test_it_lets_the_pokja_enter_rt_counts_and_draws_rt_1_to_n(cast: Cast) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    assert _post(client, survey.pk, _csv(_codes())) == 302
    frame = SamplingFrame.objects.get(survey=survey)
    selected = list(FrameDesa.objects.filter(frame=frame, selected=True).select_related("desa"))
    assert all(r.rt_count is None and r.rt_selected == [] for r in selected)
    first, second = selected[0], selected[1]
    url = reverse("ehra:sampling_rt", kwargs={"pk": survey.pk})
    before = AuditEvent.objects.count()
    response = client.post(url, {f"rt_{first.desa_id}": "12", f"rt_{second.desa_id}": "3"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.rt_count == 12 and len(first.rt_selected) == 8
    assert set(first.rt_selected) <= set(range(1, 13))
    assert first.rt_selected == list(rt_plan(12, seed=desa_seed(42, first.desa.code)).rt)
    assert second.rt_selected == [1, 2, 3] and second.households_per_rt == 14
    assert AuditEvent.objects.count() == before + 2
    assert client.post(url, {f"rt_{first.desa_id}": "x"}).status_code == 302
    first.refresh_from_db()
    assert first.rt_count == 12
    other = Client()
    other.force_login(cast.cf)
    assert other.post(url, {f"rt_{first.desa_id}": "9"}).status_code == 404
