"""Multi-word phrase matching with one Aho-Corasick automaton (pyahocorasick).

Each distinct token key becomes a code of CODE_WIDTH characters from a 64-letter
alphabet, so a phrase of n words is a pattern of n codes and a document is one code per
word: the automaton finds every phrase in one pass, and match positions divided by the
width are word indices (a match that does not start on a code boundary is discarded).
Codes are spelled in a small alphabet, not one character per key, because
pyahocorasick looks a node's transitions up one by one: a root with tens of thousands
of children makes every character cost tens of thousands of comparisons.

A word takes the first of its readings (see keys.py) that some phrase uses; a word no
phrase uses, and punctuation, become a filler code no pattern contains, so no match
crosses them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from ...views import missing
from .keys import Reading

V = TypeVar("V")
CODE_WIDTH = 3
_ALPHABET = 64
_FIRST_LETTER = 0x100
_FILLER = "\u0001" * CODE_WIDTH
_CACHE_LIMIT = 500_000  # distinct word readings remembered per matcher
_TEXT = attrgetter("text")
_CODE = itemgetter(0)


class PhraseMatch(NamedTuple, Generic[V]):  # a tuple: made for every match in every document
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
        self._chosen: dict[str, tuple[str, int]] = {}  # word as written -> its choice

    def _code(self, key: str) -> str:
        code = self._codes.get(key)
        if code is None:
            number = len(self._codes)
            if number >= _ALPHABET**CODE_WIDTH:
                raise ValueError(f"more than {_ALPHABET**CODE_WIDTH} distinct phrase words")
            letters = []
            for _ in range(CODE_WIDTH):
                number, digit = divmod(number, _ALPHABET)
                letters.append(chr(_FIRST_LETTER + digit))
            code = self._codes[key] = "".join(letters)
        return code

    def knows(self, key: str) -> bool:
        return key in self._codes

    def find(self, word_readings: Sequence[tuple[Reading, ...]]) -> list[PhraseMatch[V]]:
        """Every phrase occurrence (overlapping ones included), in order of their end."""
        if self._empty:
            return []
        return self._matches([self._choice(options) for options in word_readings])

    def find_words(self, words: Sequence[Any]) -> list[PhraseMatch[V]]:
        """`find` for a document's words (anything with .text and .readings), remembering
        each distinct word's choice: most words of a corpus repeat.  Runs several times on
        every document: the look-ups go through `map`, not a Python loop."""
        if self._empty:
            return []
        cache = self._chosen
        chosen = list(map(cache.get, map(_TEXT, words)))
        if None in chosen:
            for index in missing(chosen):
                word = words[index]
                choice = chosen[index] = self._choice(word.readings)
                if len(cache) < _CACHE_LIMIT:
                    cache[word.text] = choice
        return self._matches(chosen)

    def _matches(self, chosen: list[tuple[str, int]]) -> list[PhraseMatch[V]]:
        return self._matches_in("".join(map(_CODE, chosen)), chosen, 1)

    def _matches_in(self, codes: str, records: Sequence[tuple], skipped_at: int) -> list[PhraseMatch[V]]:
        """Matches in a document spelled in codes; records[i][skipped_at] is how many
        letters of word i are proclitics in the reading chosen."""
        matches = []
        make = tuple.__new__
        for end, (length, values) in self._automaton.iter(codes):
            start = end - length + 1
            if start % CODE_WIDTH:
                continue  # straddles two words' codes
            first = start // CODE_WIDTH
            matches.append(make(PhraseMatch, (first, end // CODE_WIDTH, values, records[first][skipped_at])))
        return matches

    def _choice(self, options: tuple[Reading, ...]) -> tuple[str, int]:
        """(code, letters skipped) of the first reading some phrase uses, or the filler."""
        codes = self._codes
        for key, skipped in options:
            code = codes.get(key)
            if code is not None:
                return code, skipped
        return _FILLER, 0


class WordLookups:
    """Several phrase matchers and key sets applied to the same words, with one memo
    look-up per distinct word for all of them (not one per matcher).

    `read(words)` looks a document's words up; on what it returns, `find(matcher)` is
    `matcher.find_words(words)` and `meeting(keys)` lists the words with a reading in
    `keys`.
    """

    def __init__(self, matchers: Sequence[PhraseMatcher], key_sets: Sequence[Collection[str]] = ()) -> None:
        self.matchers = tuple(matchers)
        self.key_sets = tuple(key_sets)
        self._matcher_at = {id(matcher): index for index, matcher in enumerate(self.matchers)}
        self._key_set_at = {id(keys): index for index, keys in enumerate(self.key_sets)}
        # word as written -> (code per matcher..., skipped per matcher..., meets per key set...)
        self._records: dict[str, tuple] = {}
        # Most words meet no phrase word and no key set: one set look-up per reading tells
        # them apart and they share one record.  (Matchers and key sets do not change once
        # built; the records above already rely on that.)
        self._known = frozenset().union(*(matcher._codes for matcher in self.matchers), *self.key_sets)
        self._unknown = (_FILLER,) * len(self.matchers) + (0,) * len(self.matchers) + (False,) * len(self.key_sets)

    def read(self, words: Sequence[Any]) -> LookedUp:
        """`words`: anything with .text, .readings and .keys (the readings' keys)."""
        records = list(map(self._records.get, map(_TEXT, words)))
        if None in records:
            for index in missing(records):
                records[index] = self._records.get(words[index].text) or self._record(words[index])
        return LookedUp(self, records)

    def _record(self, word: Any) -> tuple:
        if self._known.isdisjoint(word.keys):
            record = self._unknown
        else:
            choices = [matcher._choice(word.readings) for matcher in self.matchers]
            meets = [any(key in keys for key in word.keys) for keys in self.key_sets]
            record = tuple(code for code, _ in choices) + tuple(skipped for _, skipped in choices) + tuple(meets)
        if len(self._records) < _CACHE_LIMIT:
            self._records[word.text] = record
        return record


class LookedUp:
    """A document's words as `WordLookups.read` looked them up."""

    def __init__(self, lookups: WordLookups, records: list[tuple]) -> None:
        self.lookups = lookups
        self.records = records

    def find(self, matcher: PhraseMatcher[V]) -> list[PhraseMatch[V]]:
        """Every occurrence of the matcher's phrases, as `matcher.find_words` finds them."""
        if matcher._empty:
            return []
        at = self.lookups._matcher_at[id(matcher)]
        codes = "".join(map(itemgetter(at), self.records))
        return matcher._matches_in(codes, self.records, at + len(self.lookups.matchers))

    def meeting(self, keys: Collection[str]) -> list[int]:
        """Indices of the words with a reading in `keys` (one of the key sets given)."""
        at = 2 * len(self.lookups.matchers) + self.lookups._key_set_at[id(keys)]
        return list(compress(range(len(self.records)), map(itemgetter(at), self.records)))


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
