"""Quotation marks: matched «...», “...” and "..." regions, outermost only.

A region never crosses a blank line (a paragraph break); an opening mark that is
never closed is ignored.  Nested quotes («... «قسد» ...») belong to the outer one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MARK = re.compile(r'[«»“”"]|\n[ \t\r]*\n')
_PAIRS = {"«": "»", "“": "”"}


class QuoteMarks(NamedTuple):
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    start: int  # the words inside, whitespace trimmed
    end: int


def quote_regions(text: str) -> list[QuoteMarks]:
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for match in _MARK.finditer(text):
        char, position = match.group(), match.start()
        if char.startswith("\n"):
            stack.clear()
            straight = None
        elif char == '"':
            if straight is None:
                straight = position
            else:
                regions.append((straight, position))
                straight = None
        elif char in _PAIRS:
            stack.append((char, position))
        else:
            while stack and _PAIRS[stack[-1][0]] != char:
                stack.pop()
            if stack:
                regions.append((stack.pop()[1], position))
    return [marks for marks in map(lambda r: _trimmed(text, *r), _outermost(regions)) if marks]


def _outermost(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(regions, key=lambda region: (region[0], -region[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _trimmed(text: str, open_at: int, close_at: int) -> QuoteMarks | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteMarks(open_at, close_at, start, end) if start < end else None
