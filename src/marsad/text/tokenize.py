"""Tokenisation into Arabic words, other words, numbers, punctuation and symbols.

Tokens are (start, end, text, kind) with offsets into the original string.  Arabic
words keep their diacritics and tatweel («لـ» is one token); numbers take Arabic or
Latin decimal and thousands separators («٣٫٥», «1,200»); a run of dots or of ؟/!
is one punctuation token; anything else that is not space is a punctuation or
symbol token (an emoji with its modifiers and joiners is one symbol).

The pattern is compiled with the standard `re` engine from character classes
derived from Unicode data at import time: on long texts it is several times faster
than Unicode-property classes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

ARABIC = "arabic"
WORD = "word"
NUMBER = "number"
PUNCT = "punct"
SYMBOL = "symbol"

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_TATWEEL = 0x0640


def _ranges_to_class(codepoints: list[int]) -> str:
    """A regex character class body for a sorted list of codepoints."""
    parts: list[str] = []
    start = previous = None
    for codepoint in codepoints + [None]:
        if start is not None and codepoint == previous + 1:
            previous = codepoint
            continue
        if start is not None:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        start = previous = codepoint
    return "".join(parts)


@lru_cache(maxsize=1)
def arabic_letter_class() -> str:
    """Arabic-script letters plus tatweel, as a character class body."""
    letters = [
        cp
        for low, high in _ARABIC_BLOCKS
        for cp in range(low, high + 1)
        if unicodedata.category(chr(cp)).startswith("L") or cp == _TATWEEL
    ]
    return _ranges_to_class(letters)


@lru_cache(maxsize=1)
def combining_mark_class() -> str:
    """Combining marks (harakat, Quranic marks, Latin accents)."""
    marks = [
        cp
        for low, high in ((0x0300, 0x036F),) + _ARABIC_BLOCKS
        for cp in range(low, high + 1)
        if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me")
    ]
    return _ranges_to_class(marks)


@lru_cache(maxsize=1)
def closing_punctuation_class() -> str:
    """Closing brackets and final quotes (Unicode Pe and Pf) plus straight quotes."""
    closers = [cp for cp in range(0x10000) if unicodedata.category(chr(cp)) in ("Pe", "Pf")]
    return _ranges_to_class(closers) + re.escape("\"'")


_EMOJI_TAIL = "\ufe0f\u20e3\U0001f3fb-\U0001f3ff"
@lru_cache(maxsize=1)
def punctuation_class() -> str:
    """Unicode punctuation (categories P*) in the Basic Multilingual Plane."""
    return _ranges_to_class([cp for cp in range(0x10000) if unicodedata.category(chr(cp)).startswith("P")])


# Alternatives are ordered by frequency in news text; the look-ahead lets the engine
# skip whitespace without trying every alternative at every space.
_TOKEN = re.compile(
    r"(?=\S)(?:"
    rf"([{arabic_letter_class()}][{arabic_letter_class()}{combining_mark_class()}]*)"  # 1 arabic
    r"|(\.{2,}|…+|[؟?!]+)"  # 2 punctuation runs
    rf"|([{punctuation_class()}])"  # 3 single punctuation
    r"|(\d+(?:[.,٫٬]\d+)*)"  # 4 number
    rf"|([^\W\d_{arabic_letter_class()}](?:[^\W\d_{arabic_letter_class()}]|[{combining_mark_class()}])*"
    r"(?:['’][^\W\d_]+)*)"  # 5 other words
    rf"|(.[{_EMOJI_TAIL}]*(?:\u200d[^\w\s][{_EMOJI_TAIL}]*)*)"  # 6 symbols and the rest
    r")",
    re.DOTALL,
)
_KINDS = (None, ARABIC, PUNCT, PUNCT, NUMBER, WORD, SYMBOL)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    kind: str


def tokenize(text: str) -> list[Token]:
    """All tokens of `text`, in order."""
    make = tuple.__new__
    kinds = _KINDS
    return [make(Token, (m.start(), m.end(), m.group(), kinds[m.lastindex])) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[Token]:
    """Word tokens only (Arabic and other scripts), for matching."""
    return [token for token in tokenize(text) if token.kind in (ARABIC, WORD)]
