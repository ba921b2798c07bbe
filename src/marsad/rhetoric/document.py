"""The document as the rhetoric matchers see it: words with clitic-aware keys, in sentences.

Built once per document from the tokens and sentences layers.  Every word keeps its
original offsets; keys (marsad.text.match_keys) are for matching only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..text import NormalizeOptions, Token, clitic_splits, match_keys, normalize
from ..text.tokenize import ARABIC, WORD

# Punctuation that may sit between two words of one phrase («داعش» الإرهابية).
SOFT_PUNCTUATION = frozenset("«»“”‹›\"'()[]-–ـ")
# Punctuation that ends a clause: phrases and extensions never cross it.
CLAUSE_PUNCTUATION = frozenset("،,؛;:.!?؟…")
QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "﴿": "﴾"}
MAX_QUOTE_WORDS = 80
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


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    form: str  # the whole word, normalised
    keys: tuple[str, ...]  # every clitic reading, normalised; form first
    safe_keys: tuple[str, ...]  # readings without a preposition or pronoun (see SAFE_PREFIXES)
    sentence: int
    token: int  # index in the token list


@dataclass(frozen=True, slots=True)
class QuoteSegment:
    opener: str
    end: int  # character offset just after the closing mark
    last_word: int  # index of the last word inside (or of the word before the opener if empty)


class DocumentView:
    """Words, sentence membership, links between neighbouring words, quoted segments."""

    def __init__(self, text: str, tokens: list[Token], sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        starts = [start for start, _ in sentences]
        self.words: list[Word] = []
        for index, token in enumerate(tokens):
            if token.kind not in (ARABIC, WORD):
                continue
            keys = word_keys(token.text) or ("",)  # a lone tatweel or mark normalises to nothing
            sentence = max(bisect_right(starts, token.start) - 1, 0)
            safe = safe_keys(token.text) or keys[:1]
            self.words.append(Word(token.start, token.end, token.text, keys[0], keys, safe, sentence, index))
        self._link(tokens)
        self.quote_after = self._quotes(tokens)

    def _link(self, tokens: list[Token]) -> None:
        """soft_link[i]: words i and i+1 form a phrase; clause_break[i]: a clause ends after word i."""
        count = len(self.words)
        self.soft_link = [False] * count
        self.clause_break = [True] * count
        for i in range(count - 1):
            here, after = self.words[i], self.words[i + 1]
            between = [tokens[k].text for k in range(here.token + 1, after.token)]
            same_sentence = here.sentence == after.sentence
            self.soft_link[i] = same_sentence and all(mark in SOFT_PUNCTUATION for mark in between)
            self.clause_break[i] = not same_sentence or any(mark in CLAUSE_PUNCTUATION for mark in between)

    def _quotes(self, tokens: list[Token]) -> dict[int, QuoteSegment]:
        """Word index -> the quoted segment that opens right after that word."""
        word_at_token = {word.token: index for index, word in enumerate(self.words)}
        closers = {closer: opener for opener, closer in QUOTE_PAIRS.items()}
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        pairs: list[tuple[int, int, str]] = []
        for index, token in enumerate(tokens):
            mark = token.text
            if mark in QUOTE_PAIRS:
                stack.append((mark, index))
            elif mark in closers:
                while stack and stack[-1][0] != closers[mark]:
                    stack.pop()
                if stack:
                    opener, opened = stack.pop()
                    pairs.append((opened, index, opener))
            elif mark == '"':
                if straight is None:
                    straight = index
                else:
                    pairs.append((straight, index, '"'))
                    straight = None
        segments: dict[int, QuoteSegment] = {}
        for opened, closed, opener in pairs:
            before = self._word_before(tokens, opened, word_at_token)
            if before is None:
                continue
            inside = [word_at_token[k] for k in range(opened + 1, closed) if k in word_at_token]
            if len(inside) > MAX_QUOTE_WORDS:
                continue
            last = inside[-1] if inside else before
            segments.setdefault(before, QuoteSegment(opener, tokens[closed].end, last))
        return segments

    @staticmethod
    def _word_before(tokens: list[Token], opened: int, word_at_token: dict[int, int]) -> int | None:
        """The word right before an opening mark (other opening marks in between allowed)."""
        k = opened - 1
        while k >= 0 and tokens[k].text in QUOTE_PAIRS:
            k -= 1
        return word_at_token.get(k)

    def sentence_words(self) -> list[range]:
        """For each sentence, the range of its word indices."""
        ranges: list[range] = []
        start = 0
        for sentence in range(len(self.sentences)):
            end = start
            while end < len(self.words) and self.words[end].sentence == sentence:
                end += 1
            ranges.append(range(start, end))
            start = end
        return ranges
