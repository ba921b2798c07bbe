"""The document as the rhetoric matchers see it: words with clitic-aware keys, in sentences.

Built once per document from the tokens and sentences layers.  Every word keeps its
original offsets; keys (marsad.text.match_keys) are for matching only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from ..text import NormalizeOptions, Token, clitic_splits, match_keys, normalize
from ..text.tokenize import ARABIC, WORD

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
_END = float("inf")
# Short stems meet too many unrelated words through a preposition or a pronoun
# («كامل» = ك + «امل», «المهم» = «الم» + هم), so they match only these readings.
SAFE_PREFIXES = frozenset({"", "و", "ف", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال"})
_STEM_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
# «معقوووول», «حلوووو»: letters stretched for emphasis in social media.
MIN_ACCUSATIVE = 5
_STRETCHED = re.compile(r"(.)\1{2,}")


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    """match_keys of the word, plus those of its unstretched form when it has stretched letters."""
    keys = match_keys(word)
    unstretched = _STRETCHED.sub(r"\1", word)
    if unstretched != word:
        keys += tuple(key for key in match_keys(unstretched) if key not in keys)
    if keys and keys[0].endswith("ا") and len(keys[0]) >= MIN_ACCUSATIVE:
        # the accusative alef of tanwin («سعيدًا», «شديدا») is not part of the stem
        keys += tuple(key[:-1] for key in keys if key.endswith("ا") and key[:-1] not in keys)
    return keys


@lru_cache(maxsize=200_000)
def word_entry(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(form, keys, safe keys, tagged lookup keys) of a word, computed once per distinct word.

    Tagged keys index patterns by their first word: "k" + key (clitic-aware),
    "s" + safe key (short stems), "f" + form (exact words).
    """
    keys = word_keys(word) or ("",)  # a lone tatweel or mark normalises to nothing
    safe = safe_keys(word) or keys[:1]
    tags = tuple(dict.fromkeys(["k" + key for key in keys] + ["s" + key for key in safe] + ["f" + keys[0]]))
    return keys[0], keys, safe, tags


@lru_cache(maxsize=200_000)
def safe_keys(word: str) -> tuple[str, ...]:
    """Keys of the readings that strip only the article and/or و/ف (no preposition, no pronoun)."""
    view = normalize(word, _STEM_VIEW)
    keys = []
    for reading in clitic_splits(view):
        if reading.prefix in SAFE_PREFIXES and not reading.suffix:
            key = normalize(reading.stem)
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


class Word(NamedTuple):  # a tuple: built for every word of every document
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


class DocumentView:
    """Words, sentence membership, links between neighbouring words, quoted segments."""

    def __init__(self, text: str, tokens: list[Token], sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self.words: list[Word] = []
        self.soft_link: list[bool] = []  # words i and i+1 may belong to one phrase
        self.clause_break: list[bool] = []  # a clause ends between words i and i+1
        self._read_words(tokens)
        self.quote_after = self._quotes()

    def _read_words(self, tokens: list[Token]) -> None:
        """One pass over the word tokens: words, their sentence, and what lies between neighbours.

        Runs for every token of every document: locals and tuple unpacking on purpose.
        """
        text = self.text
        starts = [start for start, _ in self.sentences] + [_END, _END]
        sentence, next_start = 0, starts[1]
        words, soft_link, clause_break = self.words, self.soft_link, self.clause_break
        make, entry, clause_mark = tuple.__new__, word_entry, _CLAUSE_MARK.search
        previous_end, previous_sentence = -1, -1
        for start, end, word, kind in tokens:
            if kind != ARABIC and kind != WORD:
                continue
            while start >= next_start:
                sentence += 1
                next_start = starts[sentence + 1]
            if previous_end >= 0:
                same = previous_sentence == sentence
                gap = text[previous_end:start]
                if gap == " ":  # the common case
                    soft_link.append(same)
                    clause_break.append(not same)
                else:
                    soft_link.append(same and not gap.strip(_SOFT_OR_SPACE))
                    clause_break.append(not same or clause_mark(gap) is not None)
            form, keys, safe, _ = entry(word)
            words.append(make(Word, (start, end, word, form, keys, safe, sentence)))
            previous_end, previous_sentence = end, sentence
        if words:
            soft_link.append(False)
            clause_break.append(True)

    def _quotes(self) -> dict[int, QuoteSegment]:
        """Word index -> the quoted segment that opens right after that word."""
        marks = list(_QUOTE_MARK.finditer(self.text))
        if not marks or not self.words:
            return {}
        word_starts = [word.start for word in self.words]
        word_ends = [word.end for word in self.words]
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
