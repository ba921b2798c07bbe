"""A found entity before it becomes a model.Entity: word indices plus what it refers to."""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Entry


@dataclass
class Mention:
    first: int  # first word index
    last: int  # last word index (inclusive)
    start: int  # original offsets, end exclusive
    end: int
    type: str  # PER | ORG | LOC | MISC
    canonical: str | None
    kind: str | None
    entry: Entry | None = None
    origin: str = "gazetteer"  # gazetteer | composition | name | coreference

    def words(self) -> range:
        return range(self.first, self.last + 1)


def claimed_words(mentions: list[Mention]) -> set[int]:
    return {index for mention in mentions for index in mention.words()}
