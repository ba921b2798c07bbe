"""The search query language: words, "phrases", AND / OR / NOT, +word / -word, parentheses.

    الباغوز                      documents with «الباغوز», «بالباغوز», «للباغوز»...
    "قوات سوريا الديمقراطية"      the words in this order («...» and “...” work too)
    داعش الباغوز                  both words (AND is implied)
    داعش OR القاعدة               either
    داعش NOT القاعدة, داعش -القاعدة   the first without the second
    (حلب OR إدلب) +هجوم           grouping; + marks a word that must appear

Operators are written in capitals so that the Arabic words «او» or «و» are never
read as operators.  Every word becomes a `Term` holding its search keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Errors, MarsadError
from ..store import And, Not, Or, Phrase, Query, Term
from .keys import searchable_tokens, word_keys

QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“", "'": "'"}
OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True)
class _Token:
    kind: str  # word | phrase | ( | ) | AND | OR | NOT | + | -
    text: str = ""


def parse_query(text: str) -> Query:
    """The query tree, or MarsadError M323 (syntax) / M324 (nothing that must appear)."""
    parser = _Parser(text, _lex(text))
    query = parser.parse()
    if query is None or not _has_positive(query):
        raise MarsadError(Errors.M324, query=text)
    return query


def positive_parts(query: Query) -> list[Term | Phrase]:
    """Terms and phrases that count for a match (not under NOT), for highlighting."""
    if isinstance(query, (Term, Phrase)):
        return [query]
    if isinstance(query, Not):
        return []
    return [part for sub in query.parts for part in positive_parts(sub)]


def _has_positive(query: Query) -> bool:
    if isinstance(query, (Term, Phrase)):
        return True
    if isinstance(query, Not):
        return False
    if isinstance(query, Or):
        return all(_has_positive(part) for part in query.parts)
    return any(_has_positive(part) for part in query.parts)


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char))
            i += 1
        elif char in QUOTES:
            close = text.find(QUOTES[char], i + 1)
            if close < 0:
                raise MarsadError(Errors.M323, query=text, reason=f"the quote {char} is never closed")
            tokens.append(_Token("phrase", text[i + 1 : close]))
            i = close + 1
        elif char in "+-" and i + 1 < len(text) and not text[i + 1].isspace() and (i == 0 or text[i - 1].isspace() or text[i - 1] == "("):
            tokens.append(_Token(char))
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "()" and text[j] not in QUOTES:
                j += 1
            word = text[i:j]
            tokens.append(_Token(word) if word in OPERATORS else _Token("word", word))
            i = j
    return tokens


class _Parser:
    def __init__(self, source: str, tokens: list[_Token]) -> None:
        self.source = source
        self.tokens = tokens
        self.at = 0

    def error(self, reason: str) -> MarsadError:
        return MarsadError(Errors.M323, query=self.source, reason=reason)

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Query | None:
        query = self.or_expression()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek().kind!r}")
        return query

    def or_expression(self) -> Query | None:
        parts = [self.and_expression()]
        while self.peek() is not None and self.peek().kind == "OR":
            self.take()
            parts.append(self.and_expression())
        if any(part is None for part in parts) and len(parts) > 1:
            raise self.error("OR needs something on both sides")
        return _combine(Or, parts)

    def and_expression(self) -> Query | None:
        parts: list[Query | None] = []
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.take()
                if not parts or self.peek() is None or self.peek().kind in ("OR", ")", "AND"):
                    raise self.error("AND needs something on both sides")
                continue
            parts.append(self.unary())
        return _combine(And, parts)

    def unary(self) -> Query | None:
        token = self.take()
        if token.kind in ("NOT", "-"):
            if self.peek() is None or self.peek().kind in ("OR", ")", "AND"):
                raise self.error(f"{token.kind} needs a word after it")
            part = self.unary()
            return Not(part) if part is not None else None
        if token.kind == "+":
            return self.unary()
        if token.kind == "(":
            inner = self.or_expression()
            if self.peek() is None or self.take().kind != ")":
                raise self.error("a parenthesis is never closed")
            return inner
        if token.kind == ")":
            raise self.error("a closing parenthesis has no opening one")
        return _words(token.text, phrase=token.kind == "phrase")


def _combine(kind: type, parts: list[Query | None]) -> Query | None:
    kept = [part for part in parts if part is not None]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else kind(tuple(kept))


def _words(text: str, phrase: bool) -> Query | None:
    """A typed word or phrase as Terms; a word with inner punctuation («الولايات-المتحدة») is a phrase."""
    terms = [Term(word_keys(token.text), token.text) for token in searchable_tokens(text)]
    terms = [term for term in terms if term.keys]
    if not terms:
        return None
    if len(terms) == 1:
        return terms[0]
    return Phrase(tuple(terms))
