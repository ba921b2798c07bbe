"""A parsed search query whose words are already search keys.

The service layer parses what the user typed and turns every word into the keys it
may be indexed under (its readings with and without clitics); the backends compile
this tree into their own full-text syntax (FTS5 MATCH, PostgreSQL tsquery).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Term:
    """One query word: a document matches if one of its words has one of these keys."""

    keys: tuple[str, ...]
    text: str  # as typed, for messages


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other."""

    terms: tuple[Term, ...]


@dataclass(frozen=True)
class And:
    parts: tuple["Query", ...]


@dataclass(frozen=True)
class Or:
    parts: tuple["Query", ...]


@dataclass(frozen=True)
class Not:
    part: "Query"


Query = Union[Term, Phrase, And, Or, Not]


def has_phrase(query: Query) -> bool:
    if isinstance(query, Phrase):
        return True
    if isinstance(query, Not):
        return has_phrase(query.part)
    if isinstance(query, (And, Or)):
        return any(has_phrase(part) for part in query.parts)
    return False
