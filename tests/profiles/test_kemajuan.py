"""Kemajuan: achievement % and status against the previous SSK (formula and page)."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.compute.kemajuan import achievement, status
from ppsp.profiles.models import LegacyDocument, LegacyTarget
from ppsp.profiles.services import profile_save
from ppsp.regions.models import Region
from tests.conftest import Cast


def test_it_computes_pinned_achievements() -> None:
    # higher is better: 20 % → target 60 %, now 40 % → half way
    assert achievement([20], [60], [40]).tolist() == [50.0]
    # lower is better: BABS 29.04 % → 0 %, now 10 % → 65.56 %
    assert round(float(achievement([29.04], [0], [10], [True])[0]), 2) == 65.56
    assert status([29.04, 29.04, 29.04], [0, 0, 0], [0, 10, 35], [True] * 3) == [
        "tercapai",
        "sebagian",
        "belum",
    ]


def test_it_clamps_and_handles_a_flat_target() -> None:
    assert achievement([20, 20], [60, 60], [80, 5]).tolist() == [100.0, 0.0]
    # target equals baseline: reached when at least as good in the indicator's direction
    assert achievement(
        [5, 5, 5, 5], [5, 5, 5, 5], [6, 4, 4, 6], [False, False, True, True]
    ).tolist() == [
        100.0,
        0.0,
        100.0,
        0.0,
    ]


def test_it_reports_missing_current_values() -> None:
    assert math.isnan(float(achievement([1], [2], [math.nan])[0]))
    assert status([1], [2], [math.nan]) == ["tidak_ada_data"]


value = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)


@given(st.lists(st.tuples(value, value, value, st.booleans()), min_size=1, max_size=40))
def test_it_stays_within_0_and_100_and_mirrors_lower_is_better(
    rows: list[tuple[float, float, float, bool]],
) -> None:
    b, t, c, low = (list(x) for x in zip(*rows, strict=True))
    pct = achievement(b, t, c, low)
    assert ((pct >= 0) & (pct <= 100)).all()
    mirrored = achievement([-x for x in b], [-x for x in t], [-x for x in c], [not x for x in low])
    assert np.allclose(pct, mirrored)
    labels = status(b, t, c, low)
    assert all((s == "tercapai") == (p >= 100) for s, p in zip(labels, pct.tolist(), strict=True))


@pytest.mark.django_db
def test_it_shows_kemajuan_from_form2_and_exports_it(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    pdf = b"%PDF-1.4\n% SSK lama\n%%EOF\n"
    response = client.post(
        reverse("profiles:legacy_upload", kwargs={"code": "15.07"}),
        {
            "kind": "ssk",
            "title": "SSK 2016-2020",
            "period_start": 2016,
            "period_end": 2020,
            "file": SimpleUploadedFile("ssk_2016.pdf", pdf),
        },
    )
    assert response.status_code == 302
    document = LegacyDocument.objects.get()
    assert bytes(document.content) == pdf and len(document.sha256) == 64
    response = client.post(
        reverse("profiles:target_add", kwargs={"pk": document.pk}),
        {
            "name": "Akses jamban pribadi",
            "unit": "%",
            "source": "jamban",
            "baseline_year": 2015,
            "baseline": 40,
            "target_year": 2020,
            "target": 80,
        },
    )
    assert response.status_code == 302, response
    assert LegacyTarget.objects.count() == 1
    desa = Region.objects.get(code="15.07.01.2001")
    profile_save(
        desa=desa,
        year=2025,
        values={"penduduk": 1000, "kk": 250, "jamban_pribadi": 150},
        by=cast.pokja_kabkota,
    )
    page = client.get(reverse("profiles:kemajuan", kwargs={"code": "15.07"}))
    body = page.content.decode()
    assert "60 %" in body and "50,0 %" in body and "sebagian" in body
    file = client.get(reverse("profiles:kemajuan_export", kwargs={"code": "15.07"}))
    sheet = load_workbook(io.BytesIO(file.content)).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[1] == "Akses jamban pribadi" and row[8] == 60.0 and row[10] == 50.0
    assert row[11] == "sebagian"
    downloaded = client.get(reverse("profiles:legacy_file", kwargs={"pk": document.pk}))
    assert downloaded.content == pdf
    assert AuditEvent.objects.filter(object_type="profiles.legacydocument").count() == 2


@pytest.mark.django_db
def test_it_refuses_non_pdf_legacy_files_and_other_kabkota(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(
        reverse("profiles:legacy_upload", kwargs={"code": "15.07"}),
        {
            "kind": "ssk",
            "title": "x",
            "period_start": 2016,
            "period_end": 2020,
            "file": SimpleUploadedFile("ssk.exe", b"MZ"),
        },
    )
    assert response.status_code == 302 and not LegacyDocument.objects.exists()
    assert client.get(reverse("profiles:kemajuan", kwargs={"code": "15.71"})).status_code == 404
