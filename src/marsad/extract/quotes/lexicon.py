"""The quote lexicons (`resources/quotes/*.tsv`), normalised and indexed once.

`QuoteLexicon.word(text)` tells what one token is (a reporting verb, an attribution
word, a speaker head...), after stripping proclitics, and whether a preposition was
stripped («للمتحدث» is not a subject); `phrase(words)` finds multi-word markers
(«على لسان», «نقلا عن») at a position.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..tables import parse_field, read_rows
from ..words import normal, readings

ATTRIBUTION = "attribution"
COMPLEMENTIZER = "complementizer"
SPEAKER_HEAD = "speaker_head"
TITLE_HEAD = "title_head"
NAME_INTRO = "name_intro"
KUNYA = "kunya"
BOUNDARY = "boundary"
RANK = "rank"
ADJECTIVE = "adjective"
ROLES = frozenset({ATTRIBUTION, COMPLEMENTIZER, SPEAKER_HEAD, TITLE_HEAD, NAME_INTRO, KUNYA, BOUNDARY, RANK, ADJECTIVE})
MAX_PHRASE_WORDS = 4
# A preposition glued to a definite word («للتحالف», «بالوكالة»), known or not.
_PREPOSITION_WITH_ARTICLE = ("بال", "لل", "كال", "وبال", "ولل", "وكال", "فبال", "فلل")


@dataclass(frozen=True)
class WordInfo:
    """What one token is, once its proclitics are stripped."""

    stripped: int  # proclitic letters left out of the span («وقال» -> 1)
    preposition: bool  # a ب/ل/ك was stripped («للمتحدث», «بالوكالة»)
    verb: str | None  # the reporting verb's lemma
    roles: frozenset[str]
    participle: bool = False  # «قائلًا»: its subject is the main clause's


NOTHING = WordInfo(0, False, None, frozenset())


class QuoteLexicon:
    def __init__(
        self,
        verbs: dict[str, str],
        phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]],
        participles: frozenset[str] = frozenset(),
    ) -> None:
        self.verbs = verbs
        self.participles = participles
        self.phrases = phrases
        self._single = {words[0]: roles for candidates in phrases.values() for words, roles in candidates if len(words) == 1}
        self._starts_longer = {first for first, candidates in phrases.items() if len(candidates[0][0]) > 1}
        self.word = lru_cache(maxsize=100_000)(self._word)
        self.may_start_phrase = lru_cache(maxsize=100_000)(self._may_start_phrase)

    def _may_start_phrase(self, text: str) -> bool:
        """Whether a multi-word marker can start with this token (cheap filter before `phrase`)."""
        return any(first in self._starts_longer for _, first in readings(normal(text)))

    def _word(self, text: str) -> WordInfo:
        word = normal(text)
        for stripped, rest in readings(word):
            verb = self.verbs.get(rest)
            roles = self._single.get(rest, frozenset())
            if verb or roles:
                preposition = rest != word[stripped:] or (stripped > 0 and word[stripped - 1] in "بلك")
                return WordInfo(stripped, preposition, verb, roles, rest in self.participles)
        if word.startswith(_PREPOSITION_WITH_ARTICLE):
            return WordInfo(0, True, None, frozenset())
        return NOTHING

    def phrase(self, words: list[str]) -> tuple[int, frozenset[str]]:
        """(length, roles) of the longest multi-word marker starting at words[0]."""
        if not words:
            return 0, frozenset()
        for _, first in readings(words[0]):
            for phrase, roles in self.phrases.get(first, ()):
                if len(phrase) > 1 and tuple([first] + words[1 : len(phrase)]) == phrase:
                    return len(phrase), roles
        return 0, frozenset()


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    verbs: dict[str, str] = {}
    participles: set[str] = set()
    for row in read_rows("quotes/reporting_verbs.tsv", 3):
        for column in (1, 2):
            for form in row.fields[column].split():
                if form != "-":
                    verbs[normal(form)] = row.fields[0]
                    if column == 2:
                        participles.add(normal(form))
    grouped: dict[tuple[str, ...], set[str]] = defaultdict(set)
    path = "quotes/markers.tsv"
    for row in read_rows(path, 2):
        grouped[tuple(normal(row.fields[1]).split())].add(parse_field(path, row, _role, 0))
    phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = defaultdict(list)
    for words, roles in grouped.items():
        phrases[words[0]].append((words, frozenset(roles)))
    for candidates in phrases.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return QuoteLexicon(verbs, dict(phrases), frozenset(participles))


def _role(value: str) -> str:
    if value not in ROLES:
        raise ValueError(f"expected one of {', '.join(sorted(ROLES))}")
    return value
