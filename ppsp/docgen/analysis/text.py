"""Sentences with provenance: the building blocks of the drafted analysis (no Django).

Every number the analysis writes is a `Value`: its formatted text (Indonesian format,
`ppsp.docgen.fmt`) and the key of its source, either a headline figure of
`ppsp.core.figures.FIGURES` ("irs", "need_a", ...) or the bound-data key of the document
section it was read from ("tabel_5_2", "kkl_matrix", ...), optionally with "#detail".
`say` fills a template with values and keeps them with the sentence, so a test can trace
each number of a paragraph back to its source; `Paragraph.data_hash` hashes those values
(a Pokja edit stores it, a changed hash flags the edit as stale).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ppsp.docgen.fmt import id_number, parse_id_number

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Value:
    text: str
    source: str  # figure key or bound-data key, "#detail" optional


@dataclass(frozen=True)
class Sentence:
    text: str
    values: tuple[tuple[str, str], ...] = ()  # (source, text) of every inserted value

    @property
    def sources(self) -> set[str]:
        return {source for source, _text in self.values}


@dataclass
class Paragraph:
    """One drafted paragraph of a section; `key` is stable across re-renders."""

    key: str
    sentences: list[Sentence]
    edited_text: str | None = None  # the Pokja's text, when they edited this paragraph
    stale: bool = False  # the data changed since the Pokja edited it
    drafted_hash: str = field(default="", compare=False)

    @property
    def drafted(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def text(self) -> str:
        return self.drafted if self.edited_text is None else self.edited_text

    @property
    def edited(self) -> bool:
        return self.edited_text is not None

    @property
    def sources(self) -> set[str]:
        return {src for s in self.sentences for src in s.sources}

    @property
    def source_list(self) -> list[str]:
        return sorted(self.sources)

    @property
    def data_hash(self) -> str:
        """SHA-256 of the values the drafted sentences state (source and text, sorted)."""
        if self.drafted_hash:
            return self.drafted_hash
        values = sorted({v for s in self.sentences for v in s.values})
        raw = "\n".join(f"{source}\t{text}" for source, text in values)
        return hashlib.sha256(raw.encode()).hexdigest()


def say(template: str, **values: Words) -> Sentence:
    """Fill `template` ("{n} dari {total} desa") with values; plain str values are words
    (names, labels) and carry no provenance; a list of values is written as an
    Indonesian list ("a, b dan c") and keeps each value."""
    texts: dict[str, str] = {}
    kept: list[tuple[str, str]] = []
    for name, value in values.items():
        if isinstance(value, Value):
            texts[name] = value.text
            kept.append((value.source, value.text))
        elif isinstance(value, str):
            texts[name] = value
        else:
            texts[name] = join_words([v.text for v in value])
            kept += [(v.source, v.text) for v in value]
    return Sentence(template.format(**texts), tuple(kept))


Words = Value | str | Sequence[Value]


def words(**values: Words) -> dict[str, Words]:
    """Optional values for `say` (``**(words(a=...) if cond else words())``)."""
    return values


def paragraph(key: str, sentences: Iterable[Sentence | None]) -> Paragraph | None:
    kept = [s for s in sentences if s is not None and s.text]
    return Paragraph(key, kept) if kept else None


def numbers_in(text: str) -> list[str]:
    """The number tokens of a text ("12", "12,9", "38.266,4", "2027")."""
    return NUMBER.findall(text)


def untraced(sentence: Sentence) -> list[str]:
    """Number tokens of the sentence that no value of it states (should be empty)."""
    known = {n for _src, text in sentence.values for n in numbers_in(text)}
    return [n for n in numbers_in(sentence.text) if n not in known]


# ---- reading the bound tables back -------------------------------------------------


def num(cell: str) -> float | None:
    """A table cell in Indonesian format back to a number; "–" or text gives None."""
    try:
        return parse_id_number(cell)
    except ValueError:
        return None


def pct(part: float, whole: float) -> float:
    """part / whole in percent, 0 when whole is 0 (never outside 0–100 for 0 ≤ part ≤ whole)."""
    if whole <= 0:
        return 0.0
    return min(100.0, max(0.0, 100.0 * part / whole))


def v_int(value: float, source: str) -> Value:
    return Value(id_number(round(value)), source)


def v_dec(value: float, source: str, decimals: int = 1) -> Value:
    return Value(id_number(value, decimals), source)


def v_rp(value: float, source: str) -> Value:
    """An amount in Rp juta as the tables print it ("Rp 38.266,4 juta")."""
    return Value(f"Rp {v_dec(value, source).text} juta", source)


def v_pct(part: float, whole: float, source: str) -> Value:
    return Value(f"{id_number(pct(part, whole), 1)} %", source)


def v_text(text: str, source: str) -> Value:
    return Value(text, source)


def column(header: Sequence[str], name: str) -> int | None:
    """Index of the first header cell starting with `name` (case-insensitive)."""
    low = name.lower()
    for k, cell in enumerate(header):
        if cell.lower().startswith(low):
            return k
    return None


def join_words(items: Sequence[str]) -> str:
    """["a", "b", "c"] → "a, b dan c" (Indonesian list)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def to_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "key": p.key,
        "sentences": [{"text": s.text, "values": [list(v) for v in s.values]} for s in p.sentences],
        "edited_text": p.edited_text,
        "stale": p.stale,
    }


def from_dict(data: dict[str, Any]) -> Paragraph:
    return Paragraph(
        key=data["key"],
        sentences=[
            Sentence(s["text"], tuple((str(a), str(b)) for a, b in s.get("values", ())))
            for s in data.get("sentences", ())
        ],
        edited_text=data.get("edited_text"),
        stale=bool(data.get("stale", False)),
    )


def slug(text: str) -> str:
    """ "Air limbah domestik" → "air_limbah_domestik" (paragraph keys)."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
