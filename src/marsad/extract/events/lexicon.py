"""The events lexicons (src/marsad/resources/events/): types, trigger classes, triggers
and cues, loaded once per process.

Every word of every row is expanded into its forms (forms.py) and indexed by the key of
its first word, so a document's word is looked up through its readings with one dict
access each; the rest of a phrase is checked word by word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import Errors, MarsadError
from ..tables import Row, read_rows
from .forms import KeyTest, present_forms, word_forms

FAMILIES = frozenset(("violent", "strategic", "protest", "communication"))
POS = frozenset(("verb", "noun", "word"))
ROLES = frozenset(("agent", "patient", "leaver"))
STRENGTHS = frozenset(("strong", "weak"))
CUE_ROLES = frozenset(
    (
        "boundary", "negation", "denial", "modality", "claim", "accusation", "support", "target", "with",
        "between", "source", "recipient", "agent", "doer", "locative", "direction", "region", "spokesman",
        "civilian", "armed_target", "suicide", "explosive", "air", "shelling", "venue", "media", "weapon",
        "peaceful", "detainee", "claim_verb", "habitual", "protest_sign", "supported", "parties", "intervention", "force", "riot", "protesters", "head", "complement", "unknown_actor", "place_anaphor", "office", "destination", "relative", "actor_anaphor", "conclude", "stronghold", "not_anaphor", "spokesperson", "enumeration", "vessel", "count", "affiliation", "reference", "armed_actor", "sequel", "launch", "purpose_exception", "held", "place_noun", "dual_region", "visit", "not_a_name", "according", "sport", "conflict", "figurative",
        "abstract", "claimable", "civil_deal", "preposition", "noun_homograph", "then", "demonstrative",
    )
)
NONE = "-"
CACHE_LIMIT = 300_000  # distinct words whose phrase-starting readings are remembered


@dataclass(frozen=True)
class EventType:
    name: str
    event_type: str
    family: str


@dataclass(frozen=True)
class TriggerClass:
    name: str
    type: str
    when_state: str | None
    when_armed: str | None
    cues: tuple[tuple[str, str], ...]  # (cue role, type), tried in order


@dataclass(frozen=True)
class Phrase:
    """A trigger or cue row: its words' forms and what it means."""

    form: str  # as written in the resource, reported as the event's cue
    words: tuple[frozenset[str], ...]
    meaning: str  # trigger: class or type; cue: role
    pos: str
    roles: str = "agent"
    needs: str | None = None
    strong: bool = True
    present: frozenset[str] = frozenset()  # a verb's present-tense forms
    is_verb: bool = field(init=False, compare=False, hash=False, repr=False)  # pos == "verb", read very often
    size: int = field(init=False, compare=False, hash=False, repr=False)  # number of words

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_verb", self.pos == "verb")
        object.__setattr__(self, "size", len(self.words))


@dataclass
class PhraseIndex:
    """Phrases by the forms of their first word."""

    by_first: dict[str, list[Phrase]] = field(default_factory=dict)
    first_keys: set[str] = field(default_factory=set)
    _cache: dict[str, tuple] = field(default_factory=dict, repr=False)
    _test: KeyTest | None = field(default=None, repr=False)

    def add(self, phrase: Phrase) -> None:
        for form in phrase.words[0]:
            self.by_first.setdefault(form, []).append(phrase)
            self.first_keys.add(form)

    def could_start(self, written: str) -> bool:
        """A quick test, on the normalised word, that one of its readings may be a
        phrase's first word (never false when one is; `phrases_starting` says which).
        A reading's key is the written word less a proclitic and a pronoun, its last
        letter changed at most («سيطرت» -> «سيطره», «اختطفو» -> «اختطفوا»): its first
        three letters are in the word after the proclitic, or, for a two-letter key, all
        of it."""
        if self._test is None:
            self._test = KeyTest(self.first_keys)
        return self._test(written)

    def phrases_starting(self, text: str, readings) -> tuple:
        """(phrase, reading) for every phrase a word (by its text) may start, the way its
        reading fits the phrase's pos; remembered per distinct word, since most words of a
        corpus repeat."""
        found = self._cache.get(text)
        if found is None:
            seen = set()
            pairs = []
            for reading in readings:
                for phrase in self.by_first.get(reading.key, ()):
                    if (phrase.form, phrase.meaning) not in seen and fits(phrase, reading):
                        seen.add((phrase.form, phrase.meaning))
                        pairs.append((phrase, reading))
            found = tuple(pairs)
            if len(self._cache) < CACHE_LIMIT:
                self._cache[text] = found
        return found


# A verb takes a conjunction, the future «س» or the «ل» of purpose, never a preposition
# or the article («بطرد», «القصف» are nouns).
VERB_PREFIXES = frozenset(("", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"))
WORD_PREFIXES = frozenset(("", "و", "ف", "ال", "وال", "فال"))


def fits(phrase: Phrase, reading) -> bool:
    """Whether a reading of a word may be the first word of a phrase: a verb takes no
    article («القصف» is the noun); a noun takes no future «س»; a particle written as a
    word takes only a conjunction or the article when it is short («ولم» is لم, «كما» is
    not ك + ما), a preposition too when longer («بريف», «بمدينة»)."""
    if phrase.pos == "verb":
        return reading.prefix in VERB_PREFIXES
    if phrase.pos == "noun":
        return not reading.prefix.endswith("س")
    if reading.suffix:
        return False
    return reading.prefix in WORD_PREFIXES or (len(reading.key) >= 3 and "س" not in reading.prefix)


@dataclass
class EventLexicon:
    types: dict[str, EventType]
    classes: dict[str, TriggerClass]
    triggers: PhraseIndex
    cues: PhraseIndex
    cue_first_words: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> first-word forms

    def event_type(self, name: str) -> EventType:
        return self.types[name]


def _phrase_words(path: str, row: Row, spec: str, pos: str) -> tuple[frozenset[str], ...]:
    """Forms of each word of a phrase: the first inflects by `pos`, the others as written."""
    parts = spec.split(" ")
    try:
        first = word_forms(parts[0], pos)
    except ValueError as error:
        raise MarsadError(Errors.M140, path=path, line=row.line, reason=str(error)) from None
    rest = [word_forms(part, "word" if pos == "word" else "noun") for part in parts[1:] if part]
    return (frozenset(first), *(frozenset(forms) for forms in rest))


def _check(path: str, row: Row, value: str, allowed, what: str) -> str:
    if value not in allowed:
        raise MarsadError(Errors.M140, path=path, line=row.line, reason=f"unknown {what} {value!r}; use one of: {', '.join(sorted(allowed))}")
    return value


def _types() -> dict[str, EventType]:
    path = "events/types.tsv"
    found = {}
    for row in read_rows(path, 3):
        name, event_type, family = row.fields
        if name == "type":
            continue
        found[name] = EventType(name, event_type, _check(path, row, family, FAMILIES, "family"))
    return found


def _classes(types: dict[str, EventType]) -> dict[str, TriggerClass]:
    path = "events/classes.tsv"
    found = {}
    for row in read_rows(path, 5):
        name, default, state, armed, cues = row.fields
        if name == "class":
            continue
        _check(path, row, default, types, "event type")
        pairs = []
        for pair in cues.split(";") if cues != NONE else []:
            role, _, type_name = pair.partition("=")
            pairs.append((_check(path, row, role.strip(), CUE_ROLES, "cue role"), _check(path, row, type_name.strip(), types, "event type")))
        found[name] = TriggerClass(
            name,
            default,
            None if state == NONE else _check(path, row, state, types, "event type"),
            None if armed == NONE else _check(path, row, armed, types, "event type"),
            tuple(pairs),
        )
    return found


def _triggers(types, classes) -> PhraseIndex:
    path = "events/triggers.tsv"
    index = PhraseIndex()
    for row in read_rows(path, 6):
        form, pos, meaning, roles, needs, strength = row.fields
        if form == "form":
            continue
        _check(path, row, pos, POS - {"word"}, "pos")
        _check(path, row, meaning, {**types, **classes}, "event type or class")
        _check(path, row, roles, ROLES, "roles")
        _check(path, row, strength, STRENGTHS, "strength")
        if needs != NONE:
            _check(path, row, needs, CUE_ROLES, "cue role")
        present = frozenset(present_forms(*form.split(" ")[0].split("|"))) if pos == "verb" else frozenset()
        index.add(Phrase(form, _phrase_words(path, row, form, pos), meaning, pos, roles, None if needs == NONE else needs, strength == "strong", present))
    return index


def _cues() -> PhraseIndex:
    path = "events/cues.tsv"
    index = PhraseIndex()
    for row in read_rows(path, 3):
        form, pos, role = row.fields
        if form == "form":
            continue
        _check(path, row, pos, POS, "pos")
        index.add(Phrase(form, _phrase_words(path, row, form, pos), _check(path, row, role, CUE_ROLES, "cue role"), pos))
    return index


@lru_cache(maxsize=1)
def load_lexicon() -> EventLexicon:
    types = _types()
    classes = _classes(types)
    cues = _cues()
    first_words: dict[str, set[str]] = {}
    for phrases in cues.by_first.values():
        for phrase in phrases:
            first_words.setdefault(phrase.meaning, set()).update(phrase.words[0])
    return EventLexicon(types, classes, _triggers(types, classes), cues, {role: frozenset(forms) for role, forms in first_words.items()})
