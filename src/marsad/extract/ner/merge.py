"""Turning CRF tags into entities and merging them with the rule layers' entities.

Span policy (docs/conventions.md): an entity covers the name without its proclitics.
The CRF tags whole words, so the first word of a CRF entity loses

* a conjunction or preposition before the article («والعراق» -> «العراق»; after ل the
  article's alef is not written, so only the preposition goes: «للتنظيم» -> «لتنظيم»);
* a conjunction or preposition without the article only when the linker knows the
  rest as a name and not the whole («وبغداد» -> «بغداد», but «وليد» stays).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Protocol

from ...model import Entity
from ...text import NormalizeOptions, Token, clitic_splits, normalize, split_clitics
from .tags import spans_from_tags

_STEM_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
_ARTICLE = "ال"
_DOUBLE_LAM = "لل"


class LinkTarget(Protocol):
    canonical: str
    kind: str
    type: str


class Linker(Protocol):
    def resolve(self, name: str) -> LinkTarget | None: ...


def crf_entities(text: str, tokens: Sequence[Token], tags: Sequence[str], linker: Linker | None = None) -> list[Entity]:
    entities = []
    for span in spans_from_tags(tags):
        first, last = tokens[span.first], tokens[span.end - 1]
        start = first.start + _proclitic_offset(text, first, last.end, linker)
        entity = Entity(start, last.end, text[start : last.end], span.type)
        target = linker.resolve(entity.text) if linker is not None else None
        if target is not None and target.type == entity.type:
            entity.canonical, entity.kind = target.canonical, target.kind
        entities.append(entity)
    return entities


def merge_entities(existing: Sequence[Entity], added: Sequence[Entity]) -> list[Entity]:
    """`existing` unchanged, plus every added entity that overlaps none of them (nor an
    earlier added one); in text order.  Unlinked persons take the fullest form of the
    name in the document as canonical («المهاجر» -> «أبو حسن المهاجر»)."""
    taken = sorted((entity.start, entity.end) for entity in existing)
    kept: list[Entity] = []
    for entity in sorted(added, key=lambda e: (e.start, -e.end)):
        if _overlaps(taken, entity.start, entity.end):
            continue
        kept.append(entity)
        taken.append((entity.start, entity.end))
        taken.sort()
    persons = [e for e in (*existing, *kept) if e.type == "PER"]
    for entity in kept:
        if entity.type == "PER" and entity.canonical is None:
            entity.canonical = _fullest_name(entity, persons)
            entity.kind = "person"
    return sorted((*existing, *kept), key=lambda e: (e.start, e.end))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(other_start < end and start < other_end for other_start, other_end in taken)


def _fullest_name(entity: Entity, persons: Sequence[Entity]) -> str:
    words = entity.text.split()
    best = entity.canonical or entity.text
    for other in persons:
        name = other.canonical if other.canonical and other.kind == "person" else other.text
        other_words = name.split()
        if len(other_words) > len(best.split()) and _contains(other_words, words):
            best = name
    return best


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _proclitic_offset(text: str, first: Token, end: int, linker: Linker | None) -> int:
    """Characters of `first` to leave out of the entity (0 when none)."""
    view = normalize(first.text, _STEM_VIEW)
    if not view:
        return 0
    prefix = split_clitics(view).prefix
    if prefix.endswith(_DOUBLE_LAM):
        return _skip_letters(first.text, len(prefix) - 1)
    if prefix.endswith(_ARTICLE) and prefix != _ARTICLE:
        return _skip_letters(first.text, len(prefix) - len(_ARTICLE))
    if linker is None or linker.resolve(text[first.start : end]) is not None:
        return 0
    for reading in clitic_splits(view)[1:]:
        if reading.prefix and not reading.suffix:
            offset = _skip_letters(first.text, len(reading.prefix))
            if linker.resolve(text[first.start + offset : end]) is not None:
                return offset
    return 0


def _skip_letters(word: str, letters: int) -> int:
    """Offset in `word` after its first `letters` letters and the marks attached to them."""
    seen = 0
    for index, char in enumerate(word):
        if char == "\u0640" or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        if seen == letters:
            return index
        seen += 1
    return len(word)
