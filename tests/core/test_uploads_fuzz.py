"""Every import and upload page fed the bad files of issue 21: never a 500, a clear Indonesian
message, nothing committed (the audit trail and the import's own tables unchanged)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from tests.conftest import Cast
from tests.core.upload_support import bad_files, formula_without_value

pytestmark = pytest.mark.django_db
ENGLISH = ("Unable to read", "File is not a zip", "Traceback", "BadZipFile", "submitted file")


@dataclass(frozen=True)
class Target:
    user: str
    url: Callable[[], str]
    data: dict[str, Any]
    counts: Callable[[], tuple[int, ...]]
    xlsx_only: bool = False
    sheet: str = "Sheet"  # the sheet an import reads (Lampiran 4: a funding source's)


def _profiles() -> Target:
    from ppsp.profiles.models import DesaProfile
    from ppsp.regions.models import Population

    return Target(
        "pokja_kabkota",
        lambda: reverse("profiles:import", kwargs={"code": "15.07", "year": 2026}),
        {},
        lambda: (DesaProfile.objects.count(), Population.objects.count()),
    )


def _finance() -> Target:
    from ppsp.finance.models import BelanjaOpd
    from tests.scenarios.planning_support import capacity_in

    capacity = capacity_in("15.07")
    return Target(
        "pokja_kabkota",
        lambda: reverse("finance:belanja_import", kwargs={"pk": capacity.pk}),
        {},
        lambda: (BelanjaOpd.objects.count(),),
        xlsx_only=True,
    )


def _mps() -> Target:
    from ppsp.mps.codes import SHEET_OF_SOURCE
    from tests.mps.support import plan_in

    plan = plan_in("15.07")
    return Target(
        "pokja_kabkota",
        lambda: reverse("mps:import", kwargs={"pk": plan.pk}),
        {},
        lambda: (plan.rows.count(),),
        xlsx_only=True,
        sheet=next(iter(SHEET_OF_SOURCE.values())),
    )


def _monev() -> Target:
    from ppsp.monev.models import IndicatorRealisation, Report, RowRealisation
    from tests.monev.support import YEAR, plan_with_sasaran

    plan_with_sasaran("15.07")
    return Target(
        "pokja_kabkota",
        lambda: reverse("monev:import", kwargs={"code": "15.07", "year": YEAR}),
        {},
        lambda: (
            Report.objects.count(),
            RowRealisation.objects.count(),
            IndicatorRealisation.objects.count(),
        ),
    )


def _exchange() -> Target:
    from ppsp.exchange.models import BatchStatus, ImportBatch, SectorFigure

    # a file that parses but fails validation is kept as a FAILED batch (the record of the
    # attempt, with its errors); it never adds figures
    return Target(
        "pokja_kabkota",
        lambda: reverse("exchange:imports", args=["15.07"]),
        {"system": "sipsn"},
        lambda: (
            ImportBatch.objects.exclude(status=BatchStatus.FAILED).count(),
            SectorFigure.objects.count(),
        ),
    )


def _participants() -> Target:
    from ppsp.programme.models import Participation

    return Target(
        "pmu", lambda: reverse("programme:import"), {}, lambda: (Participation.objects.count(),)
    )


def _documents() -> Target:
    from ppsp.documents.models import DocumentFile
    from tests.documents.matrix import document_version

    version = document_version("15.07")["pk"]
    return Target(
        "pokja_kabkota",
        lambda: reverse("documents:file_upload", kwargs={"pk": version}),
        {"label": "uji"},
        lambda: (DocumentFile.objects.count(),),
    )


TARGETS = {
    "profiles": _profiles,
    "finance": _finance,
    "mps": _mps,
    "monev": _monev,
    "exchange": _exchange,
    "participants": _participants,
    "documents": _documents,
}
BAD = bad_files()


def _post(client: Client, target: Target, name: str, content: bytes) -> tuple[int, str, float]:
    upload = SimpleUploadedFile(name, content)
    started = time.perf_counter()
    response = client.post(target.url(), {**target.data, "file": upload}, follow=True)
    return response.status_code, response.content.decode(), time.perf_counter() - started


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("where", sorted(TARGETS))
def test_it_refuses_a_bad_file_with_a_message_and_commits_nothing(
    cast: Cast, where: str, bad: str
) -> None:
    target = TARGETS[where]()
    client = Client()
    client.force_login(getattr(cast, target.user))
    name, content, phrase = BAD[bad]
    if bad == "formula":
        content = formula_without_value(target.sheet)
    if where == "documents" and bad == "formula":
        pytest.skip("a document is stored, not parsed: an XLSX with formulas is a sound file")
    before = (AuditEvent.objects.count(), *target.counts())
    status, page, _seconds = _post(client, target, name, content)
    assert status == 200, (where, bad, status)
    assert phrase.lower() in page.lower(), (where, bad)
    assert name in page  # the message names the file
    assert not any(text in page for text in ENGLISH), (where, bad)
    assert (AuditEvent.objects.count(), *target.counts()) == before


@pytest.mark.parametrize("where", ["finance", "mps"])
def test_it_refuses_a_csv_where_an_xlsx_is_expected(cast: Cast, where: str) -> None:
    target = TARGETS[where]()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    status, page, _seconds = _post(client, target, "belanja.csv", b"OPD;2021\nDinas PU;1\n")
    assert status == 200 and "isi berkas bukan XLSX (Excel)" in page
    assert "belanja.csv" in page


def test_it_refuses_a_zip_bomb_from_its_declared_size_without_inflating_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zipfile

    from ppsp.core.uploads import UploadRejected, check_upload

    name, content, _phrase = BAD["zip-bomb"]
    assert len(content) < 2 * 1024 * 1024  # small on disk, 200 MB declared

    def no_inflating(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened before the declared size was checked")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    with pytest.raises(UploadRejected, match="200 MB, melebihi batas 16 MB"):
        check_upload(name, content)
