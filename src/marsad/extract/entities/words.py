"""A document's words as the entity layer sees them: offsets, readings, and breaks.

Quote marks are left out, so «وكالة «هاوار»» still reads as the phrase وكالة هاوار and
a name inside quotes is found like any other; every other punctuation mark stays as a
*break* that no phrase crosses.
"""

from __future__ import annotations

from functools import partial
from itertools import compress
from operator import add
from typing import NamedTuple

from ...text import Token
from ...views import TokenView, missing
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
    is_break: bool  # no readings: punctuation, symbols (phrases never cross it)

    @property
    def key(self) -> str:
        """The word as written, normalised ("" for a break)."""
        return self.keys[0] if self.keys else ""

    def start_after(self, skipped: int) -> int:
        """Original offset of the word's start once `skipped` proclitic letters are left out."""
        return self.start + skip_letters(self.text, skipped) if skipped else self.start


_SKIPPED: tuple = ()  # quote marks: no word at all
_TAILS: dict[str, tuple] = {}  # token text -> (text, readings, keys, is_break), or _SKIPPED
_TAILS_LIMIT = 300_000
_make_word = partial(tuple.__new__, Word)


def _tail(text: str, kind: str) -> tuple:
    """Everything of a Word but its offsets, computed once per distinct token text."""
    if kind in _WORD_KINDS:
        found = readings(text)
        tail = (text, found, tuple(key for key, _ in found), not found)
    elif text in QUOTE_MARKS:
        tail = _SKIPPED
    else:
        tail = (text, (), (), True)
    if len(_TAILS) < _TAILS_LIMIT:
        _TAILS[text] = tail
    return tail


def document_words(tokens: list[Token] | TokenView) -> list[Word]:
    """The words of a document (quote marks left out, other marks kept as breaks).

    Runs for every document: the lists are built with `map` over the token view's
    parallel lists, one memo look-up per token."""
    view = tokens if isinstance(tokens, TokenView) else TokenView("", tokens, [])
    tails = list(map(_TAILS.get, view.texts))
    if None in tails:
        texts, kinds = view.texts, view.kinds
        for index in missing(tails):
            tails[index] = _TAILS.get(texts[index]) or _tail(texts[index], kinds[index])
    starts, ends = view.starts, view.ends
    if _SKIPPED in tails:
        kept = list(map(bool, tails))
        starts, ends, tails = compress(starts, kept), compress(ends, kept), list(compress(tails, kept))
    return list(map(_make_word, map(add, zip(starts, ends), tails)))


def is_quoted(text: str, start: int, end: int) -> bool:
    """The span sits directly between quote marks or brackets: «النبأ», (واس)."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING
