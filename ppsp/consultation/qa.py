"""The self-assessment checklist evaluated for one consultation (items are data: QaItem)."""

from __future__ import annotations

from dataclasses import dataclass

from ppsp.consultation.models import (
    CommentStatus,
    Consultation,
    ConsultationState,
    QaCheck,
    QaItem,
    QaRule,
)


@dataclass(frozen=True)
class QaResult:
    item_id: int
    code: str
    label: str
    rule: str
    passed: bool
    detail: str = ""

    @property
    def manual(self) -> bool:
        return self.rule == QaRule.MANUAL


def _automatic(consultation: Consultation, rule: str) -> tuple[bool, str]:
    comments = consultation.comments
    if rule == QaRule.CONSULTATION_CLOSED:
        done = consultation.state in (ConsultationState.CLOSED, ConsultationState.DISAHKAN)
        return done, "" if done else "konsultasi masih dibuka"
    if rule == QaRule.QUEUE_EMPTY:
        pending = comments.filter(status=CommentStatus.PENDING).count()
        return pending == 0, f"{pending} komentar menunggu moderasi" if pending else ""
    if rule == QaRule.ALL_ANSWERED:
        open_ = comments.filter(status=CommentStatus.APPROVED, response__isnull=True).count()
        return open_ == 0, f"{open_} komentar belum ditanggapi" if open_ else ""
    if rule == QaRule.TABLES_FILLED:
        version = consultation.version
        required = set(version.document.method_version.required_tables.values_list("pk", flat=True))
        filled = set(version.filled_tables.values_list("pk", flat=True))
        missing = len(required - filled)
        return missing == 0, f"{missing} tabel wajib belum terisi" if missing else ""
    if rule == QaRule.MEETING_HELD:
        held = consultation.meetings.exists()
        return held, "" if held else "belum ada pertemuan publik"
    return False, "aturan tidak dikenal"


def evaluate(consultation: Consultation) -> list[QaResult]:
    manual = {c.item_id: c for c in QaCheck.objects.filter(consultation=consultation)}
    results = []
    for item in QaItem.objects.filter(active=True):
        if item.rule == QaRule.MANUAL:
            check = manual.get(item.pk)
            passed, detail = (check.passed, check.note) if check else (False, "belum diperiksa")
        else:
            passed, detail = _automatic(consultation, item.rule)
        results.append(QaResult(item.pk, item.code, item.label, item.rule, passed, detail))
    return results
