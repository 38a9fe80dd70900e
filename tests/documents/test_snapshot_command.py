"""Issue 16: versions approved before approval snapshots existed get theirs from the
`snapshot_approved` command, once (it is idempotent)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from ppsp.docgen.models import Format, RenderedFile
from ppsp.docgen.services.snapshot import snapshot_intact
from ppsp.documents.models import ApprovedSnapshot
from tests.conftest import Cast
from tests.cycles.support import ssk
from tests.documents.support import approve_version

pytestmark = pytest.mark.django_db


def test_it_snapshots_versions_approved_before_snapshots_existed(
    cast: Cast, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    version = ssk("15.07").versions.get()
    monkeypatch.setattr("ppsp.documents.services.APPROVAL_HOOKS", [])
    approve_version(version, django_capture_on_commit_callbacks)
    assert not ApprovedSnapshot.objects.filter(version=version).exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=False):
        call_command("snapshot_approved", stdout=io.StringIO())
        call_command("snapshot_approved", stdout=io.StringIO())
    snap = ApprovedSnapshot.objects.get(version=version)
    assert snapshot_intact(snap) and snap.inputs == {"version": [version.pk]}
    assert RenderedFile.objects.filter(snapshot=snap).count() == len(Format.values)
