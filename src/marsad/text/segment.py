"""Sentence segmentation for Arabic news text, as (start, end) offsets into the original.

Rules, in the order they apply:

* Blank lines separate blocks.  Inside a block a line break ends a segment when the
  line ends with terminal punctuation, or when the line is heading-like (short, with
  no final punctuation and no dangling last word).  Other line breaks are hard wraps
  and are joined: «بدأت معارك ... باقتحام» / «قسد» للمنطقة ...» is one sentence.
* Inside a segment, sentences end at . ! ? ؟ (and runs like ؟! or .»), never inside
  a matched «...» or “...” quote, never in a decimal number or after a one-letter
  abbreviation such as «د.».  Mid-line ellipses (.., ..., …) are headline-style
  pauses, not sentence ends: «للمزيد.. «حروب البادية».. مرحلة» stays one segment.
* The Arabic comma and semicolon (، ؛) never end a sentence.

Every function is linear in the length of the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .tokenize import arabic_letter_class, closing_punctuation_class

_CLOSERS = closing_punctuation_class()
_CLOSER_CHARS = "»”’\"')]}›"
_LINE = re.compile(r"([^\n\r\u2028\u2029]*)(?:\r\n|[\n\r\u2028\u2029]|\Z)")
_WORD = re.compile(r"[^\W_]+")
_BULLET_START = re.compile(r"^\s*(?:[-•*▪●◦–—]|\d{1,3}[.)-]\s)")
_CONTINUATION_START = re.compile(r"^\s*[،,؛;:)\]»”]")
# A sentence-ending run: terminal marks plus closing quotes/brackets after them.
_BOUNDARY = re.compile(rf"[.!?؟…]+[{_CLOSERS}]*")
_ARABIC_LETTER = re.compile(f"[{arabic_letter_class()}]")
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_QUOTE_CHARS = re.compile(r"[«»“”‹›\"]")

HEADING_MAX_WORDS = 5
# Hard-wrapped lines have similar lengths; a line followed by one this many times
# longer is a heading even when it has more than HEADING_MAX_WORDS words.
HEADING_LENGTH_RATIO = 3
# Last words after which a line cannot be finished (prepositions, conjunctions,
# relatives): a line ending with one of them is a hard wrap, however short.
DANGLING_WORDS = frozenset(
    """من في على إلى الى عن مع ضد بين حول عبر نحو لدى منذ حتى و ثم أو او أن ان إن لأن
    الذي التي الذين اللذين اللتين اللواتي ما لا لم لن قد كل بعد قبل عند خلال ضمن بسبب
    وفق وفقا بحسب حسب""".split()
)


class Span(NamedTuple):
    start: int
    end: int


def _line_matches(text: str) -> list[re.Match[str]]:
    matches = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        matches.append(match)
    return matches


def split_lines(text: str) -> list[Span]:
    """Lines as spans without their line terminators."""
    return [Span(match.start(), match.end(1)) for match in _line_matches(text)]


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text` as non-overlapping, whitespace-trimmed spans, in order."""
    sentences: list[Span] = []
    for chunk in _chunks(text):
        sentences.extend(_split_chunk(text, chunk))
    return sentences


def _chunks(text: str) -> list[Span]:
    """Runs of lines that read as one piece of running text (wraps joined)."""
    chunks: list[Span] = []
    lines = _line_matches(text)
    contents = [match.group(1) for match in lines]
    contents.append("")
    open_start: int | None = None
    for index, line in enumerate(lines):
        content = contents[index]
        if content.isspace() or not content:
            if open_start is not None:
                chunks.append(Span(open_start, lines[index - 1].end(1)))
                open_start = None
            continue
        continuing = open_start is not None
        if open_start is None:
            open_start = line.start()
        if not _joins_next(content, contents[index + 1], continuing):
            chunks.append(Span(open_start, line.end(1)))
            open_start = None
    if open_start is not None:
        chunks.append(Span(open_start, lines[-1].end(1)))
    return chunks


def _ends_with_terminal(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSER_CHARS)
    return bool(stripped) and stripped[-1] in ".!?؟…"


def _joins_next(line: str, next_line: str, continuing: bool) -> bool:
    """Whether the break after `line` is a hard wrap inside running text.

    `continuing` says the line itself continues a wrapped line: a heading never does.
    """
    if _ends_with_terminal(line):
        return False
    if not next_line or next_line.isspace() or _BULLET_START.match(next_line):
        return False
    if continuing or _CONTINUATION_START.match(next_line):
        return True
    words = _WORD.findall(line)
    if not words:
        return False
    if words[-1] in DANGLING_WORDS:
        return True
    if len(next_line.strip()) > HEADING_LENGTH_RATIO * len(line.strip()):
        return False  # a short line over a much longer one: a heading, not a wrap
    return len(words) > HEADING_MAX_WORDS


def _split_chunk(text: str, chunk: Span) -> list[Span]:
    protected = _quoted_regions(text, chunk)
    sentences: list[Span] = []
    start = chunk.start
    region = 0
    for match in _BOUNDARY.finditer(text, chunk.start, chunk.end):
        at = match.start()
        while region < len(protected) and protected[region][1] <= at:
            region += 1
        if region < len(protected) and protected[region][0] < at:
            continue  # inside a quote
        if not _is_sentence_end(text, match, chunk.end):
            continue
        sentences.append(Span(start, match.end()))
        start = match.end()
    sentences.append(Span(start, chunk.end))
    return [trimmed for span in sentences if (trimmed := _trim(text, span))]


def _is_sentence_end(text: str, match: re.Match[str], limit: int) -> bool:
    end = match.end()
    if end < limit and not text[end].isspace() and not _missing_space(text, match):
        return False  # "3.5", "U.S.", "..«" glued to the next word
    marks = match.group()
    if marks.startswith(("..", "…")):
        return _line_ends_after(text, end, limit)
    if marks[0] == "." and _is_abbreviation(text, match.start()):
        return False
    return True


def _missing_space(text: str, match: re.Match[str]) -> bool:
    """«انتهى.وقال»: a full stop between two Arabic words is a typo for «. »."""
    start = match.start()
    if match.group() != "." or start == 0:
        return False
    return bool(_ARABIC_LETTER.match(text, start - 1) and _ARABIC_LETTER.match(text, match.end()))


def _line_ends_after(text: str, index: int, limit: int) -> bool:
    while index < limit and text[index] in " \t":
        index += 1
    return index >= limit or text[index] in "\n\r\u2028\u2029"


def _is_abbreviation(text: str, dot: int) -> bool:
    """A single letter before the dot («د.», «م.», «U.»), preceded by a space or start."""
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    return dot == 1 or not text[dot - 2].isalpha()


def _quoted_regions(text: str, chunk: Span) -> list[tuple[int, int]]:
    """Matched quote regions, outermost only, in order; unmatched quotes are ignored."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for match in _QUOTE_CHARS.finditer(text, chunk.start, chunk.end):
        char, position = match.group(), match.start()
        if char == '"':
            if straight_open is None:
                straight_open = position
            else:
                regions.append((straight_open, position + 1))
                straight_open = None
        elif char in _QUOTE_PAIRS:
            stack.append((char, position))
        else:
            while stack and _QUOTE_PAIRS[stack[-1][0]] != char:
                stack.pop()  # an opener that was never closed
            if stack:
                _, opened = stack.pop()
                regions.append((opened, position + 1))
    regions.sort()
    return _outermost(regions)


def _outermost(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in regions:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None
