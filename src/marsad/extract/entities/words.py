"""A document's words as the entity layer sees them: offsets, readings, and breaks.

Quote marks are left out, so «وكالة «هاوار»» still reads as the phrase وكالة هاوار and
a name inside quotes is found like any other; every other punctuation mark stays as a
*break* that no phrase crosses.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ...text import Token
from ..gazetteer.keys import Reading, readings, skip_letters

QUOTE_MARKS = frozenset("«»“”„‟\"'‹›")
# Brackets count too: agencies are cited as «(واس)».
_OPENING = frozenset("«“„‟\"'‹(")
_CLOSING = frozenset("»”\"'›)")
_WORD_KINDS = frozenset(("arabic", "word", "number"))


class Word(NamedTuple):
    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]  # empty for a break (punctuation, symbols)
    keys: tuple[str, ...]  # the readings' keys, the word as written first

    @property
    def is_break(self) -> bool:
        return not self.readings

    @property
    def key(self) -> str:
        """The word as written, normalised ("" for a break)."""
        return self.keys[0] if self.keys else ""

    def start_after(self, skipped: int) -> int:
        """Original offset of the word's start once `skipped` proclitic letters are left out."""
        return self.start + skip_letters(self.text, skipped)


@lru_cache(maxsize=200_000)
def _word_parts(text: str) -> tuple[tuple[Reading, ...], tuple[str, ...]]:
    found = readings(text)
    return found, tuple(key for key, _ in found)


def document_words(tokens: list[Token]) -> list[Word]:
    make = tuple.__new__
    parts = _word_parts
    word_kinds = _WORD_KINDS
    found = []
    append = found.append
    for start, end, text, kind in tokens:
        if kind in word_kinds:
            found_readings, keys = parts(text)
            append(make(Word, (start, end, text, found_readings, keys)))
        elif text not in QUOTE_MARKS:
            append(make(Word, (start, end, text, (), ())))
    return found


def is_quoted(text: str, start: int, end: int) -> bool:
    """The span sits directly between quote marks or brackets: «النبأ», (واس)."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING
