"""Word patterns for lexicons: phrases, alternatives, gaps and quoted segments.

One small language serves every rhetoric resource.  A pattern is elements separated
by spaces:

    word        the word with any clitics («الإرهابية» matches «الإرهابية», «والإرهابية»...);
                an entry's leading article is ignored, so «الأمة» also matches «أمة»;
                a word of SHORT_KEY letters or fewer takes only the article and و/ف
                («ألم» matches «والألم» but not «المهم» or «كامل»)
    =word       exactly this word, no clitics («=كل» does not match «بكل»)
    a|b|=c      one of several words; an alternative of several words joins them
                with _ («ضد|بحق|=في_حق»)
    *           any one word
    ...  ...N   up to 8 (or N) words, never crossing a sentence end
    «»          a quoted segment right here («...», “...”, "...")
    ﴿﴾          a Qur'anic-bracket segment right here
    +N          (last) extend the span over up to N following words of the same clause

Words of a phrase must be neighbours (only quote marks, brackets or a hyphen between
them).  Patterns are indexed by their first element, so one pass over the words of a
document finds every match: per-document work is linear in its words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress
from typing import Generic, TypeVar

from ..text import normalize
from ..views import missing
from .document import DocumentView, word_entry

DEFAULT_GAP = 8
STARTING_CACHE = 500_000  # distinct word forms whose starting patterns are remembered
SHORT_KEY = 3
_QUOTE_OPENERS = {"«»": frozenset("«“‹\""), "﴿﴾": frozenset("﴿")}

Payload = TypeVar("Payload")


class PatternError(ValueError):
    pass


def entry_key(word: str) -> str:
    """The key a lexicon word is matched under: normalised, a leading article dropped."""
    form = normalize(word)
    if form.startswith("ال") and len(form) >= 5:
        return form[2:]
    return form


@dataclass(frozen=True, slots=True)
class Literal:
    keys: frozenset[str]  # clitic-aware: compared with every reading of a word
    short_keys: frozenset[str]  # compared with the safe readings only
    forms: frozenset[str]  # exact: compared with the whole normalised word

    def matches(self, view: DocumentView, index: int) -> bool:
        """Whether word `index` of the view is this word."""
        return (
            view.forms[index] in self.forms
            or not self.keys.isdisjoint(view.keys[index])
            or not self.short_keys.isdisjoint(view.safe_keys[index])
        )


@dataclass(frozen=True, slots=True)
class AnyWord:
    def matches(self, view: DocumentView, index: int) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class Gap:
    most: int


@dataclass(frozen=True, slots=True)
class Quoted:
    openers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Extend:
    most: int


Element = Literal | AnyWord | Gap | Quoted | Extend


def _literal(token: str) -> Literal:
    keys, short_keys, forms = set(), set(), set()
    for alternative in token.split("|"):
        if not alternative or alternative == "=":
            raise PatternError(f"empty alternative in {token!r}")
        if alternative.startswith("="):
            forms.add(normalize(alternative[1:]))
        else:
            key = entry_key(alternative)
            (short_keys if len(key) <= SHORT_KEY else keys).add(key)
    return Literal(frozenset(keys), frozenset(short_keys), frozenset(forms))


def expand(pattern: str) -> list[str]:
    """Patterns without multi-word alternatives: «a|b_c d» -> [«a d», «b c d»]."""
    expanded = [""]
    for token in pattern.split():
        single = [alt for alt in token.split("|") if "_" not in alt or alt.startswith("_")]
        multi = [alt.replace("_", " ") for alt in token.split("|") if "_" in alt and not alt.startswith("_")]
        options = (["|".join(single)] if single else []) + multi
        expanded = [f"{head} {option}".strip() for head in expanded for option in options]
    return expanded


def parse(pattern: str) -> tuple[Element, ...]:
    """A pattern without multi-word alternatives (see `expand`) as elements."""
    elements: list[Element] = []
    for token in pattern.split():
        if token == "*":
            elements.append(AnyWord())
        elif token.startswith("..."):
            elements.append(Gap(int(token[3:]) if token[3:] else DEFAULT_GAP))
        elif token in _QUOTE_OPENERS:
            elements.append(Quoted(_QUOTE_OPENERS[token]))
        elif token.startswith("+") and token[1:].isdigit():
            elements.append(Extend(int(token[1:])))
        else:
            elements.append(_literal(token))
    _validate(pattern, elements)
    return tuple(elements)


def _validate(pattern: str, elements: list[Element]) -> None:
    if not elements or not isinstance(elements[0], Literal):
        raise PatternError(f"{pattern!r} must start with a word")
    for index, element in enumerate(elements):
        following = elements[index + 1] if index + 1 < len(elements) else None
        if isinstance(element, Gap) and not isinstance(following, (Literal, AnyWord)):
            raise PatternError(f"{pattern!r}: a gap must be followed by a word")
        if isinstance(element, Extend) and following is not None:
            raise PatternError(f"{pattern!r}: +N must come last")


@dataclass(frozen=True)
class Match(Generic[Payload]):
    start: int
    end: int
    first_word: int
    last_word: int
    payload: Payload


Entry = tuple[int, tuple[Element, ...], object]  # (order added, elements, payload)


@dataclass
class PatternSet(Generic[Payload]):
    """Patterns with payloads, indexed by the tagged keys of their first word (see document.word_entry)."""

    first: dict[str, list[Entry]] = field(default_factory=dict)
    size: int = 0
    _order: int = 0
    _starting: dict[str, tuple[Entry, ...]] = field(default_factory=dict, repr=False)

    def add(self, pattern: str, payload: Payload) -> None:
        for variant in expand(pattern):
            elements = parse(variant)
            first = elements[0]
            assert isinstance(first, Literal)
            entry = (self._order, elements, payload)
            self._order += 1
            tags = ["k" + key for key in first.keys] + ["s" + key for key in first.short_keys]
            tags += ["f" + form for form in first.forms]
            for tag in tags:
                self.first.setdefault(tag, []).append(entry)
        self.size += 1
        self._starting.clear()

    def find(self, view: DocumentView, starts: list[int] | None = None) -> Iterator[Match[Payload]]:
        """Every match, in word order; at each starting word, each pattern matches at most once.

        `starts` limits the search to these word indices (a `Gate`'s answer for the document).
        """
        get = self._starting.get
        texts, word_starts, word_ends = view.texts, view.starts, view.ends
        indices = range(len(texts)) if starts is None else starts
        for index in indices:
            text = texts[index]
            entries = get(text)
            if entries is None:
                entries = self._entries_starting_with(text)
            for _, elements, payload in entries:
                found = _match(elements, 1, view, index, word_ends[index])
                if found is not None:
                    end, last = found
                    start = word_starts[index]
                    yield Match(start, _close_quotes(view.text, start, end), index, last, payload)  # type: ignore[arg-type]

    def _entries_starting_with(self, text: str) -> tuple[Entry, ...]:
        """The patterns whose first element matches this word, in the order added (cached per word)."""
        found: dict[int, Entry] = {}
        for tag in word_entry(text)[3]:
            for entry in self.first.get(tag, ()):
                found[entry[0]] = entry
        entries = tuple(found[order] for order in sorted(found))
        if len(self._starting) < STARTING_CACHE:
            self._starting[text] = entries
        return entries


class Gate:
    """The words of a document that can start a pattern of any of several sets.

    Most words start nothing; one look-up per word (cached per word form) spares
    every set its own pass over the document.
    """

    def __init__(self, *sets: PatternSet) -> None:
        self.tags = frozenset(tag for patterns in sets for tag in patterns.first)
        self._known: dict[str, bool] = {}

    def starts(self, view: DocumentView) -> list[int]:
        known, tags = self._known, self.tags
        texts = view.texts
        hits = list(map(known.get, texts))
        if None in hits:
            for index in missing(hits):
                text = texts[index]
                hit = known.get(text)
                if hit is None:
                    hit = not tags.isdisjoint(word_entry(text)[3])
                    if len(known) < STARTING_CACHE:
                        known[text] = hit
                hits[index] = hit
        return list(compress(range(len(hits)), hits))


_CLOSING = {"«": "»", "“": "”", "‹": "›", "﴿": "﴾"}


def _close_quotes(text: str, start: int, end: int) -> int:
    """Take in the closing marks of quotes opened inside the span: «إلى «الثأر لخليفتهم»» not «...لخليفتهم»."""
    for opener, closer in _CLOSING.items():
        missing = text.count(opener, start, end) - text.count(closer, start, end)
        while missing > 0 and end < len(text) and text[end] == closer:
            end += 1
            missing -= 1
    return end


def _match(elements: tuple[Element, ...], k: int, view: DocumentView, last: int, end: int) -> tuple[int, int] | None:
    """Match elements[k:] after word `last` (the span so far ends at `end`); (end, last word) or None."""
    if k == len(elements):
        return end, last
    element = elements[k]
    count = len(view.starts)
    if isinstance(element, (Literal, AnyWord)):
        following = last + 1
        if following < count and view.soft_link[last] and element.matches(view, following):
            return _match(elements, k + 1, view, following, view.ends[following])
        return None
    if isinstance(element, Gap):
        target = elements[k + 1]
        sentences = view.sentence
        sentence = sentences[last]
        for following in range(last + 1, min(last + 2 + element.most, count)):
            if sentences[following] != sentence:
                break
            if target.matches(view, following):  # type: ignore[union-attr]
                found = _match(elements, k + 2, view, following, view.ends[following])
                if found is not None:
                    return found
        return None
    if isinstance(element, Quoted):
        segment = view.quote_after.get(last)
        if segment is None or segment.opener not in element.openers:
            return None
        return _match(elements, k + 1, view, segment.last_word, segment.end)
    # Extend: the remaining words of the clause, at most element.most of them
    taken = 0
    while taken < element.most and last + 1 < count and not view.clause_break[last]:
        last += 1
        taken += 1
    return (view.ends[last] if taken else end), last
