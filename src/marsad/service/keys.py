"""Search keys: how words and names are indexed and looked up.

A word is indexed under every reading `marsad.text.match_keys` gives it (with and
without clitics, normalised), so «بالباغوز», «للباغوز» and «الباغوز» share the key
«باغوز», and both «الوكالة» and «وكالة» carry «وكاله».  A query word matches a text
word when their key sets meet.  Names (actors, places) are compared by `name_key`:
the preferred key of each of their words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text import match_key, match_keys
from ..text.tokenize import arabic_letter_class, combining_mark_class

_LETTERS, _MARKS = arabic_letter_class(), combining_mark_class()
# The word and number tokens of marsad.text.tokenize (its Arabic, number and
# other-word alternatives), found without building a token for every punctuation
# mark: indexing runs this over every document.
WORD_PATTERN = re.compile(
    rf"[{_LETTERS}][{_LETTERS}{_MARKS}]*"
    r"|\d+(?:[.,٫٬]\d+)*"
    rf"|[^\W\d_{_LETTERS}](?:[^\W\d_{_LETTERS}]|[{_MARKS}])*(?:['’][^\W\d_]+)*"
)


class Word(NamedTuple):
    start: int
    end: int
    text: str


# The article with the proclitics that may precede it: ال بال كال وال فال وبال ... لل ولل فلل.
_ARTICLE = re.compile("[وف]?[بك]?ال|[وف]?لل")


@lru_cache(maxsize=500_000)
def word_keys(word: str) -> tuple[str, ...]:
    """Every key `word` is indexed under, reduced to letters and digits (what FTS tokenisers keep).

    One reading is left out: the literal form of a word that is another of its keys
    behind the article («الباغوز» = ال + «باغوز»).  Every word that could share that
    literal also carries the bare key (the stemmer never leaves an article inside a
    stem), so which words match which is unchanged, and the index is a fifth smaller.
    """
    keys: list[str] = []
    for key in match_keys(word):
        clean = "".join(char for char in key if char.isalnum())
        if clean and clean not in keys:
            keys.append(clean)
    if len(keys) > 1 and any(
        keys[0].endswith(key) and _ARTICLE.fullmatch(keys[0][: -len(key)]) for key in keys[1:]
    ):
        del keys[0]
    return tuple(keys)


def searchable_tokens(text: str) -> list[Word]:
    """Words and numbers of `text` with their offsets (what search indexes and highlights)."""
    make = tuple.__new__
    return [make(Word, (m.start(), m.end(), m.group())) for m in WORD_PATTERN.finditer(text)]


def text_terms(text: str) -> list[tuple[str, ...]]:
    """Keys of every searchable word of `text`, in order."""
    return [keys for keys in map(word_keys, WORD_PATTERN.findall(text)) if keys]


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """One key for a name: «تنظيم الدولة» -> «تنظيم دوله», "Islamic State" -> "islamic state"."""
    return " ".join(match_key(token.text) for token in searchable_tokens(name)).strip()


def optional_name_key(name: str | None) -> str | None:
    if not name:
        return None
    return name_key(name) or None
