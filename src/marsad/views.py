"""Working views shared by the analysers: a document's tokens read once, a word's forms
computed once.

Every rule-based layer (entities, dates, quotes, events, rhetoric) walks the same tokens,
asks which sentence each one is in and normalises and splits the same words.  Two things
spare them doing it each on its own:

* `token_view(analysis)`: the document's tokens as parallel lists (texts, starts, ends,
  kinds), the sentence of every token and the indices of the word tokens.  Built the
  first time an analyser asks for it (after `tokens` and `sentences`), kept in
  `analysis.views["token_view"]` for the analysers after it.  Parallel lists let a layer
  look every token up with `map` over `texts` instead of a Python loop.
* `word_forms(word)`: a word's normalised form and its clitic readings
  (`marsad.text.clitic_splits`), remembered per distinct word for the whole process (most
  words of a corpus repeat).  Each layer derives its own keys from them and remembers
  those itself.

Like the text layer these are matching aids: nothing here changes `Analysis.text`.
Imports only marsad.text and marsad.model (.importlinter: "views").
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, count, repeat
from operator import is_, itemgetter
from typing import NamedTuple

from .model import Analysis
from .text import CliticSplit, NormalizeOptions, Token, clitic_splits, normalize, tokenize
from .text.tokenize import ARABIC, NUMBER, WORD

WORD_KINDS = frozenset((ARABIC, WORD, NUMBER))
# Stemming decisions need ة kept apart from ه (marsad.text.stem); keys fold it afterwards.
SPLIT_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
FORMS_LIMIT = 200_000  # distinct words remembered by word_forms
VIEW_NAME = "token_view"
_STEM = itemgetter(1)  # CliticSplit.stem


class WordForms(NamedTuple):
    normal: str  # normalize(word): the form lexicons are keyed by
    split_view: str  # normalize(word, SPLIT_VIEW)
    splits: tuple[CliticSplit, ...]  # clitic_splits(split_view): the unsplit word first
    stem_keys: tuple[str, ...]  # normalize(split.stem) of every split, in the same order


_FORMS: dict[str, WordForms] = {}


def word_forms(word: str) -> WordForms:
    """The forms of `word`, computed once per distinct word (up to FORMS_LIMIT words)."""
    forms = _FORMS.get(word)
    if forms is None:
        split_view = normalize(word, SPLIT_VIEW)
        splits = tuple(clitic_splits(split_view))
        forms = WordForms(normal(word), split_view, splits, tuple(map(normal, map(_STEM, splits))))
        if len(_FORMS) < FORMS_LIMIT:
            _FORMS[word] = forms
    return forms


_NORMALS: dict[str, str] = {}


def missing(found: list) -> list[int]:
    """Indices of the None entries of `found`: the memo misses of a document's look-ups,
    listed without a Python loop over the hits (most tokens of a document)."""
    return list(compress(count(), map(is_, found, repeat(None))))


def normal(word: str) -> str:
    """normalize(word), remembered per distinct word."""
    found = _NORMALS.get(word)
    if found is None:
        found = normalize(word)
        if len(_NORMALS) < FORMS_LIMIT:
            _NORMALS[word] = found
    return found


class TokenView:
    """A document's tokens as parallel lists, with the sentence each token is in."""

    def __init__(self, text: str, tokens: list[Token], sentence_starts: list[int]) -> None:
        self.text = text
        self.tokens = tokens
        if tokens:
            starts, ends, texts, kinds = zip(*tokens)
            self.starts, self.ends, self.texts, self.kinds = list(starts), list(ends), list(texts), list(kinds)
        else:
            self.starts, self.ends, self.texts, self.kinds = [], [], [], []
        self.sentence_starts = sentence_starts
        self.sentence_of = _sentence_of(self.starts, sentence_starts)
        self._word_indices: list[int] | None = None
        self._normals: list[str] | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    @property
    def word_indices(self) -> list[int]:
        """Indices of the word tokens (Arabic, other scripts, numbers), in order."""
        if self._word_indices is None:
            kinds = WORD_KINDS.__contains__
            self._word_indices = list(compress(count(), map(kinds, self.kinds)))
        return self._word_indices

    @property
    def normals(self) -> list[str]:
        """normalize() of every token's text."""
        if self._normals is None:
            found = list(map(_NORMALS.get, self.texts))
            if None in found:
                texts = self.texts
                for index in missing(found):
                    found[index] = normal(texts[index])
            self._normals = found
        return self._normals


def _sentence_of(starts: list[int], sentence_starts: list[int]) -> list[int]:
    """Index of the sentence each token starts in: the last sentence starting at or before
    it (the previous one between sentences; -1 before the first)."""
    bounds = [bisect_left(starts, start) for start in sentence_starts]
    found = [-1] * (bounds[0] if bounds else len(starts))
    for number, (begin, end) in enumerate(zip(bounds, bounds[1:] + [len(starts)])):
        found += [number] * (end - begin)
    return found


def token_view(analysis: Analysis) -> TokenView:
    """The document's token view, built on first use and shared by the analysers after it."""
    view = analysis.views.get(VIEW_NAME)
    if view is None:
        tokens = analysis.views.get("tokens")
        if tokens is None:
            tokens = analysis.views["tokens"] = tokenize(analysis.text)
        view = analysis.views[VIEW_NAME] = TokenView(analysis.text, tokens, [s.start for s in analysis.sentences])
    return view
