"""Word-level helpers shared by the rule-based analysers: normalised forms and
proclitic-stripped readings, cached by the word's text.

`readings(word)` lists (letters stripped, rest) for a normalised word: the word itself,
without a conjunction («و», «ف»), and without a preposition («ب», «ل», «ك») after it;
«لل» + X reads as «ال» + X with nothing stripped (the article's alef is not written,
so the span keeps the whole word).
"""

from __future__ import annotations

from functools import lru_cache

from ..views import normal

__all__ = ["normal", "readings", "skip_letters"]

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"


@lru_cache(maxsize=100_000)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    found = [(0, word)]
    conj = 1 if len(word) > 2 and word[0] in CONJUNCTIONS else 0
    for strip in (0, conj) if conj else (0,):
        rest = word[strip:]
        if strip:
            found.append((strip, rest))
        if len(rest) > 2 and rest[0] in PREPOSITIONS:
            if rest.startswith("لل"):
                found.append((0, "ال" + rest[2:]))
            else:
                found.append((strip + 1, rest[1:]))
    return tuple(dict.fromkeys(found))


def skip_letters(original: str, letters: int) -> int:
    """Offset in `original` after its first `letters` letters that survive normalisation
    (with the marks attached to them)."""
    position = 0
    while letters and position < len(original):
        if normal(original[position]):
            letters -= 1
        position += 1
        while position < len(original) and not normal(original[position]):
            position += 1
    return position
