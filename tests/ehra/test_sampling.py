"""EHRA sampling frame: strata from K1–K4, largest-remainder allocation, recorded start."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.compute.sampling import allocate, systematic_sample
from ppsp.ehra.models import FrameDesa, SamplingFrame
from ppsp.ehra.sampling_frame import frame_create, parse_frame
from ppsp.regions.models import Level, Region
from tests.conftest import Cast
from tests.ehra.support import ehra_round

pytestmark = pytest.mark.django_db


def _frame_csv(codes: list[str]) -> bytes:
    lines = ["kode_desa,kepadatan,kemiskinan,k3_sungai,k4_banjir"]
    for i, code in enumerate(codes):
        lines.append(
            f"{code},{50 + (i * 37) % 400},{(i * 13) % 60},{'ya' if i % 3 else 'tidak'},{i % 2}"
        )
    return "\n".join(lines).encode()


def test_it_reports_bad_frame_rows_by_row_and_column() -> None:
    content = (
        b"kode_desa,kepadatan,kemiskinan,k3_sungai,k4_banjir\n"
        b"1507012001,x,10,ya,0\n99,1,1,mungkin,0\n"
    )
    rows, errors = parse_frame("k.csv", content, desa_codes={"15.07.01.2001"})
    assert rows == []
    assert [str(e) for e in errors] == [
        "k.csv, baris 2, kolom 'kepadatan': harus angka ≥ 0, bukan 'x'.",
        "k.csv, baris 3, kolom 'kode_desa': '99' bukan kode desa kab/kota ini.",
        "k.csv, baris 3, kolom 'k3_sungai': isi ya/tidak (1/0), bukan 'mungkin'.",
    ]


def test_it_stratifies_allocates_and_selects_reproducibly(cast: Cast) -> None:
    survey = ehra_round("15.07")
    codes = list(
        Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
        .order_by("code")
        .values_list("code", flat=True)
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("ehra:sampling_run", kwargs={"pk": survey.pk})
    upload = SimpleUploadedFile("k.csv", _frame_csv(codes))
    assert client.post(url, {"target_desa": 30, "seed": 42, "file": upload}).status_code == 302
    frame = SamplingFrame.objects.get(survey=survey)
    rows = list(FrameDesa.objects.filter(frame=frame).select_related("desa"))
    assert len(rows) == 93 and sum(r.selected for r in rows) == 30
    sizes: dict[int, int] = {}
    for r in rows:
        sizes[r.strata] = sizes.get(r.strata, 0) + 1
    assert {int(k): v for k, v in frame.allocation.items()} == allocate(sizes, 30)
    for stratum, start in frame.starts.items():
        units = sorted(r.desa.code for r in rows if r.strata == int(stratum))
        again = systematic_sample(units, frame.allocation[stratum], start=start)
        assert {r.desa.code for r in rows if r.selected and r.strata == int(stratum)} == set(again)
    first = {r.desa.code for r in rows if r.selected}
    parsed, _ = parse_frame("k.csv", _frame_csv(codes), desa_codes=set(codes))
    frame_create(survey=survey, rows=parsed, target_desa=30, seed=42, by=cast.pokja_kabkota)
    assert {
        r.desa.code for r in FrameDesa.objects.filter(selected=True).select_related("desa")
    } == first
    page = client.get(reverse("ehra:sampling", kwargs={"pk": survey.pk})).content.decode()
    assert page.count('data-testid="selected"') == 30 and "42" in page
