"""Search keys: how words and names are indexed and looked up.

A word is indexed under every reading `marsad.text.match_keys` gives it (with and
without clitics, normalised), so «بالباغوز», «للباغوز» and «الباغوز» share the key
«باغوز», and both «الوكالة» and «وكالة» carry «وكاله».  A query word matches a text
word when their key sets meet.  Names (actors, places) are compared by `name_key`:
the preferred key of each of their words.
"""

from __future__ import annotations

from functools import lru_cache

from ..text import match_key, match_keys, tokenize
from ..text.tokenize import ARABIC, NUMBER, WORD, Token

SEARCHABLE = (ARABIC, WORD, NUMBER)


@lru_cache(maxsize=500_000)
def word_keys(word: str) -> tuple[str, ...]:
    """Every key `word` is indexed under, reduced to letters and digits (what FTS tokenisers keep)."""
    keys: list[str] = []
    for key in match_keys(word):
        clean = "".join(char for char in key if char.isalnum())
        if clean and clean not in keys:
            keys.append(clean)
    return tuple(keys)


def searchable_tokens(text: str) -> list[Token]:
    return [token for token in tokenize(text) if token.kind in SEARCHABLE]


def text_terms(text: str) -> list[tuple[str, ...]]:
    """Keys of every searchable word of `text`, in order."""
    keys = word_keys
    terms = []
    for token in searchable_tokens(text):
        readings = keys(token.text)
        if readings:
            terms.append(readings)
    return terms


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """One key for a name: «تنظيم الدولة» -> «تنظيم دوله», "Islamic State" -> "islamic state"."""
    return " ".join(match_key(token.text) for token in searchable_tokens(name)).strip()


def optional_name_key(name: str | None) -> str | None:
    if not name:
        return None
    return name_key(name) or None
