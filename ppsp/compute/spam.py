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
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

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
DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_CORPUS = DATA_DIR / "spam_seed.jsonl"
SHIPPED_MODEL = DATA_DIR / "spam_model.json"
FORMAT = "ppsp-spam-logreg-tfidf/1"


@dataclass(frozen=True)
class Verdict:
    spam: bool
    score: float  # 0..1
    reasons: tuple[str, ...]


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


# --- features -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\."
    r"(?:com|net|org|xyz|info|biz|top|site|online|club|io|co|me|ly|vip|win|bet|live|shop|"
    r"link|id|ru|cn|kr|app|store|pro|cc|tk|ml|ga|gg|in|us|asia|fun|icu)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8\d{1,2}(?:[\s.-]?\d{2,5}){2,3}(?!\d)")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _deleet(word: str) -> str:
    """'g4c0r' → 'gacor', leaving plain numbers ('2031') and plain words alone."""
    if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
        return word.translate(_LEET)
    return word


def _words(text: str) -> list[str]:
    return [_deleet(w) for w in _WORD.findall(_normalise(text))]


def _urls(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;:!?)") for m in _URL.finditer(text)]


def features(text: str) -> list[str]:
    """Feature names of a text: words, word bigrams, character 3/4-grams, link/phone marks."""
    words = _words(text)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in pairwise(words)]
    for word in words:
        padded = f"<{word}>"
        for n in (3, 4):
            out += [f"c:{padded[i : i + n]}" for i in range(max(0, len(padded) - n + 1))]
    for url in _urls(text):
        out.append("s:url-gov" if _trusted_host(url) else "s:url")
    out += ["s:phone"] * len(_PHONE.findall(text))
    return out


# --- rules ----------------------------------------------------------------------------------

# Terms and their weight. Single words match whole (de-leeted) words; phrases match the
# normalised text with word boundaries. Kept conservative: words that occur in ordinary
# Indonesian planning talk ("bandar" as in Bandar Lampung, "bonus", "promo") weigh little.
SPAM_TERMS: Mapping[str, float] = {
    # gambling
    "judi": 0.6,
    "judol": 0.7,
    "gacor": 0.7,
    "maxwin": 0.7,
    "togel": 0.7,
    "casino": 0.6,
    "kasino": 0.6,
    "slot": 0.35,
    "slots": 0.45,
    "slot88": 0.7,
    "jackpot": 0.45,
    "jackpots": 0.45,
    "sbobet": 0.7,
    "baccarat": 0.6,
    "bakarat": 0.6,
    "roulette": 0.5,
    "poker": 0.45,
    "taruhan": 0.45,
    "sportsbook": 0.6,
    "parlay": 0.5,
    "scatter": 0.45,
    "bandarq": 0.7,
    "bandar judi": 0.7,
    "bandar togel": 0.7,
    "rtp live": 0.5,
    "free spins": 0.6,
    "pragmatic play": 0.5,
    "mahjong ways": 0.5,
    # massage and adult
    "pijat": 0.4,
    "massage": 0.45,
    "pijat plus": 0.6,
    "escort": 0.6,
    "kencan": 0.3,
    "sensual": 0.5,
    # loans, money, pills, fraud
    "pinjol": 0.5,
    "pinjaman online": 0.45,
    "tanpa jaminan": 0.3,
    "bi checking": 0.4,
    "airdrop": 0.5,
    "forex": 0.4,
    "crypto": 0.35,
    "bitcoin": 0.35,
    "profit": 0.25,
    "viagra": 0.7,
    "cialis": 0.7,
    "obat kuat": 0.6,
    "aborsi": 0.6,
    "penggugur kandungan": 0.6,
    "pelangsing": 0.4,
    "jual ijazah": 0.6,
    "backlink": 0.6,
    "jasa seo": 0.5,
    "followers": 0.35,
    "giveaway": 0.4,
    "undian": 0.25,
    "hadiah": 0.15,
    "bonus": 0.15,
    "deposit": 0.25,
    "promo": 0.1,
    "diskon": 0.1,
    "daftar sekarang": 0.25,
    "klik link": 0.25,
    "link di bio": 0.4,
    "link alternatif": 0.5,
    "anti blokir": 0.5,
    "replica": 0.4,
    "replika": 0.35,
}
_TERM_WORDS = {t: w for t, w in SPAM_TERMS.items() if " " not in t}
_TERM_PHRASES = {
    t: (re.compile(rf"(?<!\w){re.escape(t)}(?!\w)"), w) for t, w in SPAM_TERMS.items() if " " in t
}

_FOREIGN_SCRIPTS = (
    ("HANGUL", "korea"),
    ("CJK", "han"),
    ("HIRAGANA", "jepang"),
    ("KATAKANA", "jepang"),
    ("CYRILLIC", "kiril"),
    ("THAI", "thai"),
    ("DEVANAGARI", "devanagari"),
    ("GREEK", "yunani"),
    ("HEBREW", "ibrani"),
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EN = _wordset(
    "the and you your our now best free play with for this click here visit games website "
    "great post thanks thank is are of to in on get win money online top sites site real "
    "service call my me we it be bonus codes cheap buy order today join sign up"
)
_ID = _wordset(
    "yang dan di ke dari untuk ini itu tidak ada dengan kami saya kita pak bu sudah belum "
    "karena apa juga akan bisa masih warga desa mohon tolong agar atau pada dalam oleh "
    "harus perlu sebaiknya kenapa bagaimana sangat tapi tetapi jika kalau jangan ga gak"
)

_SHORTENERS = ("bit.ly", "s.id", "tinyurl", "t.co", "goo.gl", "cutt.ly", "shorturl", "rebrand.ly")
_TRUSTED_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".desa.id", ".mil.id", ".or.id")
_BAIT = re.compile(
    r"(?<!\w)(whats\s?app|wa\.me|t\.me|telegram|wechat|微信|line id|inbox|dm admin|"
    r"chat admin|hubungi (?:kami|admin)|hub\b|cs 24 jam|call now|contact us|order|pesan sekarang|"
    r"fast respon|admin 24 jam|wa\s*:?\s*(?=\+?\d))",
)


def _host(url: str) -> str:
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return re.split(r"[/:?#]", bare, maxsplit=1)[0]


def _trusted_host(url: str) -> bool:
    host = _host(url)
    return any(host.endswith(s) or host == s[1:] for s in _TRUSTED_SUFFIXES)


def _script_of(char: str) -> str | None:
    try:
        name = unicodedata.name(char)
    except ValueError:
        return None
    for prefix, label in _FOREIGN_SCRIPTS:
        if name.startswith(prefix):
            return label
    return None


def rule_hits(text: str) -> list[tuple[str, float]]:
    """(reason, weight) for every rule that fires on `text`, in a fixed order."""
    hits: list[tuple[str, float]] = []
    normalised = _normalise(text)
    words = _words(text)
    deleeted = " ".join(words)

    found = sorted({w for w in words if w in _TERM_WORDS})
    found += sorted(t for t, (rx, _) in _TERM_PHRASES.items() if rx.search(deleeted))
    for term in found:
        hits.append((f"kosakata:{term}", SPAM_TERMS[term]))

    letters = [c for c in normalised if c.isalpha()]
    scripts = Counter(s for s in map(_script_of, letters) if s)
    foreign = sum(scripts.values())
    if foreign >= 2:
        share = foreign / max(1, len(letters))
        label = ",".join(sorted(scripts))
        hits.append((f"aksara_asing:{label}", min(0.9, 0.55 + share)))

    en = sum(w in _EN for w in words)
    idn = sum(w in _ID for w in words)
    if len(words) >= 6 and en >= 3 and en > 2 * idn and en / len(words) > 0.2:
        hits.append(("bahasa_asing", 0.35))

    urls = _urls(text)
    untrusted = [u for u in urls if not _trusted_host(u)]
    if untrusted:
        weight = {1: 0.3, 2: 0.55}.get(len(untrusted), 0.75)
        if len(untrusted) / max(1, len(words)) > 0.1:
            weight = min(0.9, weight + 0.2)
        hits.append((f"tautan:{len(untrusted)}", weight))
    if any(any(s in _host(u) for s in _SHORTENERS) for u in urls):
        hits.append(("penyingkat_tautan", 0.45))

    phones = _PHONE.findall(text)
    bait = _BAIT.search(normalised)
    if phones and bait:
        hits.append(("kontak_iklan", 0.45))
    elif phones:
        hits.append(("nomor_telepon", 0.2))
    elif bait:
        hits.append(("ajakan_kontak", 0.2))

    if len(words) >= 8 and len(set(words)) / len(words) < 0.4:
        hits.append(("pengulangan", 0.5))
    lines = [ln.strip().casefold() for ln in text.splitlines() if ln.strip()]
    if len(lines) >= 3 and max(Counter(lines).values()) >= 3:
        hits.append(("baris_berulang", 0.35))

    symbols = sum(1 for c in text if unicodedata.category(c) in ("So", "Sk"))
    if symbols >= 3 or (symbols and symbols / max(1, len(text)) > 0.02):
        hits.append(("simbol_hiasan", 0.15))
    return hits


# --- classify -------------------------------------------------------------------------------


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


# --- training -------------------------------------------------------------------------------


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
