"""Which words of a document a query matched, and snippets around them, in original offsets.

The same keys as the index decide: a text word matches a query word when their key
sets meet; a phrase needs its words one after another.  Highlights are (start, end)
offsets into the stored title or text, which are never rewritten.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Set as AbstractSet
from itertools import compress
from dataclasses import dataclass

from ..store import And, Not, Or, Phrase, Query, Term
from .keys import WORD_PATTERN, word_keys

SNIPPET_CHARS = 220
MAX_SNIPPETS = 2

Span = tuple[int, int]


@dataclass(frozen=True)
class Snippet:
    start: int
    end: int
    highlights: list[Span]  # offsets into the whole text, inside [start, end)


class Matcher:
    """A query evaluated word by word against a text (or several, e.g. title and body:
    a phrase never runs from one into the next).  Spans are offsets into the first text.

    With `wanted` (the keys a query looks up, see `query_keys`) only the words carrying
    one of them are indexed: a search highlights twenty documents of hundreds of words
    each, and most words are not in the query."""

    def __init__(self, *texts: str, wanted: AbstractSet[str] | None = None) -> None:
        self.by_key: dict[str, list[int]] = {}
        self.offsets: dict[int, Span] = {}  # position of an indexed word of the first text -> its offsets
        base = 0
        for number, text in enumerate(texts):
            matches = list(WORD_PATTERN.finditer(text))
            keys = list(map(word_keys, map(re.Match.group, matches)))
            positions = range(len(keys))
            if wanted is not None:  # the words that carry a wanted key, picked without a Python loop
                positions = compress(positions, map(operator.not_, map(wanted.isdisjoint, keys)))
            for index in positions:
                for key in keys[index]:
                    self.by_key.setdefault(key, []).append(base + index)
                if number == 0:
                    self.offsets[base + index] = matches[index].span()
            base += len(keys) + 1  # a gap, so positions of two texts are never adjacent

    def _term_positions(self, term: Term) -> set[int]:
        positions: set[int] = set()
        for key in term.keys:
            positions.update(self.by_key.get(key, ()))
        return positions

    def _phrase_starts(self, phrase: Phrase) -> list[int]:
        sets = [self._term_positions(term) for term in phrase.terms]
        return sorted(i for i in sets[0] if all(i + k in sets[k] for k in range(1, len(sets))))

    def matches(self, query: Query) -> bool:
        if isinstance(query, Term):
            return bool(self._term_positions(query))
        if isinstance(query, Phrase):
            return bool(self._phrase_starts(query))
        if isinstance(query, And):
            return all(self.matches(part) for part in query.parts)
        if isinstance(query, Or):
            return any(self.matches(part) for part in query.parts)
        if isinstance(query, Not):
            return not self.matches(query.part)
        raise TypeError(query)

    def spans(self, parts: list[Term | Phrase]) -> list[Span]:
        """Original offsets of every matched word or phrase, sorted, overlaps merged."""
        found: list[Span] = []
        offsets = self.offsets
        for part in parts:
            if isinstance(part, Term):
                found += [offsets[i] for i in self._term_positions(part) if i in offsets]
            else:
                width = len(part.terms) - 1
                found += [
                    (offsets[i][0], offsets[i + width][1]) for i in self._phrase_starts(part) if i + width in offsets
                ]
        return _merge(sorted(found))


def query_keys(query: Query | Iterable[Query]) -> frozenset[str]:
    """Every key a query (or several parts of one) looks up, negated parts included."""
    if isinstance(query, Term):
        return frozenset(query.keys)
    if isinstance(query, Phrase):
        return frozenset(key for term in query.terms for key in term.keys)
    if isinstance(query, (And, Or)):
        return query_keys(query.parts)
    if isinstance(query, Not):
        return query_keys(query.part)
    return frozenset().union(*(query_keys(part) for part in query))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippets(text: str, spans: list[Span], width: int = SNIPPET_CHARS, most: int = MAX_SNIPPETS) -> list[Snippet]:
    """Windows of about `width` characters around the densest groups of highlights."""
    if not spans:
        end = _word_end(text, min(len(text), width))
        return [Snippet(0, end, [])] if text else []
    windows: list[Snippet] = []
    remaining = list(spans)
    while remaining and len(windows) < most:
        best_start, best_count = 0, 0
        for i, (start, _end) in enumerate(remaining):
            count = sum(1 for s, e in remaining[i:] if e <= start + width)
            if count > best_count:
                best_start, best_count = i, count
        first = remaining[best_start]
        group = [span for span in remaining[best_start:] if span[1] <= first[0] + width] or [first]
        lead = max(0, (width - (group[-1][1] - first[0])) // 3)
        start = _word_start(text, max(0, first[0] - lead))
        end = _word_end(text, min(len(text), max(group[-1][1], start + width)))
        windows.append(Snippet(start, end, [s for s in spans if s[0] >= start and s[1] <= end]))
        remaining = [s for s in remaining if s[1] <= start or s[0] >= end]
    return sorted(windows, key=lambda snippet: snippet.start)


def _word_start(text: str, index: int) -> int:
    """Move back to the start of the word `index` falls in (never cut a word in two)."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index
