"""The document as the rhetoric matchers see it: words with clitic-aware keys, in sentences.

Built once per document from the tokens and sentences layers.  Every word keeps its
original offsets; keys (marsad.text.match_keys) are for matching only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from operator import and_, eq, itemgetter, not_, sub
from typing import NamedTuple

from ..text import Token
from ..text.tokenize import ARABIC, WORD
from ..views import TokenView, missing, word_forms

# Punctuation that may sit between two words of one phrase («داعش» الإرهابية).
SOFT_PUNCTUATION = frozenset("«»“”‹›\"'()[]-–ـ")
# Punctuation that ends a clause: phrases and extensions never cross it.
CLAUSE_PUNCTUATION = frozenset("،,؛;:.!?؟…")
QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "﴿": "﴾"}
MAX_QUOTE_WORDS = 80
_QUOTE_MARK = re.compile('[«»“”‹›﴿﴾"]')
_CLAUSE_MARK = re.compile(f"[{re.escape(''.join(sorted(CLAUSE_PUNCTUATION)))}]")
_SOFT_OR_SPACE = "".join(sorted(SOFT_PUNCTUATION)) + " \t\n\r\xa0\u200e\u200f"
_OPENERS_OR_SPACE = "".join(QUOTE_PAIRS) + '" \t\n\r\xa0\u200e\u200f'
# Short stems meet too many unrelated words through a preposition or a pronoun
# («كامل» = ك + «امل», «المهم» = «الم» + هم), so they match only these readings.
SAFE_PREFIXES = frozenset({"", "و", "ف", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال"})
# «معقوووول», «حلوووو»: letters stretched for emphasis in social media.
MIN_ACCUSATIVE = 5
_STRETCHED = re.compile(r"(.)\1{2,}")


def _match_keys(word: str) -> tuple[str, ...]:
    """marsad.text.match_keys(word), from the word's shared clitic readings."""
    keys = dict.fromkeys(word_forms(word).stem_keys)
    keys.pop("", None)
    return tuple(keys)


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    """match_keys of the word, plus those of its unstretched form when it has stretched letters."""
    keys = _match_keys(word)
    if _STRETCHED.search(word):
        unstretched = _STRETCHED.sub(r"\1", word)
        keys += tuple(key for key in _match_keys(unstretched) if key not in keys)
    if keys and keys[0].endswith("ا") and len(keys[0]) >= MIN_ACCUSATIVE:
        # the accusative alef of tanwin («سعيدًا», «شديدا») is not part of the stem
        keys += tuple(key[:-1] for key in keys if key.endswith("ا") and key[:-1] not in keys)
    return keys


Entry = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_ENTRIES: dict[str, Entry] = {}
ENTRIES_LIMIT = 300_000


def word_entry(word: str) -> Entry:
    """(form, keys, safe keys, tagged lookup keys) of a word, computed once per distinct word.

    Tagged keys index patterns by their first word: "k" + key (clitic-aware),
    "s" + safe key (short stems), "f" + form (exact words).
    """
    entry = _ENTRIES.get(word)
    if entry is None:
        keys = word_keys(word) or ("",)  # a lone tatweel or mark normalises to nothing
        safe = safe_keys(word) or keys[:1]
        if len(keys) == 1 and safe == keys:  # a word without clitics: one key
            tags = ("k" + keys[0], "s" + keys[0], "f" + keys[0])
        else:
            tags = tuple(dict.fromkeys(["k" + key for key in keys] + ["s" + key for key in safe] + ["f" + keys[0]]))
        entry = (keys[0], keys, safe, tags)
        if len(_ENTRIES) < ENTRIES_LIMIT:
            _ENTRIES[word] = entry
    return entry


def word_entries(words: list[str]) -> list[Entry]:
    """word_entry of every word (one dictionary look-up each for words seen before)."""
    entries = list(map(_ENTRIES.get, words))
    if None in entries:
        for index in missing(entries):
            entries[index] = word_entry(words[index])
    return entries


@lru_cache(maxsize=200_000)
def safe_keys(word: str) -> tuple[str, ...]:
    """Keys of the readings that strip only the article and/or و/ف (no preposition, no pronoun)."""
    forms = word_forms(word)
    keys = dict.fromkeys(key for reading, key in zip(forms.splits, forms.stem_keys) if reading.prefix in SAFE_PREFIXES and not reading.suffix)
    keys.pop("", None)
    return tuple(keys)


class Word(NamedTuple):
    start: int
    end: int
    text: str
    form: str  # the whole word, normalised
    keys: tuple[str, ...]  # every clitic reading, normalised; form first
    safe_keys: tuple[str, ...]  # readings without a preposition or pronoun (see SAFE_PREFIXES)
    sentence: int


class QuoteSegment(NamedTuple):
    opener: str
    end: int  # character offset just after the closing mark
    last_word: int  # index of the last word inside (or of the word before the opener if empty)


def _pair_quotes(marks: list[re.Match[str]]) -> list[tuple[int, int, str]]:
    """(opening offset, closing offset, opening mark) of matched quotes; unmatched marks are ignored."""
    closers = {closer: opener for opener, closer in QUOTE_PAIRS.items()}
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    pairs: list[tuple[int, int, str]] = []
    for match in marks:
        mark, position = match.group(), match.start()
        if mark in QUOTE_PAIRS:
            stack.append((mark, position))
        elif mark in closers:
            while stack and stack[-1][0] != closers[mark]:
                stack.pop()
            if stack:
                opener, opened = stack.pop()
                pairs.append((opened, position, opener))
        elif straight is None:
            straight = position
        else:
            pairs.append((straight, position, '"'))
            straight = None
    return pairs


_IS_WORD_KIND = frozenset((ARABIC, WORD)).__contains__
_FORM, _KEYS, _SAFE = itemgetter(0), itemgetter(1), itemgetter(2)


class DocumentView:
    """Words, sentence membership, links between neighbouring words, quoted segments.

    The words are parallel lists (`starts`, `ends`, `texts`, `forms`, `keys`,
    `safe_keys`, `sentence`), built with `map` for every document; `words` makes them
    `Word` tuples for readers who want one object per word.
    """

    def __init__(self, text: str, tokens: list[Token], sentences: list[tuple[int, int]], token_view: TokenView | None = None) -> None:
        """`token_view`: the document's shared view of `tokens`, when an analyser has one."""
        self.text = text
        self.sentences = sentences
        if token_view is None:
            token_view = TokenView(text, tokens, [start for start, _ in sentences])
        self._read_words(token_view)
        self.quote_after = self._quotes()
        self._words: list[Word] | None = None

    def _read_words(self, view: TokenView) -> None:
        """The words (Arabic and other scripts, not numbers), their sentence, and what lies
        between neighbours; only the gaps that are not one space are looked at in Python."""
        text = self.text
        indices = list(compress(range(len(view)), map(_IS_WORD_KIND, view.kinds)))
        self.starts = starts = list(map(view.starts.__getitem__, indices))
        self.ends = ends = list(map(view.ends.__getitem__, indices))
        self.texts = list(map(view.texts.__getitem__, indices))
        sentence = list(map(view.sentence_of.__getitem__, indices))
        if sentence and sentence[0] < 0:  # words before the first sentence count in it
            sentence = [max(number, 0) for number in sentence]
        self.sentence = sentence
        entries = word_entries(self.texts)
        self.forms = list(map(_FORM, entries))
        self.keys = list(map(_KEYS, entries))
        self.safe_keys = list(map(_SAFE, entries))
        # between words i and i+1: may they belong to one phrase, does a clause end there?
        same = list(map(eq, sentence, sentence[1:]))
        self.soft_link: list[bool] = same[:]
        self.clause_break: list[bool] = list(map(not_, same))
        one_space = map(and_, map((1).__eq__, map(sub, starts[1:], ends)), map(" ".__eq__, map(text.__getitem__, ends[:-1])))
        for index in compress(count(), map(not_, one_space)):
            gap = text[ends[index] : starts[index + 1]]
            self.soft_link[index] = same[index] and not gap.strip(_SOFT_OR_SPACE)
            self.clause_break[index] = not same[index] or _CLAUSE_MARK.search(gap) is not None
        if starts:
            self.soft_link.append(False)
            self.clause_break.append(True)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            self._words = list(map(Word._make, zip(self.starts, self.ends, self.texts, self.forms, self.keys, self.safe_keys, self.sentence)))
        return self._words

    def _quotes(self) -> dict[int, QuoteSegment]:
        """Word index -> the quoted segment that opens right after that word."""
        marks = list(_QUOTE_MARK.finditer(self.text))
        if not marks or not self.starts:
            return {}
        word_starts, word_ends = self.starts, self.ends
        segments: dict[int, QuoteSegment] = {}
        for opened, closed, opener in _pair_quotes(marks):
            before = bisect_right(word_ends, opened) - 1
            if before < 0 or self.text[word_ends[before] : opened].strip(_OPENERS_OR_SPACE):
                continue  # not right after a word
            first_inside = bisect_right(word_starts, opened)
            last_inside = bisect_right(word_starts, closed) - 1
            if last_inside - first_inside + 1 > MAX_QUOTE_WORDS:
                continue
            last = last_inside if last_inside >= first_inside else before
            segments.setdefault(before, QuoteSegment(opener, closed + 1, last))
        return segments
