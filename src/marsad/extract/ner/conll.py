"""Reading CoNLL/IOB NER files into labelled sentences.

One `token TAG` pair per line (space or tab separated; with more columns the token is
the first and the tag the last, as in CoNLL-2003).  Sentences end at blank lines
(AQMAR) and after a run of sentence-final punctuation tokens (. ! ? ؟ … and the
middle dot and bullet that ANERcorp also ends sentences with; it has no blank lines).
A source may name a line range, `FILE:START-END` (1-based, inclusive), which is how
the standard ANERcorp split is taken.

Real corpora are noisy, so the reader repairs what it safely can and reports the rest
as `problems` instead of failing: invisible marks (RLM, LRM, BOM) are removed from
tokens, tokens left empty are dropped, tag typos are mapped (tags.py), a tag glued to
its token («.O») is split off, a swapped pair («B-PERS name») is put right, and an
unreadable tag becomes O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import Errors, MarsadError
from .tags import OUTSIDE, normalise_tag

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SENTENCE_FINAL = re.compile(r"^[.!?؟…·•]+$")  # ANERcorp ends sentences with «·» and «•» too
_GLUED_TAG = re.compile(r"^(.+?)((?:[BI]-[A-Za-z]+\d*)|O)$")
_RANGE = re.compile(r"^(?P<path>.+):(?P<first>\d+)-(?P<last>\d+)$")
MAX_PROBLEMS_KEPT = 50


@dataclass(frozen=True)
class ConllSource:
    """A CoNLL file, or a range of its lines."""

    path: Path
    first_line: int | None = None
    last_line: int | None = None

    @classmethod
    def parse(cls, spec: str | Path) -> ConllSource:
        """`FILE` or `FILE:START-END`; a file whose own name ends like a range wins."""
        text = str(spec)
        path = Path(text)
        match = _RANGE.match(text)
        if path.exists() or match is None:
            return cls(path)
        first, last = int(match["first"]), int(match["last"])
        if not 1 <= first <= last:
            raise MarsadError(Errors.M173, source=text)
        return cls(Path(match["path"]), first, last)

    def __str__(self) -> str:
        if self.first_line is None:
            return str(self.path)
        return f"{self.path}:{self.first_line}-{self.last_line}"

    def contains(self, line_number: int) -> bool:
        if self.first_line is None:
            return True
        return self.first_line <= line_number <= (self.last_line or line_number)


@dataclass(frozen=True)
class LabelledSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    line: int = 0  # line number of the first token
    source: str = ""  # the file (or line range) it was read from: its document


@dataclass
class ConllCorpus:
    source: str
    sentences: list[LabelledSentence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the first MAX_PROBLEMS_KEPT
    problem_count: int = 0

    @property
    def token_count(self) -> int:
        return sum(len(sentence.tokens) for sentence in self.sentences)

    def note(self, line: int, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(f"line {line}: {message}")


def read_conll(spec: str | Path | ConllSource) -> ConllCorpus:
    """Every labelled sentence of a CoNLL/IOB file (or line range); MarsadError M172 if none."""
    source = spec if isinstance(spec, ConllSource) else ConllSource.parse(spec)
    corpus = ConllCorpus(str(source))
    builder = _SentenceBuilder(corpus)
    for number, line in _numbered_lines(source):
        pair = _token_and_tag(line, number, corpus)
        if pair is None:
            if not line.strip():
                builder.close()
            continue
        builder.add(number, *pair)
    builder.close()
    if not corpus.sentences:
        raise MarsadError(Errors.M172, path=source, reason="no labelled tokens found")
    return corpus


def _numbered_lines(source: ConllSource) -> Iterator[tuple[int, str]]:
    try:
        with source.path.open(encoding="utf-8-sig", newline=None) as handle:
            for number, line in enumerate(handle, start=1):
                if source.last_line is not None and number > source.last_line:
                    break
                if source.contains(number):
                    yield number, line.rstrip("\n")
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=source.path) from None
    except IsADirectoryError:
        raise MarsadError(Errors.M172, path=source.path, reason="is a directory, not a file") from None
    except UnicodeDecodeError as error:
        raise MarsadError(Errors.M172, path=source.path, reason=f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def _token_and_tag(line: str, number: int, corpus: ConllCorpus) -> tuple[str, str] | None:
    """(token, normalised tag), or None for a blank line or a token that is only marks."""
    fields = _INVISIBLE.sub("", line).split()
    if not fields:
        return None
    if len(fields) == 1:
        return _single_field(fields[0], number, corpus)
    token, raw_tag = fields[0], fields[-1]
    tag = normalise_tag(raw_tag)
    if tag is None and normalise_tag(token) is not None:
        corpus.note(number, f"tag before token ({line.strip()!r}); swapped")
        token, tag = raw_tag, normalise_tag(token)
    if tag is None:
        corpus.note(number, f"unreadable tag {raw_tag!r}; read as O")
        tag = OUTSIDE
    return token, tag


def _single_field(text: str, number: int, corpus: ConllCorpus) -> tuple[str, str] | None:
    if normalise_tag(text) is not None:
        return None  # a blank (or invisible-only) token: nothing to learn from
    glued = _GLUED_TAG.match(text)
    if glued and normalise_tag(glued.group(2)) is not None:
        corpus.note(number, f"tag glued to its token ({text!r}); split")
        return glued.group(1), normalise_tag(glued.group(2))
    corpus.note(number, f"token without a tag ({text!r}); read as O")
    return text, OUTSIDE


class _SentenceBuilder:
    def __init__(self, corpus: ConllCorpus) -> None:
        self.corpus = corpus
        self.tokens: list[str] = []
        self.tags: list[str] = []
        self.first_line = 0
        self.after_final = False

    def add(self, number: int, token: str, tag: str) -> None:
        final = bool(_SENTENCE_FINAL.match(token))
        if self.after_final and not final:
            self.close()
        if not self.tokens:
            self.first_line = number
        self.tokens.append(token)
        self.tags.append(tag)
        self.after_final = final

    def close(self) -> None:
        if self.tokens:
            self.corpus.sentences.append(LabelledSentence(tuple(self.tokens), tuple(self.tags), self.first_line, self.corpus.source))
        self.tokens, self.tags, self.after_final = [], [], False
