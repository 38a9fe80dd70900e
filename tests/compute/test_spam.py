"""Spam screening (ppsp.compute.spam): the seed's casino text, held-out suites, properties.

The held-out suites (tests/data/spam_holdout.jsonl) share no text with the training corpus
(ppsp/compute/data/spam_seed.jsonl); the model never saw them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.spam import (
    SHIPPED_MODEL,
    LabelledText,
    SpamModel,
    Verdict,
    classify,
    default_model,
    features,
    load_corpus,
    rule_hits,
    train,
)

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "001_eed3904dc3b9ed45.txt"
HOLDOUT = load_corpus(DATA / "spam_holdout.jsonl")
HELD_SPAM = [r.text for r in HOLDOUT if r.spam]
HELD_HAM = [r.text for r in HOLDOUT if not r.spam]
PROPERTY = settings(database=None, deadline=None, max_examples=60)


def seed_spam_text() -> str:
    """The comment-box spam at the end of seeds/001 (from shared/ when present, else a copy)."""
    if SHARED_SEED.exists():
        text = SHARED_SEED.read_text(encoding="utf-8")
        return text[text.index("Slots - Mr. McD") :]
    return (DATA / "seed_spam.txt").read_text(encoding="utf-8")


def test_it_holds_the_casino_spam_of_the_seed_document() -> None:
    verdict = classify(seed_spam_text())
    assert verdict.spam
    assert verdict.score > 0.9
    assert any(r.startswith("aksara_asing") for r in verdict.reasons)
    assert "kosakata:casino" in verdict.reasons


def test_it_keeps_the_holdout_out_of_the_training_corpus() -> None:
    trained = {r.text for r in load_corpus()}
    assert not trained & {r.text for r in HOLDOUT}
    assert len(HELD_SPAM) >= 30
    assert len(HELD_HAM) >= 30


@pytest.mark.parametrize("text", HELD_SPAM)
def test_it_holds_every_held_out_spam_sample(text: str) -> None:
    assert classify(text).spam, text


def test_it_passes_legitimate_comments_with_at_most_one_false_positive() -> None:
    flagged = [t for t in HELD_HAM if classify(t).spam]
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize(
    "text",
    [
        "SAYA SANGAT KECEWA!!! Drainase depan rumah saya sudah 5 tahun tidak diperbaiki!!!",
        "tlg pak bupati, smpah di psar numpuk trs, bau bgt, kpn diangkut???",
        "Data lengkap ada di https://jdih.tanjabtimkab.go.id/perbup silakan dicek.",
        "Kami dari Universitas Jambi (https://www.unja.ac.id) siap membantu kajian.",
        "Bandar Lampung sudah punya IPLT, kenapa kita belum?",
        "Kalau ada pertanyaan hubungi saya di 0812 3456 7890, saya ketua RT 03.",
    ],
)
def test_it_lets_angry_misspelt_and_government_linked_comments_through(text: str) -> None:
    verdict = classify(text)
    assert not verdict.spam, verdict


def test_it_scores_links_by_number_and_trusts_government_domains() -> None:
    assert not [r for r, _ in rule_hits("Lihat https://bappeda.tanjabtimkab.go.id/ssk")]
    reasons = [r for r, _ in rule_hits("a http://x1.xyz b http://x2.top c http://x3.site")]
    assert "tautan:3" in reasons
    assert "penyingkat_tautan" in [r for r, _ in rule_hits("klaim di bit.ly/abc")]


def test_it_reads_digits_written_for_letters() -> None:
    assert "kosakata:gacor" in [r for r, _ in rule_hits("s1tus g4c0r")]
    assert "w:2031" in features("target 2031")  # plain numbers stay numbers


def test_it_gives_no_model_evidence_for_unknown_text() -> None:
    assert default_model().probability("") == 0.0
    verdict = classify("")
    assert verdict == Verdict(spam=False, score=0.0, reasons=())


@PROPERTY
@given(st.text(max_size=400))
def test_it_gives_a_deterministic_score_between_0_and_1(text: str) -> None:
    first = classify(text)
    assert 0.0 <= first.score <= 1.0
    assert first.spam == (first.score >= 0.5)
    assert classify(text) == first
    assert all(isinstance(r, str) and r for r in first.reasons)


@PROPERTY
@given(st.lists(st.sampled_from(HELD_HAM + HELD_SPAM), min_size=1, max_size=3), st.text())
def test_it_keeps_the_model_through_the_json_round_trip(parts: list[str], noise: str) -> None:
    model = default_model()
    again = SpamModel.from_json(model.to_json())
    text = " ".join(parts) + noise
    assert again.probability(text) == pytest.approx(model.probability(text), abs=1e-6)


def test_it_matches_scikit_learn_in_pure_inference() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    corpus = load_corpus()
    model = train(corpus)
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform([r.text for r in corpus])
    classifier = LogisticRegression(
        C=4.0, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0
    ).fit(matrix, [r.spam for r in corpus])
    sample = HELD_SPAM[:5] + HELD_HAM[:5]
    expected = classifier.predict_proba(vectoriser.transform(sample))[:, 1]
    for text, p in zip(sample, expected, strict=True):
        assert model.probability(text) == pytest.approx(p, abs=1e-9)


def test_it_ships_the_model_trained_on_the_seed() -> None:
    shipped = default_model()
    fresh = train(load_corpus(), version="seed-1")
    assert SHIPPED_MODEL.exists()
    assert shipped.trained_on == fresh.trained_on
    for text in HELD_SPAM + HELD_HAM:
        assert shipped.probability(text) == pytest.approx(fresh.probability(text), abs=1e-3)


def test_it_learns_a_new_kind_of_spam_on_retraining() -> None:
    new_kind = [
        f"Jual pupuk bersubsidi tanpa kartu tani harga miring stok {i} ton kirim ke gudang"
        for i in range(12)
    ]
    probe = "Jual pupuk bersubsidi tanpa kartu tani, stok banyak, kirim cepat"
    before = default_model().probability(probe)
    model = train(
        [*load_corpus(), *(LabelledText(t, True, "moderasi") for t in new_kind)], version="v2"
    )
    assert model.version == "v2"
    assert model.trained_on["spam"] == default_model().trained_on["spam"] + 12
    assert model.probability(probe) > max(0.5, before)
    assert classify(probe, model=model).spam


def test_it_needs_both_classes_for_training() -> None:
    with pytest.raises(ValueError, match="both"):
        train([LabelledText("gacor", True), LabelledText("slot", True)])
