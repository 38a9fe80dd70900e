"""Approval freezes in the browser: an approved SSK shows its snapshot hash; the Pokja
starts a perubahan, edits the narrative and sees the diff against the approved version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ppsp.docgen.services import section_text_save
from ppsp.documents.models import ApprovedSnapshot
from ppsp.documents.services import (
    document_version_set_legal_basis,
    document_version_transition,
)
from ppsp.documents.workflow import DocAction
from tests.conftest import PASSWORD, Cast
from tests.cycles.support import ssk
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_the_pokja_starts_a_revision_and_sees_the_diff(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    page.set_default_timeout(60_000)
    version = ssk("15.07").versions.get()
    section_text_save(version=version, section="1.1", text="Latar belakang awal.", by=None)
    document_version_set_legal_basis(
        version=version, kind="perbup", number="5 Tahun 2016", date=dt.date(2016, 1, 5), by=None
    )
    for action in (DocAction.SUBMIT, DocAction.REVIEW, DocAction.APPROVE):
        document_version_transition(obj=version, action=action, by=None)
    snap = ApprovedSnapshot.objects.get(version=version)
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/susun-dokumen/versi/{version.pk}/")
    assert snap.sha256 in page.locator("[data-testid=snapshot]").inner_text()
    screenshot("documents-approved-snapshot")
    page.goto(f"{base}/dokumen/versi/{version.pk}/")
    page.click("[data-testid=new-version]")
    page.click("[data-testid=docgen-link]")
    page.click("[data-testid='section-1.1'] a")
    page.fill("#id_text", "Latar belakang setelah perubahan.")  # the own-text box
    page.get_by_role("button", name="Simpan").click()
    page.click("[data-testid=diff-link]")
    assert "(snapshot)" in page.locator("[data-testid=diff-sides]").inner_text()
    text = page.locator("[data-testid=text-diff]").first.inner_text()
    assert "Latar belakang awal." in text and "Latar belakang setelah perubahan." in text
    screenshot("documents-revision-diff")
