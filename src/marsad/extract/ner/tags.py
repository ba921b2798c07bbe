"""IOB tags: reading the spellings corpora use, and converting between tags and spans.

Marsad tags are IOB2 over PER, ORG, LOC and MISC (`B-PER`, `I-PER`, `O`).  Corpora
spell types their own way (ANERcorp `B-PERS`, AQMAR `B-MIS1`) and carry typos; the
spellings live in resources/ner/tag_aliases.tsv.  BIOES/BILOU tags are read too
(S/U as B, E/L as I); `to_bioes` and `to_iob2` convert what a CRF is trained on
(BIOES marks single-token names and name ends, which a CRF learns better) and back.

Spans follow conlleval: an entity starts at a B- tag, or at an I- tag whose type
differs from the token before it, and runs over the I- tags of its type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..tables import read_table

OUTSIDE = "O"
TYPES = ("PER", "ORG", "LOC", "MISC")
_PREFIXES = {"B": "B", "I": "I", "S": "B", "U": "B", "E": "I", "L": "I"}
_TAG = re.compile(r"^([BISUEL])[-_]*([A-Z]+\d*)")
_ONLY_OUTSIDE = re.compile(r"^[BI]?O+$")


class EntitySpan(NamedTuple):
    """Tokens [first, end) of one entity, and its type."""

    first: int
    end: int
    type: str


@lru_cache(maxsize=1)
def type_spellings() -> dict[str, str]:
    rows = read_table("ner/tag_aliases.tsv", ("spelling", "type"))
    return {row["spelling"].upper(): row["type"] for _, row in rows}


def normalise_tag(raw: str) -> str | None:
    """`B-PERS` -> `B-PER`, `b-misc` -> `B-MISC`, `o` -> `O`; None when unreadable."""
    tag = raw.strip().upper()
    if _ONLY_OUTSIDE.match(tag):
        return OUTSIDE
    match = _TAG.match(tag)
    if match is None:
        return None
    prefix, spelling = _PREFIXES[match.group(1)], match.group(2)
    spellings = type_spellings()
    entity_type = spellings.get(spelling) or spellings.get(spelling.rstrip("0123456789"))
    return f"{prefix}-{entity_type}" if entity_type else None


def spans_from_tags(tags: Sequence[str]) -> list[EntitySpan]:
    """Entities of one IOB sentence, conlleval style (a stray I- starts an entity)."""
    spans: list[EntitySpan] = []
    first, current = -1, None
    for index, tag in enumerate(tags):
        prefix, entity_type = _split(tag)
        continues = prefix == "I" and entity_type == current
        if current is not None and not continues:
            spans.append(EntitySpan(first, index, current))
            current = None
        if entity_type is not None and not continues:
            first, current = index, entity_type
    if current is not None:
        spans.append(EntitySpan(first, len(tags), current))
    return spans


def tags_from_spans(length: int, spans: Sequence[EntitySpan]) -> list[str]:
    """IOB2 tags for `length` tokens; spans must not overlap."""
    tags = [OUTSIDE] * length
    for span in spans:
        tags[span.first] = f"B-{span.type}"
        for index in range(span.first + 1, span.end):
            tags[index] = f"I-{span.type}"
    return tags


def to_bioes(tags: Sequence[str]) -> list[str]:
    """IOB2 -> BIOES: a one-token entity is S-, the last token of a longer one E-."""
    bioes = []
    for span in spans_from_tags(tags):
        if span.end - span.first == 1:
            bioes.append((span.first, f"S-{span.type}"))
            continue
        bioes.append((span.first, f"B-{span.type}"))
        bioes.extend((index, f"I-{span.type}") for index in range(span.first + 1, span.end - 1))
        bioes.append((span.end - 1, f"E-{span.type}"))
    out = [OUTSIDE] * len(tags)
    for index, tag in bioes:
        out[index] = tag
    return out


def to_iob2(tags: Sequence[str]) -> list[str]:
    """BIOES (or IOB2, unchanged) -> IOB2: S- becomes B-, E- becomes I-."""
    return [_TO_IOB2.get(tag[:2], "") + tag[2:] if tag[:2] in _TO_IOB2 else tag for tag in tags]


_TO_IOB2 = {"S-": "B-", "E-": "I-"}


def _split(tag: str) -> tuple[str | None, str | None]:
    if tag == OUTSIDE or "-" not in tag:
        return None, None
    prefix, entity_type = tag.split("-", 1)
    return prefix, entity_type
