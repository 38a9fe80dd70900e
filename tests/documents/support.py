"""Builders shared by the documents tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ppsp.documents.models import DocumentVersion
from ppsp.documents.services import document_version_set_legal_basis, document_version_transition
from ppsp.documents.workflow import DocAction


def approve_version(
    version: DocumentVersion, capture: Any, number: str = "5 Tahun 2027", render: bool = False
) -> None:
    """Legal basis, submit, review, approve; the queued renders run at commit if `render`."""
    with capture(execute=render):
        document_version_set_legal_basis(
            version=version, kind="perbup", number=number, date=dt.date(2027, 1, 5), by=None
        )
        for action in (DocAction.SUBMIT, DocAction.REVIEW, DocAction.APPROVE):
            document_version_transition(obj=version, action=action, by=None)
