"""A document as the events layer reads it: words with their readings, sentences,
paragraphs and clauses, and the lexicon phrases, entities and dates found on them.

Word indices are the common coordinate: a trigger, a cue, an entity or a date covers
words first..last (inclusive).  A clause is a run of words inside one sentence that
ends at a boundary cue («فيما»، «بينما»...), at a colon or semicolon, or at the edge of
a quotation; an event's arguments are looked for in its clause first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...model import Analysis, DateMention, Entity
from ...text import Token
from ..gazetteer.keys import skip_letters
from .forms import Reading, norm, readings
from .lexicon import EventLexicon, Phrase, PhraseIndex

_WORD_KINDS = frozenset(("arabic", "word", "number"))
MIN_FAMILY_NAME = 4  # letters: shorter name ends are too often common words
VERB_PHRASE_GAP = 4  # words allowed between a verb and the rest of its phrase
_LONE_PARTICLES = frozenset(("ل", "ب", "ك", "و", "ف", "وب", "ول", "فب", "فل", "وك"))
_WORD_PREFIXES = frozenset(("", "و", "ف", "ال", "وال", "فال"))
# A verb takes a conjunction, the future «س» or the «ل» of purpose, never a preposition
# or the article («بطرد», «القصف» are nouns).
_VERB_PREFIXES = frozenset(("", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"))
# Cue roles of a word that makes the next one a noun («على استهداف», «بعد طرد»).
_NOUN_GOVERNORS = frozenset(("target", "source", "locative", "recipient", "with", "between", "head", "support"))
_CLAUSE_MARKS = frozenset(":;؛()")


@dataclass(frozen=True)
class Word:
    index: int
    start: int
    end: int
    text: str
    readings: tuple[Reading, ...]
    sentence: int
    quoted: bool  # inside a quotation (quotes layer)
    named: bool = False  # inside guillemets: a quotation, a name («الجبهة الوطنية») or a label

    @property
    def key(self) -> str:
        """The word as written, normalised ("" for a word of marks only)."""
        return self.readings[0].key if self.readings else ""


@dataclass(frozen=True)
class Found:
    """A lexicon phrase over words first..last; `reading` is how its first word was read."""

    phrase: Phrase
    first: int
    last: int
    reading: Reading


@dataclass(frozen=True)
class Named:
    """An entity over words first..last, with the proclitic letters its first word carries."""

    entity: Entity
    first: int
    last: int
    prefix: str


@dataclass(frozen=True)
class Dated:
    date: DateMention
    first: int
    last: int


class EventDocument:
    def __init__(self, analysis: Analysis, tokens: Sequence[Token], lexicon: EventLexicon, common_names: frozenset[str] = frozenset()) -> None:
        self.common_names = common_names  # given names and function words: no family names
        self.analysis = analysis
        self.text = analysis.text
        self.sentence_starts = [sentence.start for sentence in analysis.sentences] or [0]
        self.words: list[Word] = []
        self.clause_starts: set[int] = set()
        self.after_comma: set[int] = set()
        self._read_words(tokens)
        self.word_starts = [word.start for word in self.words]
        self.paragraph_of_sentence = self._paragraphs()
        self.cues = self._find(lexicon.cues, compete=lambda a, b: a.phrase.meaning == b.phrase.meaning)
        self.cue_roles: dict[int, set[str]] = {}
        for cue in self.cues:
            for index in range(cue.first, cue.last + 1):
                self.cue_roles.setdefault(index, set()).add(cue.phrase.meaning)
        self.triggers = self._find(lexicon.triggers, compete=lambda a, b: True, choose=self._verb_or_noun)
        self.soft_starts: set[int] = set()  # clauses that continue the one before (same sentence)
        for trigger in self.triggers:  # «...، وتبنى التنظيم الهجوم»: a new verb after a comma
            if trigger.phrase.is_verb and trigger.reading.prefix.startswith("و") and trigger.first in self.after_comma:
                self.clause_starts.add(trigger.first)
                self.soft_starts.add(trigger.first)
        for cue in self.cues:
            if cue.phrase.meaning == "boundary":
                self.clause_starts.add(cue.first)
        self.head_keys = set().union(*(cue.phrase.words[0] for cue in self.cues if cue.phrase.meaning == "head")) if self.cues else set()
        self.named = [self._named(entity) for entity in analysis.entities if entity.type != "DATE"]
        self.named = [named for named in self.named if named is not None]
        self.named = sorted(self.named + self._actor_anaphors(), key=lambda n: n.first)
        self.named = sorted(self.named + self._family_names(), key=lambda n: n.first)
        self.dated = [dated for dated in (self._dated(date) for date in analysis.dates) if dated is not None]
        self.date_words = {index for dated in self.dated for index in range(dated.first, dated.last + 1)}
        self._clause_bounds = self._clauses()

    # --- building -------------------------------------------------------------------

    def _read_words(self, tokens: Sequence[Token]) -> None:
        """Words with their sentence; a quotation (quotes layer) is a clause of its own
        and its words are `quoted` (names in guillemets, «قسد», are not quotations)."""
        quotes = sorted((quote.start, quote.end) for quote in self.analysis.quotes)
        quote_starts = [start for start, _ in quotes]
        sentence_starts = self.sentence_starts
        was_quoted = False
        guillemets = False
        for start, end, text, kind in tokens:
            if kind not in _WORD_KINDS:
                if text in _CLAUSE_MARKS:
                    self.clause_starts.add(len(self.words))
                if text in ("،", ","):
                    self.after_comma.add(len(self.words))
                if "«" in text:
                    guillemets = True
                if "»" in text:
                    guillemets = False
                continue
            position = bisect_right(quote_starts, start) - 1
            quoted = position >= 0 and start < quotes[position][1]
            if quoted != was_quoted:
                self.clause_starts.add(len(self.words))
                was_quoted = quoted
            sentence = max(bisect_right(sentence_starts, start) - 1, 0)
            if sentence != (self.words[-1].sentence if self.words else sentence):
                guillemets = False
            self.words.append(Word(len(self.words), start, end, text, readings(text), sentence, quoted, guillemets))

    def _paragraphs(self) -> list[int]:
        """Paragraph number of each sentence: a new one after a line break between sentences."""
        paragraphs = []
        number = 0
        sentences = self.analysis.sentences
        for index, sentence in enumerate(sentences):
            if index and "\n" in self.text[sentences[index - 1].end : sentence.start]:
                number += 1
            paragraphs.append(number)
        return paragraphs or [0]

    def _find(self, index: PhraseIndex, compete, choose=None) -> list[Found]:
        """Every phrase occurrence; of two that overlap and `compete`, the longer."""
        found: dict[tuple[int, str, str], Found] = {}
        words = self.words
        for word in words:
            for reading in word.readings:
                for phrase in index.starting_with(reading.key):
                    key = (word.index, phrase.form, phrase.meaning)
                    if key in found or not _fits(phrase, reading):
                        continue
                    last = self._rest_matches(phrase, word.index)
                    if last is not None:
                        found[key] = Found(phrase, word.index, last, reading)
        matches = list(found.values())
        if choose is not None:
            matches = choose(matches)
        return _longest_first(matches, compete)

    def _verb_or_noun(self, matches: list[Found]) -> list[Found]:
        """A bare «طرد» or «قصف» is a verb or its verbal noun: a noun after a noun trigger,
        a preposition or «بعد» («معارك طرد داعش»), a verb elsewhere («طرد الجيش داعش»)."""
        spans: dict[tuple[int, int], set[str]] = {}
        for match in matches:
            spans.setdefault((match.first, match.last), set()).add(match.phrase.pos)
        ambiguous = {span for span, kinds in spans.items() if len(kinds) > 1}
        if not ambiguous:
            return matches
        restored = {(m.first, m.last) for m in matches if m.phrase.pos == "noun" and m.reading.suffix and m.reading.key.endswith("ه")}
        nouns_here = {span: span in restored or self._noun_context(span[0], matches) for span in ambiguous}
        return [
            m for m in matches
            if (m.first, m.last) not in ambiguous or (m.phrase.pos == "noun") == nouns_here[(m.first, m.last)]
        ]

    def _noun_context(self, index: int, matches: list[Found]) -> bool:
        if index == 0 or self.words[index - 1].sentence != self.words[index].sentence:
            return False
        before = index - 1
        if any(m.last == before and m.phrase.pos == "noun" for m in matches):
            return True
        return bool(self.roles_at(before) & _NOUN_GOVERNORS)

    def _rest_matches(self, phrase: Phrase, first: int) -> int | None:
        """The last word of the phrase starting at `first`, or None.  A verb's object may
        stand after its subject («ألقت الشرطة الألمانية القبض»): for a verb phrase the next
        word may come a few words later, in the same sentence."""
        gap = VERB_PHRASE_GAP if phrase.is_verb else 0
        position = first
        sentence = self.words[first].sentence
        for forms in phrase.words[1:]:
            for candidate in range(position + 1, min(position + 2 + gap, len(self.words))):
                if self.words[candidate].sentence != sentence:
                    return None
                if any(reading.key in forms for reading in self.words[candidate].readings):
                    position = candidate
                    break
            else:
                return None
        return position

    def _word_range(self, start: int, end: int) -> tuple[int, int] | None:
        first = bisect_right(self.word_starts, start) - 1
        if first < 0 or self.words[first].end <= start:
            first += 1
        last = bisect_right(self.word_starts, end - 1) - 1
        if first >= len(self.words) or last < first:
            return None
        return first, last

    def _named(self, entity: Entity) -> Named | None:
        span = self._word_range(entity.start, entity.end)
        if span is None:
            return None
        first, last = span
        word = self.words[first]
        prefix = norm(word.text[: max(entity.start - word.start, 0)])
        if not prefix and first > 0 and self.is_proclitic(first - 1):
            prefix = norm(self.words[first - 1].text)  # «لـ«داعش»»: the particle stands apart
        return Named(entity, first, last, prefix)

    def is_proclitic(self, index: int) -> bool:
        """A particle written apart from its word («لـ», «بـ», «و» before a quote mark)."""
        return norm(self.words[index].text) in _LONE_PARTICLES

    def _actor_anaphors(self) -> list[Named]:
        """A definite head noun standing alone for the last actor named with it: «الشرطة»
        after «الشرطة الفرنسية», «السرايا» after «سرايا القدس», «القوات» after «قوات
        سوريا الديمقراطية»; «السلطات» and the other actor_anaphor cues likewise."""
        covered = {index for named in self.named for index in range(named.first, named.last + 1)}
        listed = {cue.first for cue in self.cues if cue.phrase.meaning == "actor_anaphor"}
        blocked = {cue.first for cue in self.cues if cue.phrase.meaning == "not_anaphor"}
        heads: dict[str, Named] = {}
        found = []
        pending = sorted(self.named, key=lambda n: n.first)
        position = 0
        for word in self.words:
            while position < len(pending) and pending[position].last < word.index:
                named = pending[position]
                if named.entity.type == "ORG" and named.entity.kind in ANAPHOR_KINDS:
                    heads[_head_key(named.entity.text)] = named
                position += 1
            if word.index in covered or word.index in blocked:
                continue
            definite = [r.key for r in word.readings if r.prefix.endswith(("ال", "لل")) and not r.suffix]
            antecedent = next((heads[key] for key in definite if key in heads), None)
            if antecedent is None or (len(antecedent.entity.text.split()) < 2 and word.index not in listed):
                continue
            reading = next(r for r in word.readings if r.key in heads)
            start = self.words[word.index].start + _skip(word.text, len(reading.prefix) - (2 if reading.prefix.endswith("ال") else 1))
            old = antecedent.entity
            entity = Entity(start, word.end, self.text[start : word.end], old.type, old.canonical, old.kind)
            found.append(Named(entity, word.index, word.index, ""))
        return found

    def _family_names(self) -> list[Named]:
        """A person named again by the end of his name alone («رجب طيب أردوغان» ... «وكان
        أردوغان قد توعّد», «شريف شقاط» ... «وكان شقاط»), unless that end is a given name
        or a common word («أحمد محمد» ... «محمد» may be anyone)."""
        covered = {index for named in self.named for index in range(named.first, named.last + 1)}
        endings: dict[tuple[str, ...], Named] = {}
        for named in self.named:
            entity = named.entity
            if entity.type != "PER" or named.last == named.first:
                continue
            if self.words[named.last].key in self.common_names:
                continue
            keys = tuple(self.words[i].key for i in range(named.first, named.last + 1))
            for size in (1, 2):
                if size < len(keys) and len(keys[-1]) >= MIN_FAMILY_NAME:
                    endings.setdefault(keys[-size:], named)
        found = []
        for word in self.words:
            for size in (2, 1):
                last = word.index + size - 1
                if last >= len(self.words) or any(i in covered for i in range(word.index, last + 1)):
                    continue
                keys = tuple(self.words[i].key for i in range(word.index, last + 1))
                person = endings.get(keys) or (endings.get((word.readings[-1].key,)) if size == 1 and word.readings else None)
                if person is not None and person.first < word.index:
                    start, end = word.start, self.words[last].end
                    entity = Entity(start, end, self.text[start:end], "PER", person.entity.canonical, person.entity.kind)
                    found.append(Named(entity, word.index, last, ""))
                    covered.update(range(word.index, last + 1))
                    break
        return found

    def _dated(self, date: DateMention) -> Dated | None:
        span = self._word_range(date.start, date.end)
        return Dated(date, *span) if span else None

    def _clauses(self) -> list[tuple[int, int]]:
        """(first, last) word of the clause of every word."""
        bounds: list[tuple[int, int]] = []
        begin = 0
        for index in range(1, len(self.words) + 1):
            ends = index == len(self.words) or index in self.clause_starts or self.words[index].sentence != self.words[index - 1].sentence
            if ends:
                bounds.extend([(begin, index - 1)] * (index - begin))
                begin = index
        return bounds

    # --- looking things up ------------------------------------------------------------

    def clause(self, index: int) -> tuple[int, int]:
        return self._clause_bounds[index]

    def previous_clause(self, index: int) -> tuple[int, int] | None:
        """The clause a comma-and-verb clause continues («سحبت مقاتليها من ميناء الصليف،
        وسلّمت مواقعها فيه»), or None."""
        first, _ = self.clause(index)
        if first not in self.soft_starts or first == 0:
            return None
        return self.clause(first - 1)

    def sentence_words(self, index: int) -> tuple[int, int]:
        sentence = self.words[index].sentence
        first = index
        while first > 0 and self.words[first - 1].sentence == sentence:
            first -= 1
        last = index
        while last + 1 < len(self.words) and self.words[last + 1].sentence == sentence:
            last += 1
        return first, last

    def paragraph(self, index: int) -> int:
        return self.paragraph_of_sentence[min(self.words[index].sentence, len(self.paragraph_of_sentence) - 1)]

    def has_cue(self, role: str, first: int, last: int) -> bool:
        return any(role in self.cue_roles.get(index, ()) for index in range(first, last + 1))

    def verb_cue_words(self, role: str, first: int, last: int) -> list[int]:
        """Words in first..last where a cue of `role` given as a verb starts («يعتزم»)."""
        return [cue.first for cue in self.cues if cue.phrase.meaning == role and cue.phrase.is_verb and first <= cue.first <= last]

    def cue_words(self, role: str, first: int, last: int) -> list[int]:
        return [index for index in range(first, last + 1) if role in self.cue_roles.get(index, ())]

    def roles_at(self, index: int) -> set[str]:
        return self.cue_roles.get(index, set())

    def named_in(self, first: int, last: int) -> list[Named]:
        return [named for named in self.named if first <= named.first and named.last <= last]

    def dates_in(self, first: int, last: int) -> list[Dated]:
        return [dated for dated in self.dated if first <= dated.first <= last]

    def span_text(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.words[first].start, self.words[last].end
        return start, end, self.text[start:end]


def _fits(phrase: Phrase, reading: Reading) -> bool:
    """A verb takes no article («القصف» is the noun); a noun takes no future «س»."""
    if phrase.pos == "verb":
        return reading.prefix in _VERB_PREFIXES
    if phrase.pos == "noun":
        return not reading.prefix.endswith("س")
    # a particle written as a word: only a conjunction or the article may be glued to a
    # short one («ولم» is لم, «كما» is not ك + ما); a longer one takes a preposition too
    # («بريف», «بمدينة»)
    if reading.suffix:
        return False
    return reading.prefix in _WORD_PREFIXES or (len(reading.key) >= 3 and "س" not in reading.prefix)


ANAPHOR_KINDS = frozenset(("armed_group", "state_force", "government", "coalition", "political_movement"))


def _skip(text: str, letters: int) -> int:
    """Offset after the first `letters` letters of `text` (marks go with their letter)."""
    return skip_letters(text, max(letters, 0))


def _head_key(text: str) -> str:
    """The first word of a name without its article or proclitics («القوات العراقية» -> قوات)."""
    first = text.split()[0] if text.split() else ""
    readings_ = readings(first)
    stripped = [r.key for r in readings_ if r.prefix.endswith("ال")]
    return stripped[0] if stripped else readings_[0].key if readings_ else ""


def _longest_first(found: Iterable[Found], compete) -> list[Found]:
    """Drop a phrase that overlaps a longer one it competes with (then the earlier wins)."""
    kept: list[Found] = []
    at: dict[int, list[Found]] = {}
    for item in sorted(found, key=lambda f: (f.first - f.last, f.first)):
        span = range(item.first, item.last + 1)
        if any(compete(other, item) for index in span for other in at.get(index, ())):
            continue
        kept.append(item)
        for index in span:
            at.setdefault(index, []).append(item)
    return sorted(kept, key=lambda f: (f.first, f.last))
