"""Rule layer of the spam screen: spam vocabulary, foreign scripts, English adverts, links,
contact bait, repetition and decoration, each with a fixed weight ``w`` in (0, 1). The rule
score is the noisy-or ``r = 1 − Π(1 − w_i)`` (:func:`ppsp.compute.spam.classify`).
Pure and deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

from ppsp.compute.spam_text import PHONE, normalise, text_urls, text_words, trusted_host, url_host

__all__ = ["SPAM_TERMS", "rule_hits"]

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
_BAIT = re.compile(
    r"(?<!\w)(whats\s?app|wa\.me|t\.me|telegram|wechat|微信|line id|inbox|dm admin|"
    r"chat admin|hubungi (?:kami|admin)|hub\b|cs 24 jam|call now|contact us|order|pesan sekarang|"
    r"fast respon|admin 24 jam|wa\s*:?\s*(?=\+?\d))",
)


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
    normalised = normalise(text)
    words = text_words(text)
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

    urls = text_urls(text)
    untrusted = [u for u in urls if not trusted_host(u)]
    if untrusted:
        weight = {1: 0.3, 2: 0.55}.get(len(untrusted), 0.75)
        if len(untrusted) / max(1, len(words)) > 0.1:
            weight = min(0.9, weight + 0.2)
        hits.append((f"tautan:{len(untrusted)}", weight))
    if any(any(s in url_host(u) for s in _SHORTENERS) for u in urls):
        hits.append(("penyingkat_tautan", 0.45))

    phones = PHONE.findall(text)
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
