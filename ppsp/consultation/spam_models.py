"""Which spam model the web app uses: the active SpamModelVersion, else the shipped one.

Retraining takes the seed corpus plus moderators' decisions (approved → legitimate,
marked spam → spam) and stores a new version; the old ones stay for the record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.spam import LabelledText, SpamModel, classify, default_model, load_corpus, train
from ppsp.consultation.models import Comment, CommentSource, CommentStatus, SpamModelVersion

_CACHE: dict[int, SpamModel] = {}


def active_model() -> SpamModel:
    row = SpamModelVersion.objects.filter(active=True).values_list("pk", flat=True).first()
    if row is None:
        return default_model()
    if row not in _CACHE:
        weights = SpamModelVersion.objects.values_list("weights", flat=True).get(pk=row)
        _CACHE.clear()
        _CACHE[row] = SpamModel.from_json(weights)
    return _CACHE[row]


def moderated_corpus() -> list[LabelledText]:
    """Moderators' decisions on web comments: shown → legitimate, spam → spam."""
    rows = Comment.objects.filter(
        source=CommentSource.WEB,
        status__in=[CommentStatus.APPROVED, CommentStatus.SPAM],
        moderated_by__isnull=False,
    ).values_list("body", "status")
    return [LabelledText(body, status == CommentStatus.SPAM, "moderasi") for body, status in rows]


def evaluate_on(model: SpamModel, corpus: list[LabelledText]) -> dict[str, int]:
    counts = {"tp": 0, "fp": 0, "tn": 0, "fn": 0}
    for row in corpus:
        spam = classify(row.text, model=model).spam
        key = ("t" if spam == row.spam else "f") + ("p" if spam else "n")
        counts[key] += 1
    return counts


@transaction.atomic
def spam_model_retrain(*, by: Any, holdout: Path | None = None) -> SpamModelVersion:
    """Train on seed + moderation decisions, store as the next version and activate it."""
    extra = moderated_corpus()
    corpus = [*load_corpus(), *extra]
    number = (SpamModelVersion.objects.aggregate(n=Max("number"))["n"] or 1) + 1
    model = train(corpus, version=f"v{number}")
    scores = evaluate_on(model, load_corpus(holdout)) if holdout else {}
    SpamModelVersion.objects.filter(active=True).update(active=False)
    row = SpamModelVersion.objects.create(
        number=number,
        weights=model.to_json(),
        trained_on={**model.trained_on, "moderasi": len(extra)},
        holdout=scores,
        active=True,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit_record(
        actor=by,
        obj=row,
        action=Action.CREATE,
        reason=f"Model spam dilatih ulang: {len(corpus)} teks ({len(extra)} dari moderasi).",
    )
    return row
