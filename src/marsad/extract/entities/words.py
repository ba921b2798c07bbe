"""A document's words as the entity layer sees them: offsets, readings, and breaks.

Quote marks are left out, so «وكالة «هاوار»» still reads as the phrase وكالة هاوار and
a name inside quotes is found like any other; every other punctuation mark stays as a
*break* that no phrase crosses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...text import Token
from ..gazetteer.keys import Reading, readings, skip_letters

QUOTE_MARKS = frozenset("«»“”„‟\"'‹›")
# Brackets count too: agencies are cited as «(واس)».
_OPENING = frozenset("«“„‟\"'‹(")
_CLOSING = frozenset("»”\"'›)")
_WORD_KINDS = frozenset(("arabic", "word", "number"))


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]  # empty for a break (punctuation, symbols)

    @property
    def is_break(self) -> bool:
        return not self.readings

    @property
    def key(self) -> str:
        """The word as written, normalised ("" for a break)."""
        return self.readings[0][0] if self.readings else ""

    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.readings)

    def start_after(self, skipped: int) -> int:
        """Original offset of the word's start once `skipped` proclitic letters are left out."""
        return self.start + skip_letters(self.text, skipped)


def document_words(tokens: list[Token]) -> list[Word]:
    found = []
    for token in tokens:
        if token.kind in _WORD_KINDS:
            found.append(Word(token.start, token.end, token.text, readings(token.text)))
        elif token.text not in QUOTE_MARKS:
            found.append(Word(token.start, token.end, token.text, ()))
    return found


def is_quoted(text: str, start: int, end: int) -> bool:
    """The span sits directly between quote marks or brackets: «النبأ», (واس)."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING
