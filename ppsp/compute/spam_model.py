"""Model layer of the spam screen: logistic regression over sublinear tf-idf features.

Inference needs only the weights (JSON, never pickle): ``p = σ(x·β + β₀)`` over the
l2-normalised ``(1 + ln tf)·idf`` vector of :func:`ppsp.compute.spam_text.features`; a text
with no known feature gives ``p = 0``. Training (:func:`train`) imports scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ppsp.compute.spam_text import features

__all__ = [
    "FORMAT",
    "SEED_CORPUS",
    "SHIPPED_MODEL",
    "LabelledText",
    "SpamModel",
    "load_corpus",
    "train",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_CORPUS = DATA_DIR / "spam_seed.jsonl"
SHIPPED_MODEL = DATA_DIR / "spam_model.json"
FORMAT = "ppsp-spam-logreg-tfidf/1"


@dataclass(frozen=True)
class LabelledText:
    text: str
    spam: bool
    source: str = ""


@dataclass(frozen=True, eq=False)
class SpamModel:
    """Weights of a tf-idf + logistic regression classifier, plain numbers only."""

    version: str
    vocabulary: Mapping[str, int]
    idf: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    trained_on: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.vocabulary)
        if len(self.idf) != n or len(self.coef) != n:
            raise ValueError("vocabulary, idf and coef must have the same length")

    def probability(self, text: str) -> float:
        """P(spam | text) from the model alone; 0.0 when no feature of `text` is known."""
        counts = Counter(f for f in features(text) if f in self.vocabulary)
        if not counts:
            return 0.0
        weights: list[tuple[int, float]] = []
        for name, tf in counts.items():
            index = self.vocabulary[name]
            weights.append((index, (1.0 + math.log(tf)) * self.idf[index]))
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        z = self.intercept + sum(self.coef[i] * w / norm for i, w in weights)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def to_dict(self) -> dict[str, Any]:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": FORMAT,
            "version": self.version,
            "trained_on": dict(self.trained_on),
            "intercept": round(self.intercept, 6),
            "features": names,
            "idf": [round(self.idf[self.vocabulary[n]], 5) for n in names],
            "coef": [round(self.coef[self.vocabulary[n]], 6) for n in names],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpamModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown spam model format: {data.get('format')!r}")
        names = list(data["features"])
        return cls(
            version=str(data["version"]),
            vocabulary={name: i for i, name in enumerate(names)},
            idf=tuple(float(v) for v in data["idf"]),
            coef=tuple(float(v) for v in data["coef"]),
            intercept=float(data["intercept"]),
            trained_on={str(k): int(v) for k, v in dict(data.get("trained_on", {})).items()},
        )

    @classmethod
    def from_json(cls, text: str) -> SpamModel:
        return cls.from_dict(json.loads(text))


def load_corpus(path: Path | None = None) -> list[LabelledText]:
    """The labelled JSON-lines corpus: {"label": "spam"|"ham", "text": ..., "source": ...}."""
    rows = []
    for line in (path or SEED_CORPUS).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["label"] not in ("spam", "ham"):
                raise ValueError(f"label must be spam or ham: {item['label']!r}")
            rows.append(LabelledText(item["text"], item["label"] == "spam", item.get("source", "")))
    return rows


def train(
    corpus: Sequence[LabelledText] | Iterable[LabelledText],
    *,
    version: str = "",
    c: float = 4.0,
) -> SpamModel:
    """Fit tf-idf (sublinear, l2) + logistic regression (liblinear, balanced) on `corpus`.

    Deterministic for a given corpus order. Needs both classes. scikit-learn is imported
    here only: classifying needs the weights alone.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = list(corpus)
    labels = [1 if r.spam else 0 for r in rows]
    if len(set(labels)) < 2:
        raise ValueError("training needs both spam and legitimate texts")
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, norm="l2", min_df=2)
    matrix = vectoriser.fit_transform([r.text for r in rows])
    classifier = LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0
    )
    classifier.fit(matrix, labels)
    vocabulary = {str(k): int(v) for k, v in vectoriser.vocabulary_.items()}
    return SpamModel(
        version=version or f"seed+{len(rows)}",
        vocabulary=vocabulary,
        idf=tuple(float(v) for v in vectoriser.idf_),
        coef=tuple(float(v) for v in classifier.coef_[0]),
        intercept=float(classifier.intercept_[0]),
        trained_on={"spam": sum(labels), "ham": len(labels) - sum(labels)},
    )
