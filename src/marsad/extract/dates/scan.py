"""From tokens to pieces: the words, numbers and marks the date grammar reads.

A token, or a run of tokens that forms a lexicon phrase («كانون الثاني», «أول من أمس»),
becomes a `Piece` when the lexicon gives it a role inside date expressions, when it is
a number, or when it is one of the few punctuation marks dates use («/», «-», «.», «(»,
«)», «،»).  Everything else is left out: the grammar knows two pieces are neighbours
when their token indices touch.  Words that only matter as context around an
expression («في» before a bare year, «صلاة» before «الجمعة») are looked up by the
grammar when it needs them, not turned into pieces.

A proclitic conjunction or preposition is stripped before the lookup («وأمس»,
«بيوم», «لعام», «للعام» -> «العام») and left outside the piece's span, as entity
spans leave it out («بالباغوز» -> «الباغوز»); «لل» keeps the whole word, since its
alef is not written.  Work is one pass over the tokens with one cached lookup per
distinct token text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from dataclasses import dataclass, field

from ...text import Token
from ...text.tokenize import ARABIC, NUMBER, PUNCT
from ...views import TokenView, missing
from ..words import normal, readings, skip_letters
from . import lexicon as lx

DATE_PUNCTUATION = frozenset("/-.()،,")
_DOTTED_DATE = re.compile(r"(\d{1,4})\.(\d{1,2})\.(\d{1,4})")
# Roles that only matter around an expression, never inside one.
CONTEXT_ROLES = frozenset(
    {lx.MONTH_CUE, lx.YEAR_CUE, lx.FUTURE_CUE, lx.TODAY_BEFORE, lx.WEEKDAY_BEFORE, lx.NAMED_HEAD}
)
# Roles that only follow another piece of an expression («التاسع من», «مارس الماضي», «1440 هـ»).
DEPENDENT_ROLES = CONTEXT_ROLES | {lx.OF, lx.QUALIFIER, lx.HIJRI, lx.GREGORIAN, lx.CARDINAL, lx.SAME}
# Roles an expression can begin with.
STARTING_ROLES = frozenset(
    {lx.TIME_OF_DAY, lx.DAY_WORD, lx.RELATIVE, lx.WEEKDAY, lx.ORDINAL, lx.MONTH, lx.UNIT, lx.THIS, lx.AGO, lx.LATER}
)


@dataclass(slots=True)
class Piece:
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets in the original text, clitics excluded
    end: int
    sentence: int
    values: dict[str, object] = field(default_factory=dict)  # role -> value (lexicon entries)
    number: int | None = None
    digits: int = 0
    punct: str | None = None
    dotted: tuple[str, str, str] | None = None  # «20.3.2019» as one token

    def has(self, kind: str) -> bool:
        return kind in self.values

    def get(self, kind: str):
        return self.values.get(kind)

    @property
    def can_start(self) -> bool:
        return self.number is not None or self.dotted is not None or not STARTING_ROLES.isdisjoint(self.values)


@dataclass
class Scan:
    """The pieces of one text, plus what the grammar needs to look around them."""

    pieces: list[Piece]
    tokens: list[Token]
    sentence_starts: list[int]  # start offset of every sentence
    sentence_of: list[int] | None = None  # sentence of every token, when known

    def adjacent(self, left: Piece, right: Piece) -> bool:
        return right.first == left.last + 1 and right.sentence == left.sentence

    def sentence(self, index: int) -> int:
        """Index of the sentence token `index` starts in (the previous one between sentences)."""
        if self.sentence_of is not None:
            return self.sentence_of[index]
        return bisect_right(self.sentence_starts, self.tokens[index].start) - 1

    def word(self, index: int) -> str:
        """Normalised text of token `index`."""
        return normal(self.tokens[index].text)

    def kind(self, index: int) -> str:
        return self.tokens[index].kind


_NOTHING = ()  # what a token that plays no part is remembered as (falsy)
CACHE_LIMIT = 200_000


class Scanner:
    """Turns tokens into pieces with one lexicon; lookups are cached per token text."""

    def __init__(self, lexicon: lx.DateLexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, object] = {}

    def lookups(self, tokens: list[Token] | TokenView) -> list:
        """What each token can be, by its text alone: ("punct", mark), ("number", value,
        digits), ("dotted", parts), ("word" or "after", ((stripped, first word), ...)) or
        () when it plays no part; "after" words play a part only right after another piece.
        One dictionary look-up per token (through `map`: this runs on every token)."""
        view = tokens if isinstance(tokens, TokenView) else TokenView("", tokens, [])
        cache = self._cache
        found = list(map(cache.get, view.texts))
        if None in found:
            texts, kinds = view.texts, view.kinds
            for index in missing(found):
                if len(cache) > CACHE_LIMIT:
                    cache.clear()
                text = texts[index]
                found[index] = cache[text] = self._lookup(text, kinds[index]) or _NOTHING
        return found

    def _lookup(self, text: str, kind: str):
        if kind == NUMBER:
            word = normal(text)
            if word.isdigit() and word.isascii():
                return ("number", int(word), len(word))
            dotted = _DOTTED_DATE.fullmatch(word)
            return ("dotted", dotted.groups()) if dotted else None
        if kind == PUNCT:
            return ("punct", text) if text in DATE_PUNCTUATION else None
        if kind != ARABIC:
            return None
        starts = tuple(reading for reading in readings(normal(text)) if self.lexicon.starts_phrase(reading[1]))
        if not starts:
            return None
        roles = {entry.kind for _, first in starts for _, entries in self.lexicon.phrases[first] for entry in entries}
        return ("after" if roles <= DEPENDENT_ROLES else "word", starts)

    def scan(self, tokens: list[Token] | TokenView, sentence_starts: list[int] | None = None) -> Scan:
        """The pieces of a text: its tokens and sentence starts, or its token view."""
        if isinstance(tokens, TokenView):
            result = Scan([], tokens.tokens, tokens.sentence_starts, tokens.sentence_of)
        else:
            result = Scan([], tokens, sentence_starts or [])
        pieces = result.pieces
        found = self.lookups(tokens)
        next_free = 0
        for index in compress(range(len(found)), found):
            if index < next_free:
                continue  # inside a phrase already read
            value = found[index]
            if value[0] in ("punct", "after") and not (pieces and pieces[-1].last == index - 1):
                continue  # punctuation, «من», «الماضي», «هـ»... matter only right after a piece
            piece = self._piece(result, index, value)
            if piece is not None:
                pieces.append(piece)
                next_free = piece.last + 1
        return result

    def _piece(self, scan: Scan, index: int, found) -> Piece | None:
        tokens = scan.tokens
        token, sentence = tokens[index], scan.sentence(index)
        if found[0] == "number":
            return Piece(index, index, token.start, token.end, sentence, number=found[1], digits=found[2])
        if found[0] == "dotted":
            return Piece(index, index, token.start, token.end, sentence, dotted=found[1])
        if found[0] == "punct":
            return Piece(index, index, token.start, token.end, sentence, punct=found[1])
        longest = max(self.lexicon.phrase_length(first_word) for _, first_word in found[1])
        following = self._following_words(scan, index, sentence, longest - 1) if longest > 1 else []
        for stripped, first_word in found[1]:
            length, entries = self.lexicon.longest([first_word] + following)
            values = {entry.kind: entry.value for entry in reversed(entries) if entry.kind not in CONTEXT_ROLES}
            if length and values:
                last = index + length - 1
                start = token.start + skip_letters(token.text, stripped)
                return Piece(index, last, start, tokens[last].end, sentence, values)
        return None

    @staticmethod
    def _following_words(scan: Scan, index: int, sentence: int, count: int) -> list[str]:
        following = []
        for next_index in range(index + 1, min(index + 1 + count, len(scan.tokens))):
            if scan.sentence(next_index) != sentence:
                break
            following.append(scan.word(next_index))
        return following
