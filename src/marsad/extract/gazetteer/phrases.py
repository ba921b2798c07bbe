"""Multi-word phrase matching with one Aho-Corasick automaton (pyahocorasick).

Each distinct token key becomes one character, so a phrase of n words is an n-character
pattern and a document is one character per word: the automaton then finds every phrase
in one pass, and match positions are word indices.  A word takes the first of its
readings (see keys.py) that some phrase uses; a word no phrase uses, and punctuation,
become a filler character no pattern contains, so no match crosses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from .keys import Reading

V = TypeVar("V")
_FILLER = "\u0001"
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class PhraseMatch(Generic[V]):
    first: int  # index of the first word
    last: int  # index of the last word (inclusive)
    values: tuple[V, ...]  # everything registered under the phrase
    skipped: int  # letters of the first word that are proclitics, not part of the phrase


class PhraseMatcher(Generic[V]):
    """Phrases (tuples of token keys) -> values; built once, used on many documents."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], V]]) -> None:
        self._codes: dict[str, str] = {}
        grouped: dict[str, list[V]] = {}
        for keys, value in phrases:
            if keys:
                grouped.setdefault("".join(self._code(key) for key in keys), []).append(value)
        self._automaton = ahocorasick.Automaton()
        for pattern, values in grouped.items():
            self._automaton.add_word(pattern, (len(pattern), tuple(values)))
        if grouped:
            self._automaton.make_automaton()
        self._empty = not grouped

    def _code(self, key: str) -> str:
        code = self._codes.get(key)
        if code is None:
            number = _FIRST_CODE + len(self._codes)
            if number >= _SURROGATES.start:
                number += len(_SURROGATES)
            code = self._codes[key] = chr(number)
        return code

    def knows(self, key: str) -> bool:
        return key in self._codes

    def find(self, word_readings: Sequence[tuple[Reading, ...]]) -> list[PhraseMatch[V]]:
        """Every phrase occurrence (overlapping ones included), in order of their end."""
        if self._empty:
            return []
        codes = self._codes
        chars: list[str] = []
        skips: list[int] = []
        for options in word_readings:
            for key, skipped in options:
                code = codes.get(key)
                if code is not None:
                    chars.append(code)
                    skips.append(skipped)
                    break
            else:
                chars.append(_FILLER)
                skips.append(0)
        matches = []
        for end, (length, values) in self._automaton.iter("".join(chars)):
            first = end - length + 1
            matches.append(PhraseMatch(first, end, values, skips[first]))
        return matches


def longest_first(matches: Iterable[PhraseMatch[V]]) -> list[PhraseMatch[V]]:
    """Non-overlapping matches, longer ones winning, then leftmost; in text order."""
    chosen: list[PhraseMatch[V]] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m.first - m.last, m.first)):
        span = range(match.first, match.last + 1)
        if any(index in taken for index in span):
            continue
        taken.update(span)
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.first)
