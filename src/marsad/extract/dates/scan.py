"""From tokens to pieces: the words, numbers and marks the date grammar reads.

Each token is normalised once (cached by its text).  A token, or a run of tokens that
forms a lexicon phrase («كانون الثاني», «أول من أمس»), becomes a `Piece` when the
lexicon knows it, when it is a number, or when it is one of the few punctuation
marks dates use («/», «-», «.», «(», «)», «،»).  Everything else is left out: the
grammar knows two pieces are neighbours when their token indices touch.

A proclitic conjunction or preposition is stripped before the lookup («وأمس»,
«بيوم», «لعام», «للعام» -> «العام») and left outside the piece's span, as entity
spans leave it out («بالباغوز» -> «الباغوز»); «لل» keeps the whole word, since its
alef is not written.  Work is one pass over the tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text import Token
from ...text.tokenize import ARABIC, NUMBER, PUNCT
from ..words import normal, readings, skip_letters
from .lexicon import DateLexicon, Entry

MAX_PHRASE_WORDS = 3
DATE_PUNCTUATION = frozenset("/-.()،,")
_DOTTED_DATE = re.compile(r"(\d{1,4})\.(\d{1,2})\.(\d{1,4})")


@dataclass(slots=True)
class Piece:
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets in the original text, clitics excluded
    end: int
    sentence: int
    entries: tuple[Entry, ...] = ()
    number: int | None = None
    digits: int = 0
    punct: str | None = None
    dotted: tuple[str, str, str] | None = None  # «20.3.2019» as one token

    def has(self, kind: str) -> bool:
        return any(entry.kind == kind for entry in self.entries)

    def get(self, kind: str):
        for entry in self.entries:
            if entry.kind == kind:
                return entry.value
        return None


@dataclass
class Scan:
    """The pieces of one text, plus what the grammar needs to look around them."""

    pieces: list[Piece]
    words: list[str]  # normalised text of every token
    kinds: list[str]  # token kind of every token
    sentences: list[int]  # sentence index of every token

    def adjacent(self, left: Piece, right: Piece) -> bool:
        return right.first == left.last + 1 and right.sentence == left.sentence


def scan(text: str, tokens: list[Token], sentence_of: list[int], lexicon: DateLexicon) -> Scan:
    words = [normal(token.text) for token in tokens]
    kinds = [token.kind for token in tokens]
    pieces: list[Piece] = []
    index = 0
    while index < len(tokens):
        piece = _piece_at(text, tokens, words, sentence_of, index, lexicon)
        if piece is None:
            index += 1
            continue
        pieces.append(piece)
        index = piece.last + 1
    return Scan(pieces, words, kinds, sentence_of)


def _piece_at(text, tokens, words, sentence_of, index, lexicon) -> Piece | None:
    token, word, kind = tokens[index], words[index], tokens[index].kind
    sentence = sentence_of[index]
    if kind == NUMBER:
        return _number_piece(token, word, index, sentence)
    if kind == PUNCT:
        if word in DATE_PUNCTUATION:
            return Piece(index, index, token.start, token.end, sentence, punct=word)
        return None
    if kind != ARABIC:
        return None
    for stripped, first_word in readings(word):
        if not lexicon.starts_phrase(first_word):
            continue
        following = _following_words(words, sentence_of, index)
        length, entries = lexicon.longest([first_word] + following)
        if length:
            last = index + length - 1
            start = skip_letters(token.text, stripped) + token.start
            return Piece(index, last, start, tokens[last].end, sentence, entries)
    return None


def _following_words(words: list[str], sentence_of: list[int], index: int) -> list[str]:
    following = []
    for next_index in range(index + 1, min(index + MAX_PHRASE_WORDS, len(words))):
        if sentence_of[next_index] != sentence_of[index]:
            break
        following.append(words[next_index])
    return following


def _number_piece(token: Token, word: str, index: int, sentence: int) -> Piece | None:
    if word.isdigit() and word.isascii():
        return Piece(index, index, token.start, token.end, sentence, number=int(word), digits=len(word))
    dotted = _DOTTED_DATE.fullmatch(word)
    if dotted:
        return Piece(index, index, token.start, token.end, sentence, dotted=dotted.groups())
    return None
