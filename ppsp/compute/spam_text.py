"""Text handling shared by the spam rules and the spam model: normalisation, words (with
digits read as letters), links and their hosts, Indonesian phone numbers, and the feature
names the model is trained on. Pure; see :mod:`ppsp.compute.spam` for the method.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

__all__ = [
    "PHONE",
    "features",
    "normalise",
    "text_urls",
    "text_words",
    "trusted_host",
    "url_host",
]

_WORD = re.compile(r"[^\W_]+")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\."
    r"(?:com|net|org|xyz|info|biz|top|site|online|club|io|co|me|ly|vip|win|bet|live|shop|"
    r"link|id|ru|cn|kr|app|store|pro|cc|tk|ml|ga|gg|in|us|asia|fun|icu)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8\d{1,2}(?:[\s.-]?\d{2,5}){2,3}(?!\d)")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_TRUSTED_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".desa.id", ".mil.id", ".or.id")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _deleet(word: str) -> str:
    """'g4c0r' → 'gacor', leaving plain numbers ('2031') and plain words alone."""
    if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
        return word.translate(_LEET)
    return word


def text_words(text: str) -> list[str]:
    return [_deleet(w) for w in _WORD.findall(normalise(text))]


def text_urls(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;:!?)") for m in _URL.finditer(text)]


def url_host(url: str) -> str:
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return re.split(r"[/:?#]", bare, maxsplit=1)[0]


def trusted_host(url: str) -> bool:
    host = url_host(url)
    return any(host.endswith(s) or host == s[1:] for s in _TRUSTED_SUFFIXES)


def features(text: str) -> list[str]:
    """Feature names of a text: words, word bigrams, character 3/4-grams, link/phone marks."""
    words = text_words(text)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a} {b}" for a, b in pairwise(words)]
    for word in words:
        padded = f"<{word}>"
        for n in (3, 4):
            out += [f"c:{padded[i : i + n]}" for i in range(max(0, len(padded) - n + 1))]
    for url in text_urls(text):
        out.append("s:url-gov" if trusted_host(url) else "s:url")
    out += ["s:phone"] * len(PHONE.findall(text))
    return out
