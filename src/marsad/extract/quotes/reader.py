"""Deciding which quoted words are speech, and who said them with which verb.

A region inside quotation marks is *speech* when

* no entity covers it and it does not look like a name: a title or name word right
  before it («عملية «نبع السلام»», «الإرهابي «أبو حسن المهاجر»», «يُدعى «...»») or a
  kunya at its start («أبو ...») make it a name or a title;
* and something introduces it:
    - a reporting verb, then «:», up to COLON_WINDOW tokens before it   «وقال في كلمة: «...»»
    - a reporting verb right before it (a complementizer may sit between)  «قائلًا «...»», «قال إن «...»»
    - a reporting verb, a complementizer and a few words before it, for quotes longer than
      SHORT_WORDS                                                       «زاعمةً أن الفندق «...»»
    - a reporting verb or attribution right after it                    «...»، قال الوزير / «...» بحسب البيان
    - an attribution earlier in the sentence                            «وبحسب الوكالة فإن «...»»
    - or nothing, when it has at least BARE_MIN_WORDS words and reads as a clause
      (a particle or preposition in it, or final punctuation).
  A quote of one or two words counts only after a verb and «:», or right after a verb.

The speaker is, in order: the phrase after an attribution («على لسان», «بحسب», «وفقًا
لـ», «نقلا عن»); the subject right after the verb («وقال وزير الصحة الصومالي إن»); the
nearest subject-like PER/ORG entity or role noun («المتحدث») before the verb in the
sentence (not one after a preposition: «للتحالف الدولي» is not a subject); or, for a
verb with no subject («وأضاف: «...»»), the speaker of a quote in the previous
CARRY_SENTENCES sentences.  With entities, the speaker is the entity's canonical name
(its text when it has none); without, the words of the speaker phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...model import Entity, Quote
from ...text import Token
from ...text.tokenize import ARABIC, PUNCT, WORD
from ..words import normal, skip_letters
from . import lexicon as lx
from .marks import QuoteMarks, quote_regions

SHORT_WORDS = 2
BARE_MIN_WORDS = 4
COLON_WINDOW = 20
LOOSE_WINDOW = 4
COMPLEMENT_WINDOW = 20
CALL_WINDOW = 12
ATTRIBUTION_WINDOW = 15
SUBJECT_WORDS = 8
CARRY_SENTENCES = 2
SUBJECT_WINDOW = 40  # how far back a subject is looked for (keeps very long sentences linear)
SPEAKER_TYPES = ("PER", "ORG")
APPOSITION_MARKS = 3  # «، «» between a role and the name it introduces
NAME_SCAN = 10  # tokens after a speaker phrase searched for the name it introduces
DESCRIPTIVE_WORDS = 5  # words between a role and that name («الحائزة جائزة نوبل للسلام»)
_QUOTE_MARKS = frozenset('«»“”"')
_APPOSITION_PUNCT = frozenset('،,«“"')
_CLAUSE_END = frozenset(".!?؟…")
_BA_ISM = frozenset({"باسم", "باسمه", "باسمها", "باسمهم"})
_LONE_PREPOSITIONS = frozenset({"ب", "ل", "ك"})  # «بـ«قسد»», «لـ«داعش»»
_ALI = "علي"
_DESCRIBING = frozenset({"وصف", "سمي", "اعتبر", "اتهم"})  # lemmas (normalised) that qualify with ب


@dataclass(frozen=True)
class Speaker:
    value: str
    start: int
    end: int
    named: bool = False  # an entity, not just the words of a phrase


class QuoteReader:
    def __init__(
        self,
        text: str,
        tokens: list[Token],
        sentence_of: list[int],
        entities: list[Entity],
        lexicon: lx.QuoteLexicon,
        regions: list[QuoteMarks] | None = None,
    ) -> None:
        self.text = text
        self.regions = quote_regions(text) if regions is None else regions
        self.tokens = tokens
        self.sentence_of = sentence_of
        self.lexicon = lexicon
        self.starts = [token.start for token in tokens]
        self.entities = sorted(entities, key=lambda entity: entity.start)
        self.entity_starts = [entity.start for entity in self.entities]
        self._said: list[tuple[int, Speaker]] = []  # (sentence, speaker) of quotes so far
        self._describing: set[int] = set()  # verbs that introduce a description: «وصفت X بـ«...»»

    # -- tokens ---------------------------------------------------------------------------------------

    def info(self, index: int) -> lx.WordInfo:
        token = self.tokens[index]
        return self.lexicon.word(token.text) if token.kind == ARABIC else lx.NOTHING

    def is_punct(self, index: int, chars: str | frozenset[str]) -> bool:
        return 0 <= index < len(self.tokens) and self.tokens[index].kind == PUNCT and self.tokens[index].text in chars

    def same_sentence(self, a: int, b: int) -> bool:
        return 0 <= a < len(self.tokens) and 0 <= b < len(self.tokens) and self.sentence_of[a] == self.sentence_of[b]

    def token_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def words_from(self, index: int, count: int) -> list[str]:
        return [normal(token.text) for token in self.tokens[index : index + count]]

    # -- the quotes ---------------------------------------------------------------------------------

    def read(self) -> list[Quote]:
        quotes = []
        for marks in self.regions:
            quote = self._quote(marks)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _quote(self, marks: QuoteMarks) -> Quote | None:
        open_at, close_at = self.token_at(marks.open), self.token_at(marks.close)
        inside = range(open_at + 1, close_at)
        words = [i for i in inside if self.tokens[i].kind in (ARABIC, WORD)]
        if not words or self._is_name(marks, open_at, words):
            return None
        verb = self._introducing_verb(open_at, close_at, inside, words)
        attribution = self._attribution(open_at, close_at)
        if verb is None and attribution is None:
            if not self._reads_as_speech(inside, words):
                return None
        elif verb is None and len(words) <= SHORT_WORDS:
            return None
        speaker = self._speaker(verb, attribution, open_at)
        if speaker is not None:
            self._said.append((self.sentence_of[open_at], speaker))
        verb_span = self._stripped_span(verb) if verb is not None else None
        return Quote(
            marks.start,
            marks.end,
            self.text[marks.start : marks.end],
            speaker.value if speaker else None,
            self.text[verb_span[0] : verb_span[1]] if verb_span else None,
            speaker.start if speaker else None,
            speaker.end if speaker else None,
            verb_span[0] if verb_span else None,
            verb_span[1] if verb_span else None,
        )

    def _stripped_span(self, index: int) -> tuple[int, int]:
        token = self.tokens[index]
        return token.start + skip_letters(token.text, self.info(index).stripped), token.end

    # -- names and titles -------------------------------------------------------------------------------

    def _is_name(self, marks: QuoteMarks, open_at: int, words: list[int]) -> bool:
        if any(entity.start <= marks.start and entity.end >= marks.end for entity in self._entities_near(marks.start)):
            return True
        if len(words) <= 4 and lx.KUNYA in self.info(words[0]).roles:
            return True
        before = self._word_before_mark(open_at)
        if before is None and self.is_punct(open_at - 1, ":"):
            before = self._word_before_mark(open_at - 1)  # «بعنوان: «...»»
        return before is not None and bool(self.info(before).roles & {lx.TITLE_HEAD, lx.NAME_INTRO})

    def _entities_near(self, offset: int) -> list[Entity]:
        index = bisect_right(self.entity_starts, offset)
        return self.entities[max(0, index - 3) : index]

    def _word_before_mark(self, open_at: int) -> int | None:
        index = open_at - 1
        if index >= 0 and normal(self.tokens[index].text).rstrip("ـ") in _LONE_PREPOSITIONS:
            index -= 1
        return index if index >= 0 and self.tokens[index].kind == ARABIC else None

    def _reads_as_speech(self, inside: range, words: list[int]) -> bool:
        return len(words) >= BARE_MIN_WORDS and self._clause_like(inside, words)

    def _clause_like(self, inside: range, words: list[int]) -> bool:
        """Final punctuation, a particle, preposition or verb among the words, or a
        two-word nominal sentence («المعركة طويلة»; names are «جبهة النصرة», «الدولة الإسلامية»)."""
        if inside and self.is_punct(inside[-1], _CLAUSE_END):
            return True
        if len(words) == 2:
            first, second = (self.tokens[i].text for i in words)
            if _definite(first) and not _definite(second) and not _nisba(normal(second), feminine=True):
                return True
        return any(self.info(i).roles & {lx.BOUNDARY, lx.COMPLEMENTIZER} or self.info(i).verb for i in words)

    # -- what introduces a quote ---------------------------------------------------------------------------

    def _introducing_verb(self, open_at: int, close_at: int, inside: range, words: list[int]) -> int | None:
        colon = open_at - 1
        if self.is_punct(colon, ":"):
            before_colon = colon - 1
            if before_colon >= 0 and lx.TITLE_HEAD in self.info(before_colon).roles:
                return None  # «بعنوان: «...»»
            return self._verb_before(colon, COLON_WINDOW, through_quotes=True, weak=True)
        before = open_at - 1
        if before >= 0 and self._strong_verb(before) and self._clause_like(inside, words):
            return before  # not «أعلنت «قوات سوريا الديمقراطية»», where the quote is the subject
        complementizer = self._complementizer_before(open_at)
        described = self._described_as(open_at)
        if described is not None and len(words) >= SHORT_WORDS:
            self._describing.add(described)  # what follows this verb is what it describes
            return described  # «ووصفها بأنها «عمل جبان»», «ما وصفه بـ«العدوان الغاشم»»
        if len(words) < SHORT_WORDS or (
            len(words) == SHORT_WORDS and complementizer is None and not self._clause_like(inside, words)
        ):
            return None  # «أكد أن «قسد» سيطرت»: a one-word quote inside indirect speech is a name
        if complementizer is not None:
            return self._verb_before(complementizer, COMPLEMENT_WINDOW, through_quotes=True)
        called = self._call_before(open_at)
        if called is not None:
            return called
        subject_first = self._verb_and_subject_before(open_at)
        if subject_first is not None:
            return subject_first
        after = close_at + 1 + self.is_punct(close_at + 1, "،,")
        if self.same_sentence(after, close_at) and self._strong_verb(after) and not self.info(after).stripped:
            return after  # «...»، قال الوزير; «...»، وقال starts a new clause
        return None

    def _described_as(self, open_at: int) -> int | None:
        """«وصفها بـ«...»», «واصفًا إياه بأنه «...»»: a verb of describing or naming, then ب
        (alone, on «أن», or a few words before), introduces even a two-word quote."""
        for index in range(open_at - 1, max(open_at - 1 - LOOSE_WINDOW, -1), -1):
            if not self.same_sentence(index, open_at) or self.is_punct(index, _QUOTE_MARKS | _CLAUSE_END):
                return None
            word = normal(self.tokens[index].text).rstrip("ـ")
            if word in _LONE_PREPOSITIONS or word.startswith("بان") or word.startswith("ب"):
                verb = self._verb_before(index + (word in _LONE_PREPOSITIONS), LOOSE_WINDOW + 2, through_quotes=True, weak=True)
                if verb is not None and normal(self.info(verb).verb or "") in _DESCRIBING:
                    return verb
        return None

    def _call_before(self, open_at: int) -> int | None:
        """«دعت الإدارة الذاتية التحالف إلى «...»»: what a call or demand asks for."""
        if open_at < 1 or normal(self.tokens[open_at - 1].text) != "الي":
            return None
        return self._verb_before(open_at - 1, CALL_WINDOW)

    def _strong_verb(self, index: int) -> bool:
        """A reporting verb that is not also a common particle («بين»: between)."""
        info = self.info(index)
        return bool(info.verb) and lx.BOUNDARY not in info.roles

    def _verb_and_subject_before(self, open_at: int) -> int | None:
        """«وقال المصدر «...»»: a verb and its subject right before the quote."""
        for index in range(open_at - 2, max(open_at - 2 - SUBJECT_WORDS, -1), -1):
            if self.tokens[index].kind == PUNCT or not self.same_sentence(index, open_at):
                return None
            if self._strong_verb(index):
                return index if self._noun_phrase_end(index + 1, lead=True) == open_at else None
        return None

    def _complementizer_before(self, open_at: int) -> int | None:
        """«إن» / «أن» right before the quote, or a few words before it («أن الفندق «...»»)."""
        for index in range(open_at - 1, max(open_at - 2 - LOOSE_WINDOW, -1), -1):
            if self.tokens[index].kind == PUNCT or not self.same_sentence(index, open_at):
                return None
            if lx.COMPLEMENTIZER in self.info(index).roles:
                return index
        return None

    def _verb_before(self, end: int, window: int, through_quotes: bool = False, weak: bool = False) -> int | None:
        for index in range(end - 1, max(end - 1 - window, -1), -1):
            if not self.same_sentence(index, end):
                return None
            if not through_quotes and self.is_punct(index, _QUOTE_MARKS):
                return None
            if self._strong_verb(index) or (weak and self.info(index).verb):
                return index
        return None

    def _attribution(self, open_at: int, close_at: int) -> int | None:
        """Token where the speaker phrase after an attribution starts, if one attributes this quote."""
        after = close_at + 1 + self.is_punct(close_at + 1, "،,")
        if self.same_sentence(after, close_at):
            start = self._after_attribution(after)
            if start is not None:
                return start
        for index in range(open_at - 1, max(open_at - 1 - ATTRIBUTION_WINDOW, -1), -1):
            if not self.same_sentence(index, open_at) or self.is_punct(index, _QUOTE_MARKS):
                return None
            start = self._after_attribution(index)
            if start is not None:
                return start
        return None

    def _after_attribution(self, index: int) -> int | None:
        length, roles = 0, frozenset()
        if self.tokens[index].kind == ARABIC and self.lexicon.may_start_phrase(self.tokens[index].text):
            length, roles = self.lexicon.phrase(self.words_from(index, lx.MAX_PHRASE_WORDS))
        if not length:
            length, roles = (1, self.info(index).roles) if lx.ATTRIBUTION in self.info(index).roles else (0, roles)
        if not length or lx.ATTRIBUTION not in roles:
            return None
        start = index + length
        if start < len(self.tokens) and normal(self.tokens[start].text).rstrip("ـ") in _LONE_PREPOSITIONS:
            start += 1  # «وفقًا لـ»
        return start if self.same_sentence(start, index) else None

    # -- who said it ----------------------------------------------------------------------------------------------

    def _speaker(self, verb: int | None, attribution: int | None, open_at: int) -> Speaker | None:
        if attribution is not None:
            found = self._phrase_speaker(attribution, lead=True, after_attribution=True)
            if found is not None:
                return found
        if verb is not None:
            after = verb + 1
            object_follows = verb in self._describing and not self._names_a_speaker_before_ba(after, open_at)
            if after != open_at and not self.is_punct(after, ":") and not self.info(verb).participle and not object_follows:
                found = self._phrase_speaker(after, lead=True)
                if found is not None:
                    return self._source_of_transmission(verb, found) or found
            if self.info(verb).participle:
                # «وتبنى تنظيم «داعش» الهجوم في بيان نشرته وكالة «أعماق»، زاعمًا ...»: the
                # participle's subject is the main clause's, not the outlet named in between,
                # unless their genders disagree («وتبنى التنظيم ... عبر وكالة «أعماق» التي
                # بثت ...، زاعمةً»: the agency)
                found = self._named_subject_of_previous_verb(verb) or self._clause_subject(verb)
                if found is not None and self._feminine_participle(verb) != self._feminine_subject(found):
                    found = self._subject_before(verb) or found
                found = found or self._subject_of_previous_verb(verb) or self._subject_before(verb)
            else:
                found = self._subject_of_previous_verb(verb) or self._subject_before(verb)
            if found is not None:
                return found
            if self._opens_sentence(verb):  # «وأضاف: «...»» goes on with the last speaker
                return self._carried_over(self.sentence_of[open_at])
        return None

    def _opens_sentence(self, index: int) -> bool:
        return all(not self.same_sentence(before, index) for before in range(max(index - 2, 0), index)) or index == 0
        return None

    def _source_of_transmission(self, verb: int, carrier: Speaker) -> Speaker | None:
        """«نقلت الوكالة عن مسؤول قوله»: the one quoted is after «عن», not the carrier."""
        if self.info(verb).verb != "نقل":
            return None
        after = self.token_at(carrier.end - 1) + 1
        if after < len(self.tokens) and normal(self.tokens[after].text) == "عن" and self.same_sentence(after, verb):
            return self._phrase_speaker(after + 1, lead=True)
        return None

    def _subject_of_previous_verb(self, verb: int) -> Speaker | None:
        """«توعد الرئيس ... وقال: «...»»: a verb with no subject of its own shares the
        subject of the reporting verb before it in the sentence."""
        for index in range(verb - 1, max(verb - 1 - SUBJECT_WINDOW, -1), -1):
            if not self.same_sentence(index, verb):
                return None
            if self.info(index).verb:
                found = self._phrase_speaker(index + 1, lead=True)
                if found is not None:
                    return found
        return None

    def _names_a_speaker_before_ba(self, after: int, open_at: int) -> bool:
        """«ووصف الوزير الهجوم بأنه «...»»: two phrases between the verb and ب, the first
        is the subject; with one («وصفت الولايات المتحدة بـ«...»») it is the object."""
        phrase_end = self._noun_phrase_end(after, lead=True)
        if phrase_end is None:
            return False
        second = self._noun_phrase_end(phrase_end, lead=True) if phrase_end < open_at else None
        return second is not None and second < open_at

    def _feminine_participle(self, verb: int) -> bool:
        return normal(self.tokens[verb].text).rstrip("اً").endswith("ه")

    def _feminine_subject(self, speaker: Speaker) -> bool:
        """The subject's head ends in ta marbuta: its own first word, or the generic word
        before its quote marks («وكالة «أعماق»», «حركة الشباب»)."""
        index = self.token_at(speaker.start)
        head = index
        while head > 0 and self.tokens[head - 1].kind == PUNCT and self.tokens[head - 1].text in "«“\"":
            head -= 1
        if head != index and head > 0 and self.tokens[head - 1].kind == ARABIC:
            return normal(self.tokens[head - 1].text).endswith("ه")
        return normal(self.tokens[index].text).endswith("ه")

    def _clause_subject(self, verb: int) -> Speaker | None:
        """The subject of the sentence's main clause, before `verb`: a subject-like entity
        or speaker head opening the sentence (SVO), else the phrase after the verb that
        opens it (VSO: «وتبنى تنظيم «داعش»»).  Clauses after a comma and «في المقابل،»-like
        openings are skipped over."""
        first = verb
        while first > 0 and self.same_sentence(first - 1, verb) and verb - first < SUBJECT_WINDOW:
            first -= 1
        index = first
        while index < verb:
            token = self.tokens[index]
            if token.kind == ARABIC and self._subject_like(index):
                entity = self._entity_starting_in(index)
                if entity is not None:
                    return self._entity_speaker(entity)
                if lx.SPEAKER_HEAD in self.info(index).roles:
                    return self._phrase_speaker(index, lead=False)
                if not _definite(token.text) and not self.info(index).roles and index + 1 < verb:
                    # the verb opening the sentence, then its subject: a named one or a
                    # speaker's role («ويأتي الهجوم بعد ...» has no speaker for a subject)
                    found = self._phrase_speaker(index + 1, lead=True)
                    if found is not None and (found.named or lx.SPEAKER_HEAD in self.info(index + 1).roles):
                        return found
                return None
            if token.kind == PUNCT and token.text in "،,":
                index += 1
                continue
            index += 1
        return None

    def _named_subject_of_previous_verb(self, verb: int) -> Speaker | None:
        """The subject of the nearest reporting verb before `verb` in the sentence, if it is
        an entity or a speaker's role («فيما توعد الرئيس أردوغان ...، قائلًا»); not the
        object of a verb whose subject is left out («ودعا المواطنين ...، قائلًا»)."""
        for index in range(verb - 1, max(verb - 1 - SUBJECT_WINDOW, -1), -1):
            if not self.same_sentence(index, verb):
                return None
            if self.info(index).verb:
                after = index + 1
                if after >= verb or self.is_punct(after, ":"):
                    return None
                named = self._entity_starting_in(after) or (
                    self._entity_starting_in(after + 1) if self.is_punct(after, "«“\"") else None
                )
                if named is not None or lx.SPEAKER_HEAD in self.info(after).roles:
                    return self._phrase_speaker(after, lead=True)
                return None
        return None

    def _subject_before(self, verb: int) -> Speaker | None:
        for index in range(verb - 1, max(verb - 1 - SUBJECT_WINDOW, -1), -1):
            if not self.same_sentence(index, verb):
                return None
            if not self._subject_like(index):
                continue
            entity = self._entity_starting_in(index)
            if entity is not None:
                return self._entity_speaker(entity)
            if lx.SPEAKER_HEAD in self.info(index).roles and not self._describes_noun_before(index):
                return self._phrase_speaker(index, lead=False)
        return None

    def _describes_noun_before(self, index: int) -> bool:
        """«إذاعة «الأندلس» الناطقة باسمها»: a definite role word right after a name or a
        definite noun describes it; it is not a subject."""
        if index == 0 or not _definite(self.tokens[index].text):
            return False
        before = self.tokens[index - 1]
        return (before.kind == PUNCT and before.text in "»”\"") or (before.kind == ARABIC and _definite(before.text))

    def _subject_like(self, index: int) -> bool:
        if self.tokens[index].kind != ARABIC or self.info(index).preposition:
            return False
        return index == 0 or lx.BOUNDARY not in self.info(index - 1).roles

    def _carried_over(self, sentence: int) -> Speaker | None:
        for said_in, speaker in reversed(self._said):
            if sentence - said_in <= CARRY_SENTENCES:
                return speaker
            break
        return None

    def _entity_starting_in(self, index: int) -> Entity | None:
        token = self.tokens[index]
        position = bisect_left(self.entity_starts, token.start)
        while position < len(self.entities) and self.entities[position].start < token.end:
            entity = self.entities[position]
            if entity.type in SPEAKER_TYPES:
                return entity
            position += 1
        return None

    def _entity_speaker(self, entity: Entity) -> Speaker:
        return Speaker(entity.canonical or entity.text, entity.start, entity.end, named=True)

    def _phrase_speaker(self, start: int, lead: bool, after_attribution: bool = False) -> Speaker | None:
        """The speaker phrase starting at token `start`; a person named in or right after
        it wins («المتحدث باسم العملية، «رضا عيسى»», «القائد العام لـ«قسد» مظلوم عبدي»),
        then an actor in it («تنظيم «الدولة الإسلامية»»)."""
        end = self._noun_phrase_end(start, lead, after_attribution)
        if end is None:
            return None
        first_char = self._stripped_span(start)[0]
        opening = self._entity_starting_in(start)
        if opening is not None:
            first_char = min(first_char, opening.start)  # «كالون» is a name, not ك + «الون»
        last_char = self.tokens[end - 1].end
        inside = [e for e in self._entities_between(first_char, last_char) if e.type in SPEAKER_TYPES]
        named = self._name_after_role(start, end) if lx.SPEAKER_HEAD in self.info(start).roles or not inside else None
        if named is not None and (named.type == "PER" or not inside):
            inside.insert(0, named)
        if inside:
            people = [e for e in inside if e.type == "PER"]
            return self._entity_speaker((people or inside)[0])
        return Speaker(self.text[first_char:last_char], first_char, last_char)

    def _name_after_role(self, start: int, end: int) -> Entity | None:
        """The entity a speaker phrase introduces right after it: through commas, quote
        marks and «ويدعى» («أحد الناجين، ويدعى «ليونيل دايك»»), over the actor a role
        belongs to («القائد العام لـ«قسد» مظلوم عبدي») and a few descriptive words
        («الناشطة الحائزة جائزة نوبل للسلام ملالا يوسف زاي»); not past a verb or «إن».
        A person is taken after a role; an actor only right after a generic head
        («تنظيم «داعش»»)."""
        index, words = end, 0
        role = lx.SPEAKER_HEAD in self.info(start).roles
        while index < len(self.tokens) and index - end < NAME_SCAN and self.same_sentence(index, start):
            entity = self._entity_starting_in(index)
            if entity is not None:
                if entity.type == "PER" or (words == 0 and (not role or end - start == 1) and entity.type in SPEAKER_TYPES):
                    return entity  # «وكالة «أعماق»»: a lone head names the actor in quotes after it
                index = self.token_at(entity.end - 1) + 1  # the actor a role belongs to
                words += 1
                continue
            token = self.tokens[index]
            if token.kind == PUNCT:
                if token.text not in _APPOSITION_PUNCT and token.text not in "»”)(":
                    return None
            elif token.kind == ARABIC:
                info = self.info(index)
                located = normal(token.text) == "في" and (place := self._entity_starting_in(index + 1)) is not None and place.type == "LOC"
                if lx.NAME_INTRO in info.roles or normal(token.text).rstrip("ـ") in _LONE_PREPOSITIONS:
                    pass
                elif located:
                    pass  # «المتحدث باسم الوحدات في عفرين، نوري محمود»
                elif info.verb or info.roles & {lx.COMPLEMENTIZER, lx.BOUNDARY, lx.ATTRIBUTION} or words >= DESCRIPTIVE_WORDS:
                    return None
                else:
                    words += 1
            else:
                return None
            index += 1
        return None

    def _apposed_entity(self, end: int, start: int) -> Entity | None:
        """The entity right after a speaker phrase, through commas and quote marks:
        «المتحدث باسم العملية، «رضا عيسى»»."""
        index = end
        while index < len(self.tokens) and index - end < APPOSITION_MARKS and self.is_punct(index, _APPOSITION_PUNCT):
            index += 1
        if index < len(self.tokens) and self.same_sentence(index, start):
            return self._entity_starting_in(index)
        return None

    def _entities_between(self, start: int, end: int) -> list[Entity]:
        position = bisect_left(self.entity_starts, start)
        found = []
        while position < len(self.entities) and self.entities[position].start < end:
            found.append(self.entities[position])
            position += 1
        return found

    def _noun_phrase_end(self, start: int, lead: bool, after_attribution: bool = False) -> int | None:
        """Token after the speaker phrase at `start` (a role noun, its complement, nisba
        adjectives, «باسم ...», names), or None when `start` cannot begin one."""
        if not self._plain(start, allow_preposition=after_attribution) and not (lead and self._entity_starting_in(start)):
            return None
        if normal(self.tokens[start].text).startswith("ل") and not after_attribution:
            return None  # «أقول لبعض رفقتي»: a phrase after «ل» is who was told, not who spoke
        if normal(self.tokens[start].text).rstrip("ـ") in _LONE_PREPOSITIONS and not after_attribution:
            return None  # «وصفته بـ«...»»: no subject after the verb
        head = self.info(start).roles
        index = start + 1
        if lx.SPEAKER_HEAD in head and not _definite(self.tokens[start].text):
            # construct state: «وزير الصحة», «رئيس هيئة الأركان», «شهود عيان»
            while index < len(self.tokens) and self._plain(index) and index - start < 3:
                index += 1
                if _definite(self.tokens[index - 1].text) or not self._definite_at(index):
                    break  # «رئيس هيئة الأركان» goes on; «محافظ نينوى أثيل» stops before the name
        # A role is followed by its adjectives, «باسم ...», a rank and a name («الرئيس الروسي
        # فلاديمير بوتين»); a name word may be followed by one definite word («حسن المهاجر»).
        # A verbal noun after the role is the verb's object, not a name: «أعلن الناطق باسم
        # الحركة انسحاب المقاتلين».
        after_name = lx.KUNYA in head or (lx.SPEAKER_HEAD not in head and not _definite(self.tokens[start].text))
        while index < len(self.tokens) and index - start < SUBJECT_WORDS and self.same_sentence(index, start):
            word = normal(self.tokens[index].text)
            roles = self.info(index).roles
            kunya = lx.KUNYA in roles
            if word in _BA_ISM and self._plain(index + 1):
                index, after_name = index + 2, False
                while self._plain(index) and not _definite(self.tokens[index - 1].text) and index - start < SUBJECT_WORDS:
                    index += 1  # «باسم قيادة العمليات»: the construct goes on to its definite word
            elif word.startswith("لل") and self._name_follows(index + 1):
                index += 1  # «المتحدث العسكري للجماعة يحيى سريع»
            elif not self._plain(index):
                break
            elif (lx.ADJECTIVE in roles or _nisba(word, feminine=_feminine(self.tokens[start].text) or _feminine(self.tokens[index - 1].text))) and (
                _definite(word) == _definite(self.tokens[index - 1].text)  # adjectives agree: «مصدر أمني», «الجيش الليبي»
            ):
                index += 1
            elif lx.RANK in roles:
                index, after_name = index + 1, False
            elif kunya or (not _definite(word) and not _verbal_noun(word) and not _preposition_and_noun(word)):
                index, after_name = index + 1, True
            elif after_name and _definite(word):
                index, after_name = index + 1, False
            else:
                break
        return index

    def _definite_at(self, index: int) -> bool:
        return index < len(self.tokens) and self.tokens[index].kind == ARABIC and _definite(self.tokens[index].text)

    def _name_follows(self, index: int) -> bool:
        """A rank or a name word at `index`, possibly after one adjective («للأمم المتحدة أنطونيو»)."""
        for at in (index, index + 1):
            if not self._plain(at):
                return False
            word = normal(self.tokens[at].text)
            if lx.RANK in self.info(at).roles or not (_definite(word) or _verbal_noun(word) or _preposition_and_noun(word)):
                return True
        return False

    def _plain(self, index: int, allow_preposition: bool = False) -> bool:
        """A word that can be part of a speaker phrase («لـ» allowed after «وفقًا»)."""
        if not 0 <= index < len(self.tokens) or self.tokens[index].kind != ARABIC:
            return False
        if self.tokens[index].text == _ALI and index > 0 and self.tokens[index - 1].kind == ARABIC:
            return True  # the name «علي» after a name word, not the preposition «على» it folds to
        info = self.info(index)
        if info.verb or info.preposition and not allow_preposition and normal(self.tokens[index].text) not in _BA_ISM:
            return False
        return not info.roles & {lx.BOUNDARY, lx.COMPLEMENTIZER, lx.ATTRIBUTION}


def _definite(word: str) -> bool:
    return normal(word).startswith(("ال", "لل"))


def _nisba(word: str, feminine: bool) -> bool:
    """Relational adjectives («الصومالي», «أمني»; «الأمريكية» after a feminine noun such as
    «القيادة»: after a masculine one «المسؤولية» is a noun, not an adjective)."""
    return len(word) >= 4 and (word.endswith("ي") or (feminine and word.endswith("يه")))


_VERBAL_NOUN = re.compile(r"ا..ا.|ان..ا.|ا.ت.ا.|است..ا.|است...ا.|ت..ي.|ت.ا..")  # إفعال انفعال افتعال استفعال تفعيل تفاعل


def _verbal_noun(word: str) -> bool:
    """Common verbal-noun shapes («إطلاق», «انسحاب», «اعتقال», «استعادة», «تحرير»), never a name here."""
    return bool(_VERBAL_NOUN.fullmatch(word))


def _preposition_and_noun(word: str) -> bool:
    """«بملاحقة», «لتحديد»: a preposition on a verbal noun, not a name («بوتين», «بشار»)."""
    return len(word) > 3 and word[0] in "بلك" and (word[1] == "م" or _verbal_noun(word[1:]))


def _feminine(word: str) -> bool:
    return normal(word).endswith("ه")
