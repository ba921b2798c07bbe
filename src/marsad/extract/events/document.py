"""A document as the events layer reads it: words with their readings, sentences,
paragraphs and clauses, and the lexicon phrases, entities and dates found on them.

Word indices are the common coordinate: a trigger, a cue, an entity or a date covers
words first..last (inclusive).  A clause is a run of words inside one sentence that
ends at a boundary cue («فيما»، «بينما»...), at a colon or semicolon, or at the edge of
a quotation; an event's arguments are looked for in its clause first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress, repeat
from itertools import count as count_from
from operator import attrgetter, itemgetter, not_, sub
from typing import NamedTuple

from ...model import Analysis, DateMention, Entity
from ...text import Token
from ...views import VIEW_NAME, TokenView, missing, normal
from ..gazetteer.keys import skip_letters
from .forms import Reading, definite_keys, norm, readings, readings_of
from .lexicon import EventLexicon, Phrase, PhraseIndex

_WORD_KINDS = frozenset(("arabic", "word", "number"))
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4  # a person's name in guillemets
TITLE_GAP = 6  # words between a title and the name it introduces («وزير الإعلام في الحكومة اليمنية «...»»)
MIN_FAMILY_NAME = 4  # letters: shorter name ends are too often common words
VERB_PHRASE_GAP = 4  # words allowed between a verb and the rest of its phrase
_NO_ROLES: frozenset[str] = frozenset()
_LONE_PARTICLES = frozenset(("ل", "ب", "ك", "و", "ف", "وب", "ول", "فب", "فل", "وك"))
# Cue roles of a word that makes the next one a noun («على استهداف», «بعد طرد»).
_NOUN_GOVERNORS = frozenset(("target", "source", "locative", "recipient", "with", "between", "head", "support"))
_CLAUSE_MARKS = frozenset(":;؛()")


class Forms:
    """What the layer knows of one distinct word of the texts (by its text), read only as
    far as it is needed: its normalised key and the trigger phrases it may start always
    (the readings only for words that pass a quick test of their letters), its
    readings, their keys and the cue phrases it may start on first use (most words are
    never looked at again)."""

    __slots__ = ("text", "key", "triggers", "_lexicon", "_readings", "_keys", "_cues", "_cue_able")

    def __init__(self, text: str, lexicon: EventLexicon, key: str | None = None) -> None:
        self.text = text
        self.key = norm(text) if key is None else key  # normalize(text)
        self._lexicon = lexicon
        self._readings: tuple[Reading, ...] | None = None
        self._keys: frozenset[str] | None = None
        self._cues: tuple | None = None
        self._cue_able: bool | None = None
        triggers = lexicon.triggers
        self.triggers = triggers.phrases_starting(text, self.readings) if triggers.could_start(self.key) else ()

    @property
    def readings(self) -> tuple[Reading, ...]:
        if self._readings is None:
            self._readings = readings_of(self.text, self.key)
        return self._readings

    @property
    def keys(self) -> frozenset[str]:
        if self._keys is None:
            self._keys = frozenset(reading.key for reading in self.readings)
        return self._keys

    @property
    def cue_able(self) -> bool:
        """Whether a reading of the word may be a cue's first word (a quick test of its letters)."""
        if self._cue_able is None:
            self._cue_able = self._lexicon.cues.could_start(self.key)
        return self._cue_able

    @property
    def cues(self) -> tuple:
        """(phrase, reading) for every cue phrase the word may start."""
        if self._cues is None:
            self._cues = self._lexicon.cues.phrases_starting(self.text, self.readings) if self.cue_able else ()
        return self._cues


class Word(NamedTuple):
    index: int
    start: int
    end: int
    text: str
    forms: Forms
    sentence: int
    quoted: bool  # inside a quotation (quotes layer)
    named: bool  # inside guillemets: a quotation, a name («الجبهة الوطنية») or a label
    key: str  # the word as written, normalised ("" for a word of marks only)

    @property
    def readings(self) -> tuple[Reading, ...]:
        return self.forms.readings

    @property
    def keys(self) -> frozenset[str]:
        """The keys of all its readings."""
        return self.forms.keys


_TRIGGERS = attrgetter("triggers")
_KEY = attrgetter("key")
_KEYS, _KEYS_SLOT = attrgetter("keys"), attrgetter("_keys")
MIN_CORE = 2  # letters of a key's core worth a search (`EventDocument._around_with`)
_CUES, _CUES_SLOT = attrgetter("cues"), attrgetter("_cues")


_NO_KEYS: frozenset[str] = frozenset()


def _known_keys(forms: list[Forms]) -> list[frozenset[str]]:
    """The keys of each word that may start a cue (none for the others)."""
    found = list(map(_KEYS_SLOT, forms))
    if None in found:
        for index in missing(found):
            form = forms[index]
            found[index] = form.keys if form.cue_able else _NO_KEYS
    return found


def _lazy(forms: list[Forms], slot: attrgetter, compute: attrgetter) -> list:
    """One lazily computed attribute of every Forms: read off where known, computed on the misses."""
    found = list(map(slot, forms))
    if None in found:
        for index in missing(found):
            found[index] = compute(forms[index])
    return found


def _token_view(analysis: Analysis, tokens: Sequence[Token]) -> TokenView:
    """The shared view of the document's tokens when it was built on these tokens, else one of its own."""
    view = analysis.views.get(VIEW_NAME)
    if view is None or view.tokens is not tokens:
        view = TokenView(analysis.text, list(tokens), [sentence.start for sentence in analysis.sentences])
    return view


_FORMS: dict[int, dict[str, Forms]] = {}  # per lexicon: word -> its forms
_FORMS_LIMIT = 300_000


def _forms_cache(lexicon: EventLexicon) -> dict[str, Forms]:
    return _FORMS.setdefault(id(lexicon), {})


def _forms(cache: dict[str, Forms], lexicon: EventLexicon, text: str, key: str) -> Forms:
    forms = Forms(text, lexicon, key)
    if len(cache) < _FORMS_LIMIT:
        cache[text] = forms
    return forms


class Found(NamedTuple):
    """A lexicon phrase over words first..last; `reading` is how its first word was read."""

    phrase: Phrase
    first: int
    last: int
    reading: Reading


class Named(NamedTuple):
    """An entity over words first..last, with the proclitic letters its first word carries."""

    entity: Entity
    first: int
    last: int
    prefix: str


class Dated(NamedTuple):
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
        self.guillemet_spans: list[tuple[int, int]] = []  # words between «»
        self.soft_starts: set[int] = set()  # clauses that continue the one before (same sentence)
        self.cue_roles: dict[int, set[str]] = {}
        self.cues: list[Found] = []
        self.named: list[Named] = []
        self.dated: list[Dated] = []
        self.date_words: set[int] = set()
        self.memo: dict = {}  # what arguments.py reads more than once (actors of a span, arguments of a trigger)
        self._spans: dict[int, tuple[int, int]] | None = None
        self.around_words: list[Word] = []
        self._word_cache = _forms_cache(lexicon)
        self._read_words(tokens, lexicon)
        raw_triggers = self._licensed(self._found(self._trigger_starts), lexicon)
        if not raw_triggers or self._only_talk(raw_triggers, lexicon):
            self.triggers: list[Found] = []
            return  # most texts: nothing happens, nothing more to read
        self._build_words()
        self.word_starts = [word.start for word in self.words]
        self.paragraph_of_sentence = self._paragraphs()
        self._sentence_bounds = self._sentence_spans()  # computed once, on first use
        # cues and names read again matter around triggers: their sentences and the one before each
        around = {self.words[t.first].sentence - step for t in raw_triggers for step in (0, 1)}
        # what the police did to a protest is often told in the next sentence
        around |= {self.words[t.first].sentence + 1 for t in raw_triggers if t.phrase.meaning == "protest"}
        self._read_around(sorted(around))
        cues = _lazy(self._around_forms, _CUES_SLOT, _CUES)
        cue_starts = zip(compress(self._around_indices, cues), filter(None, cues))
        self.cues = _longest_first(self._found(cue_starts), compete=_meaning)
        for cue in self.cues:
            for index in range(cue.first, cue.last + 1):
                self.cue_roles.setdefault(index, set()).add(cue.phrase.meaning)
        self.triggers = _longest_first(self._verb_or_noun(raw_triggers), compete=_anything)
        for trigger in self.triggers:  # «...، وتبنى التنظيم الهجوم»: a new verb after a comma
            if trigger.phrase.is_verb and trigger.reading.prefix.startswith("و") and trigger.first in self.after_comma:
                self.clause_starts.add(trigger.first)
                self.soft_starts.add(trigger.first)
        self.hard_starts = {cue.first for cue in self.cues if cue.phrase.meaning == "boundary"} | self.mark_starts
        self.clause_starts |= self.hard_starts
        self.head_keys = set().union(*(cue.phrase.words[0] for cue in self.cues if cue.phrase.meaning == "head"))
        self.named = [self._named(entity) for entity in analysis.entities if entity.type != "DATE"]
        self.named = [named for named in self.named if named is not None]
        self.named = sorted(self._whole_quoted_names() + self._titled_names(), key=lambda n: n.first)
        self.named = sorted(self.named + self._actor_anaphors(), key=lambda n: n.first)
        self.named = sorted(self.named + self._fighter_anaphors(), key=lambda n: n.first)
        self.named = sorted(self.named + self._affiliated_fighters(), key=lambda n: n.first)
        self.named = sorted(self.named + self._family_names(), key=lambda n: n.first)
        self.dated = [dated for dated in (self._dated(date) for date in analysis.dates) if dated is not None]
        self.date_words = {index for dated in self.dated for index in range(dated.first, dated.last + 1)}
        self._clause_bounds = self._clauses()
        self._index_lookups()

    # --- building -------------------------------------------------------------------

    def _read_around(self, sentences: list[int]) -> None:
        """The words of the given sentences (`around_words`), their indices, forms and keys."""
        bounds = self._sentence_bounds
        words, forms = self.words, self.word_forms
        self.around_words = []
        self._around_indices: list[int] = []
        self._around_forms: list[Forms] = []
        for sentence in sentences:
            if sentence in bounds:
                first, last = bounds[sentence]
                self.around_words += words[first : last + 1]
                self._around_indices += range(first, last + 1)
                self._around_forms += forms[first : last + 1]
        # the around words written out (normalised), one a line, to search them all at once
        written = list(map(_KEY, self._around_forms))
        self._around_text = "\n".join(written)
        self._around_offsets = list(accumulate(map((1).__add__, map(len, written)), initial=0))

    def _around_with(self, keys: frozenset[str] | set[str]) -> list[int]:
        """Positions in `around_words` of the words one of whose readings has a key in
        `keys`.  A reading's key less its last letter is in the written word (the last
        letter is all `readings` may change): the words holding one are found by
        searching the written words, and only they are read."""
        forms = self._around_forms
        cores = {key[:-1] for key in keys}
        if not keys or min(map(len, cores)) < MIN_CORE:  # one letter is in too many words: read them all
            return list(compress(count_from(), map(not_, map(keys.isdisjoint, _lazy(forms, _KEYS_SLOT, _KEYS)))))
        else:
            candidates = sorted(self._holding(cores))
        return [position for position in candidates if not keys.isdisjoint(forms[position].keys)]

    def _holding(self, cores: set[str]) -> set[int]:
        """Positions of the around words whose written form holds one of `cores`."""
        text, offsets = self._around_text, self._around_offsets
        found: set[int] = set()
        for core in cores:
            at = text.find(core)
            while at >= 0:
                position = bisect_right(offsets, at) - 1
                found.add(position)
                at = text.find(core, offsets[position + 1])  # on from the next word
        return found

    def _only_talk(self, triggers: list[Found], lexicon: EventLexicon) -> bool:
        """Only words of saying, and no armed group or its outlet named: ordinary news
        («قال الوزير إن ...»), where a monitor looks for no event."""
        for trigger in triggers:
            meaning = trigger.phrase.meaning
            kind = lexicon.types.get(meaning)
            if meaning not in TALK_MEANINGS and (kind is None or kind.family != "communication"):
                return False
        return not any(entity.kind in ARMED_OR_OUTLET for entity in self.analysis.entities)

    def _read_words(self, tokens: Sequence[Token], lexicon: EventLexicon) -> None:
        """Words with their sentence; a quotation (quotes layer) is a clause of its own
        and its words are `quoted` (names in guillemets, «قسد», are not quotations).
        The trigger phrases a word may start are noted on the way (`_trigger_starts`).
        Done in bulk on the shared token view (`map` over whole lists, a Python step
        only for the words this process has not seen yet): it is the one part of the
        layer that runs over every token of every text."""
        view = _token_view(self.analysis, tokens)
        word_indices = view.word_indices
        starts = list(map(view.starts.__getitem__, word_indices))
        ends = list(map(view.ends.__getitem__, word_indices))
        texts = list(map(view.texts.__getitem__, word_indices))
        count = len(starts)
        sentence_of = list(map(view.sentence_of.__getitem__, word_indices))
        before_first = bisect_left(sentence_of, 0)  # words before the first sentence are in it
        sentence_of[:before_first] = [0] * before_first
        self._sentence_of = sentence_of
        # marks with the number of words before them
        mark_indices = list(compress(count_from(), map(not_, map(_WORD_KINDS.__contains__, view.kinds))))
        marks = list(zip(map(sub, mark_indices, count_from()), map(view.texts.__getitem__, mark_indices)))
        quoted = self._quoted_flags(starts)
        named = self._read_marks(marks, sentence_of, count)
        cache = self._word_cache
        infos = list(map(cache.get, texts))
        if None in infos:
            for index in missing(infos):
                text = texts[index]
                infos[index] = cache.get(text) or _forms(cache, lexicon, text, normal(text))
        self.word_forms = infos
        triggers = list(map(_TRIGGERS, infos))
        self._trigger_starts = list(zip(compress(count_from(), triggers), filter(None, triggers)))
        self.clause_starts.update(self._quote_edges(quoted))
        self._word_keys = [*map(_KEY, infos), ""]  # each word's key, then "" (no word)
        self._columns = (starts, ends, texts, infos, sentence_of, quoted, named, self._word_keys)

    def _build_words(self) -> None:
        """The Word of every word (from the columns `_read_words` made): built only for a
        text with triggers, the one that is read further."""
        starts = self._columns[0]
        self.words = list(map(tuple.__new__, repeat(Word), zip(range(len(starts)), *self._columns)))

    def _quote_edges(self, quoted: list[bool]) -> list[int]:
        """Words where a quotation begins or ends (`quoted` changes only at a quote's edges)."""
        edges = {bisect_left(self._starts, edge) for quote in self.analysis.quotes for edge in (quote.start, quote.end)}
        return [index for index in edges if index < len(quoted) and quoted[index] != (quoted[index - 1] if index else False)]

    def _quoted_flags(self, starts: list[int]) -> list[bool]:
        """Whether each word starts inside a quotation (quotes layer)."""
        self._starts = starts
        quoted = [False] * len(starts)
        for quote in self.analysis.quotes:
            first, last = bisect_left(starts, quote.start), bisect_left(starts, quote.end)
            quoted[first:last] = [True] * (last - first)
        return quoted

    def _read_marks(self, marks: list[tuple[int, str]], sentence_of: list[int], count: int) -> list[bool]:
        """Clause marks, commas and guillemets (each mark with the number of words before
        it); returns whether each word is inside guillemets.  Guillemets hold within a
        sentence: the first word of the next one closes them."""
        self.mark_starts: set[int] = set()  # clauses opened by «:», «;» or a parenthesis
        named = [False] * count
        opened: int | None = None  # words before the open guillemet
        open_sentence = 0

        def close(until: int) -> None:
            last = min(until, bisect_right(sentence_of, open_sentence, opened))
            if last > opened:
                named[opened:last] = [True] * (last - opened)

        for position, text in marks:
            if text in _CLAUSE_MARKS:
                self.clause_starts.add(position)
                self.mark_starts.add(position)
            elif text == "،" or text == ",":
                self.after_comma.add(position)
            elif "«" in text:
                if opened is not None:
                    close(position)
                opened, open_sentence = position, sentence_of[position - 1] if position else 0
            elif "»" in text:
                if opened is not None:
                    close(position)
                    if position > opened and sentence_of[position - 1] == open_sentence:
                        self.guillemet_spans.append((opened, position - 1))
                opened = None
        if opened is not None:
            close(count)
        return named

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

    def _sentence_spans(self) -> dict[int, tuple[int, int]]:
        """(first, last) word of every sentence."""
        if self._spans is not None:
            return self._spans
        spans: dict[int, tuple[int, int]] = {}
        self._spans = spans
        sentence_of = self._sentence_of  # never decreasing: one bisection per sentence
        begin, count = 0, len(sentence_of)
        while begin < count:
            end = bisect_right(sentence_of, sentence_of[begin], begin)
            spans[sentence_of[begin]] = (begin, end - 1)
            begin = end
        return spans

    def _found(self, starts) -> list[Found]:
        """The phrases (whole) that start at the given words: (word index, (phrase, reading) pairs)."""
        found: list[Found] = []
        append = found.append
        make = tuple.__new__
        sentence_of, word_forms = self._sentence_of, self.word_forms
        count = len(sentence_of)
        for index, pairs in starts:
            for phrase, reading in pairs:
                size = phrase.size
                if size == 1:
                    append(make(Found, (phrase, index, index, reading)))
                elif size == 2 and not phrase.is_verb:
                    # two adjacent words («في حين», «عبوة ناسفة»)
                    following = index + 1
                    if following < count and sentence_of[following] == sentence_of[index] and not phrase.words[1].isdisjoint(word_forms[following].keys):
                        append(make(Found, (phrase, index, following, reading)))
                else:
                    last = self._rest_matches(phrase, index)
                    if last is not None:
                        append(make(Found, (phrase, index, last, reading)))
        return found

    def _licensed(self, triggers: list[Found], lexicon: EventLexicon) -> list[Found]:
        """Triggers whose needed cue («قال» needs a venue) has a word of its in the
        sentence: a quick filter before the cues are read (the clause is checked later).
        A speech verb with «أن» after it may announce an attack (a claim, mentions.py) or
        be a Statement; «أعلن» with a noun announces one («أعلن الحداد»)."""
        if not any(t.phrase.needs for t in triggers):
            return triggers
        first_words = lexicon.cue_first_words
        speech = first_words.get("venue", frozenset()) | first_words.get("complement", frozenset())
        bounds = self._sentence_spans()
        answers: dict[tuple[int, str], bool] = {}

        def sentence_has(sentence: int, needs: str) -> bool:
            known = answers.get((sentence, needs))
            if known is None:
                allowed = speech if needs == "venue" else first_words[needs]
                first, last = bounds[sentence]
                keys = _known_keys(self.word_forms[first : last + 1])  # cue words only
                known = answers[(sentence, needs)] = not all(map(allowed.isdisjoint, keys))
            return known

        def licensed(trigger: Found) -> bool:
            needs = trigger.phrase.needs
            if not needs or needs == "venue" and trigger.phrase.form.startswith("أعلن"):
                return True
            if needs == "claimable" and trigger.reading.suffix:
                return True  # «وتبناه التنظيم»: the pronoun stands for the attack told before
            return sentence_has(self._sentence_of[trigger.first], needs)

        return [trigger for trigger in triggers if licensed(trigger)]

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
        sentence_of, word_forms = self._sentence_of, self.word_forms
        sentence = sentence_of[first]
        for forms in phrase.words[1:]:
            for candidate in range(position + 1, min(position + 2 + gap, len(sentence_of))):
                if sentence_of[candidate] != sentence:
                    return None
                if not forms.isdisjoint(word_forms[candidate].keys):
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
        prefix = norm(word.text[:cut]) if (cut := entity.start - word.start) > 0 else ""
        if not prefix and first > 0 and self.is_proclitic(first - 1):
            prefix = self.words[first - 1].key  # «لـ«داعش»»: the particle stands apart
        return Named(entity, first, last, prefix)

    def is_proclitic(self, index: int) -> bool:
        """A particle written apart from its word («لـ», «بـ», «و» before a quote mark)."""
        return self.words[index].key in _LONE_PARTICLES

    def _whole_quoted_names(self) -> list[Named]:
        """The entities, with a person read only in part inside guillemets given the whole
        name («التونسي «محمد لحويج بوهلال»» read as «محمد»)."""
        named = list(self.named)
        for first, last in self.guillemet_spans:
            inside = [n for n in named if first <= n.first and n.last <= last]
            if len(inside) != 1 or inside[0].entity.type != "PER" or (inside[0].first, inside[0].last) == (first, last):
                continue
            if not MIN_NAME_WORDS <= last - first + 1 <= MAX_NAME_WORDS or any(self.words[i].quoted for i in range(first, last + 1)):
                continue
            if any(n.first < first <= n.last or n.first <= last < n.last for n in named):
                continue
            start, end = self.words[first].start, self.words[last].end
            text = self.text[start:end]
            partial = inside[0].entity
            canonical = partial.canonical if partial.canonical and partial.canonical != partial.text else text
            named.remove(inside[0])
            named.append(Named(Entity(start, end, text, "PER", canonical, "person"), first, last, ""))
        return named

    def _titled_names(self) -> list[Named]:
        """A name in guillemets right after an office or title that the entity layer did not
        read («وزير الداخلية الفرنسي «كريستوف كاستانير»»): a person, named as written."""
        covered = {index for named in self.named for index in range(named.first, named.last + 1)}
        found = []
        for first, last in self.guillemet_spans:
            words = self.words[first : last + 1]
            if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or any(w.index in covered or w.quoted for w in words):
                continue
            if self.words[first].sentence != self.words[last].sentence:
                continue
            title = range(max(first - TITLE_GAP, 0), first)
            if not any("office" in self.roles_at(index) for index in title):
                continue
            start, end = words[0].start, words[-1].end
            text = self.text[start:end]
            found.append(Named(Entity(start, end, text, "PER", text, "person"), first, last, ""))
        return found

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
        every_head = {_head_key(n.entity.text) for n in pending if n.entity.type == "ORG" and n.entity.kind in ANAPHOR_KINDS}
        if not every_head:
            return found
        position = 0
        around = self.around_words
        for word in map(around.__getitem__, self._around_with(every_head)):
            definite = [key for key in definite_keys(word.text) if key in every_head]
            if not definite:
                continue
            while position < len(pending) and pending[position].last < word.index:
                named = pending[position]
                if named.entity.type == "ORG" and named.entity.kind in ANAPHOR_KINDS:
                    heads[_head_key(named.entity.text)] = named
                position += 1
            if word.index in covered or word.index in blocked:
                continue
            antecedent = next((heads[key] for key in definite if key in heads), None)
            if antecedent is None or (len(antecedent.entity.text.split()) < 2 and word.index not in listed):
                continue
            reading = next(r for r in word.readings if r.key in heads)
            start = self.words[word.index].start + _skip(word.text, len(reading.prefix) - (2 if reading.prefix.endswith("ال") else 1))
            old = antecedent.entity
            entity = Entity(start, word.end, self.text[start : word.end], old.type, old.canonical, old.kind)
            found.append(Named(entity, word.index, word.index, ""))
        return found

    def _fighter_anaphors(self) -> list[Named]:
        """«المسلحون», «المهاجمين» standing alone after an armed group was named: that
        group's fighters («اقتحم مسلحو طالبان ... وواصل المسلحون تقدمهم»).  Not before any
        group is named, and not with a group right after («مسلحو التنظيم» is named there)."""
        found = []
        covered = {index for named in self.named for index in range(named.first, named.last + 1)}
        groups = [n for n in self.named if n.entity.type == "ORG" and n.entity.kind == "armed_group"]
        if not groups:
            return found
        around = self.around_words
        for word in map(around.__getitem__, self._around_with(FIGHTERS)):
            if word.index in covered or not FIGHTERS.intersection(definite_keys(word.text)):
                continue
            if word.index + 1 < len(self.words) and (word.index + 1) in covered:
                continue
            before = [n for n in groups if n.last < word.index]
            if not before:
                continue
            group = before[-1].entity
            reading = next(r for r in word.readings if r.key in FIGHTERS)
            start = word.start + _skip(word.text, len(reading.prefix) - (2 if reading.prefix.endswith("ال") else 1))
            entity = Entity(start, word.end, self.text[start : word.end], "ORG", group.canonical, group.kind)
            found.append(Named(entity, word.index, word.index, ""))
        return found

    def _affiliated_fighters(self) -> list[Named]:
        """«مسلحون من حركة الشباب», «عناصر تابعين لتنظيم داعش»: fighters told by the group they
        belong to are that group (not unknown gunmen); a patron after a named actor («قوات
        مدعومة من تركيا») is not concerned, nor «مسلحون مجهولون»."""
        covered = {index for named in self.named for index in range(named.first, named.last + 1)}
        groups = {n.first: n for n in self.named if n.entity.type == "ORG" and n.entity.kind == "armed_group"}
        found = []
        for word in map(self.around_words.__getitem__, self._around_with(FIGHTER_NOUNS)):
            if word.index in covered:
                continue
            group = self._group_after(word.index, groups)
            if group is None:
                continue
            reading = next(r for r in word.readings if r.key in FIGHTER_NOUNS)
            start = word.start + _skip(word.text, len(reading.prefix))
            entity = Entity(start, word.end, self.text[start : word.end], "ORG", group.entity.canonical, group.entity.kind)
            found.append(Named(entity, word.index, word.index, reading.prefix))
            self.cue_roles.get(word.index, set()).discard("unknown_actor")  # named after all
        return found

    def _group_after(self, index: int, groups: dict[int, Named]) -> Named | None:
        """The armed group right after a fighters noun, behind «من», «لـ» or a word of
        belonging («التابعين», «الموالين», «ينتمون إلى»)."""
        position = index + 1
        for _ in range(AFFILIATION_GAP + 1):
            if position >= len(self.words) or self.words[position].sentence != self.words[index].sentence:
                return None
            if position in groups:
                group = groups[position]
                linked = position > index + 1 or group.prefix.endswith(("ل", "لل"))  # «مقاتلي «قسد»»: the name itself is there
                # «داعش - ولاية غرب أفريقيا»: the province named right after is the one meant
                narrower = next((groups[i] for i in range(group.last + 1, group.last + 3) if i in groups), None)
                return (narrower or group) if linked else None
            if self.words[position].key not in BELONGING and "head" not in self.roles_at(position):
                return None  # «من تنظيم ولاية غرب إفريقيا»: a group's head noun may stand before its name
            position += 1
        return None

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
        if not endings:
            return found
        last_keys = {keys[-1] for keys in endings} | {reading.key for keys in endings for reading in readings(keys[-1])}
        for word in self._family_candidates(last_keys):
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

    def _family_candidates(self, last_keys: set[str]) -> list[Word]:
        """The around words with a reading in `last_keys` or followed by a word written as one."""
        around = self.around_words
        positions = set(self._around_with(last_keys))
        following = map(self._word_keys.__getitem__, map((1).__add__, self._around_indices))  # "" after the last word
        positions.update(compress(count_from(), map(last_keys.__contains__, following)))
        return list(map(around.__getitem__, sorted(positions)))

    def _dated(self, date: DateMention) -> Dated | None:
        span = self._word_range(date.start, date.end)
        return Dated(date, *span) if span else None

    def _clauses(self) -> list[tuple[int, int]]:
        """(first, last) word of the clause of every word."""
        words = self.words
        starts = set(self.clause_starts)
        starts.update(first for first, _ in self._sentence_bounds.values())  # where the sentence changes
        starts.add(0)
        edges = sorted(index for index in starts if index < len(words)) + [len(words)]
        bounds: list[tuple[int, int]] = []
        for begin, end in zip(edges, edges[1:]):
            bounds.extend([(begin, end - 1)] * (end - begin))
        return bounds

    def _index_lookups(self) -> None:
        """Sorted positions for the range queries the reader makes many times."""
        self._role_words: dict[str, list[int]] = {}
        for index in sorted(self.cue_roles):
            for role in self.cue_roles[index]:
                self._role_words.setdefault(role, []).append(index)
        self._verb_role_words: dict[str, list[int]] = {}
        for cue in self.cues:  # in order of their first word
            if cue.phrase.is_verb:
                self._verb_role_words.setdefault(cue.phrase.meaning, []).append(cue.first)
        self._named_firsts = [named.first for named in self.named]
        self.dated.sort(key=lambda dated: dated.first)
        self._dated_firsts = [dated.first for dated in self.dated]

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
        return self._sentence_bounds[self.words[index].sentence]

    def paragraph(self, index: int) -> int:
        return self.paragraph_of_sentence[min(self.words[index].sentence, len(self.paragraph_of_sentence) - 1)]

    def has_cue(self, role: str, first: int, last: int) -> bool:
        positions = self._role_words.get(role)
        if not positions:
            return False
        at = bisect_left(positions, first)
        return at < len(positions) and positions[at] <= last

    def verb_cue_words(self, role: str, first: int, last: int) -> list[int]:
        """Words in first..last where a cue of `role` given as a verb starts («يعتزم»)."""
        positions = self._verb_role_words.get(role)
        if not positions:
            return []
        return positions[bisect_left(positions, first) : bisect_right(positions, last)]

    def cue_words(self, role: str, first: int, last: int) -> list[int]:
        positions = self._role_words.get(role)
        if not positions:
            return []
        return positions[bisect_left(positions, first) : bisect_right(positions, last)]

    def roles_at(self, index: int) -> set[str]:
        return self.cue_roles.get(index, _NO_ROLES)

    def named_in(self, first: int, last: int) -> list[Named]:
        found = self.named[bisect_left(self._named_firsts, first) : bisect_right(self._named_firsts, last)]
        return [named for named in found if named.last <= last]

    def dates_in(self, first: int, last: int) -> list[Dated]:
        return self.dated[bisect_left(self._dated_firsts, first) : bisect_right(self._dated_firsts, last)]

    def span_text(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.words[first].start, self.words[last].end
        return start, end, self.text[start:end]


ANAPHOR_KINDS = frozenset(("armed_group", "state_force", "government", "coalition", "political_movement"))
TALK_MEANINGS = frozenset(("warning",))  # trigger classes of saying
ARMED_OR_OUTLET = frozenset(("armed_group", "media_outlet"))
FIGHTERS = frozenset(("مسلحون", "مسلحين", "مهاجمون", "مهاجمين"))  # «المسلحون»: the fighters of the group named last
# Nouns for fighters that a following group name claims («مسلحون من حركة الشباب»), and the
# words of belonging allowed between them.
FIGHTER_NOUNS = frozenset(("مسلحون", "مسلحين", "مسلحو", "مسلحي", "مقاتلون", "مقاتلين", "مقاتلو", "مقاتلي", "عناصر", "مهاجمون", "مهاجمين", "متشددون", "متشددين"))
BELONGING = frozenset(("من", "تابعين", "التابعين", "تابعون", "تابعه", "التابعه", "ينتمون", "ينتمي", "الي", "موالين", "الموالين", "منتمين", "المنتمين"))
AFFILIATION_GAP = 2


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
    """Drop a phrase that overlaps a longer one it competes with (then the earlier wins):
    two phrases compete when `compete` gives both the same value."""
    kept: list[Found] = []
    at: dict[int, set] = {}
    for item in sorted(found, key=_LONGEST_EARLIEST):
        value = compete(item)
        if item.first == item.last:
            if value in at.get(item.first, ()):
                continue
        elif any(value in at.get(index, ()) for index in range(item.first, item.last + 1)):
            continue
        kept.append(item)
        for index in range(item.first, item.last + 1):
            at.setdefault(index, set()).add(value)
    return sorted(kept, key=_FIRST_LAST)


def _LONGEST_EARLIEST(found: Found) -> tuple[int, int]:
    return found.first - found.last, found.first


_FIRST_LAST = itemgetter(1, 2)  # Found.first, Found.last


def _meaning(found: Found) -> str:
    return found.phrase.meaning


def _anything(found: Found) -> bool:
    return True
