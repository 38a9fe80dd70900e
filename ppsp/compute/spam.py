"""Spam screening for comments on a public consultation (konsultasi publik, Proses 5).

Source: ``anchors-systems.md`` §7.2–7.4 (CONSUL and Decidim: spam floods on open comment
boxes; layered defences, a classifier trained on local data and retrained from moderators'
decisions) and ``seeds/001_*.txt``, whose last lines are a casino/massage advert pasted into
a public comment box — exactly what this module must hold for moderation.

Two layers, both pure and deterministic:

1. **Rules** with fixed weights ``w`` in (0, 1): known spam vocabulary (gambling, massage,
   loans, pills; also written with digits for letters, ``g4c0r``), letters of scripts foreign
   to an Indonesian consultation (Hangul, Han, Cyrillic, Thai, …), an English advert rather
   than Indonesian prose, link count and density (links to ``.go.id`` and other Indonesian
   public-sector domains are free), URL shorteners, contact bait (phone/WhatsApp/Telegram
   with "order/hubungi/daftar"), repetition (few distinct words, repeated lines) and
   decoration symbols. The rule score is the noisy-or ``r = 1 − Π(1 − w_i)``.
2. **Model**: logistic regression over sublinear tf-idf of word, word-bigram and character
   3–4-gram features (scikit-learn at training time; inference here needs nothing but the
   weights, kept as JSON — never pickle). ``p = σ(x·β + β₀)``; a text with no known feature
   gives no model evidence (``p = 0``).

Score (unitless, 0..1): ``s = 1 − (1 − r)(1 − p)``; spam when ``s ≥ THRESHOLD``. Reasons are
short stable codes (``kosakata:casino``, ``aksara_asing``, ``model``…) shown to moderators.

The shipped model (``data/spam_model.json``) is trained on ``data/spam_seed.jsonl``;
``python -m ppsp.compute.spam`` rebuilds it. Moderators' decisions give more labelled texts;
``train`` on seed + decisions returns a new :class:`SpamModel` that the web app stores.

Code: text handling and feature names in :mod:`ppsp.compute.spam_text`, the rules in
:mod:`ppsp.compute.spam_rules`, the model, corpus and training in
:mod:`ppsp.compute.spam_model`; this module combines them and keeps the stable interface
(``classify``, ``Verdict``, ``SpamModel``; DESIGN.md §4).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ppsp.compute.spam_model import SHIPPED_MODEL, LabelledText, SpamModel, load_corpus, train
from ppsp.compute.spam_rules import rule_hits
from ppsp.compute.spam_text import features

__all__ = [
    "THRESHOLD",
    "LabelledText",
    "SpamModel",
    "Verdict",
    "classify",
    "default_model",
    "features",
    "load_corpus",
    "rule_hits",
    "train",
]

THRESHOLD = 0.5


@dataclass(frozen=True)
class Verdict:
    spam: bool
    score: float  # 0..1
    reasons: tuple[str, ...]


@lru_cache(maxsize=1)
def default_model() -> SpamModel:
    """The model shipped in the repository (trained on the seed corpus)."""
    return SpamModel.from_json(SHIPPED_MODEL.read_text(encoding="utf-8"))


def classify(text: str, *, model: SpamModel | None = None) -> Verdict:
    """Rules + model: spam when ``1 − (1 − r)(1 − p) ≥ THRESHOLD`` (module docstring)."""
    hits = rule_hits(text)
    keep = 1.0
    for _, weight in hits:
        keep *= 1.0 - weight
    p = (model or default_model()).probability(text)
    score = min(1.0, max(0.0, 1.0 - keep * (1.0 - p)))
    reasons = [reason for reason, _ in hits]
    if p >= THRESHOLD:
        reasons.append("model")
    score = round(score, 4)
    return Verdict(spam=score >= THRESHOLD, score=score, reasons=tuple(reasons))


def main() -> None:  # pragma: no cover - a maintenance script
    """Rebuild the shipped model from the seed corpus: ``python -m ppsp.compute.spam``."""
    model = train(load_corpus(), version="seed-1")
    # Round-trip through the stored precision so the shipped file is what is tested.
    SHIPPED_MODEL.write_text(
        SpamModel.from_dict(model.to_dict()).to_json() + "\n", encoding="utf-8"
    )
    print(f"{SHIPPED_MODEL}: {len(model.vocabulary)} features, trained on {model.trained_on}")


if __name__ == "__main__":  # pragma: no cover
    main()
