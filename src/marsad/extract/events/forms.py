"""Word forms for the event lexicons: the inflections a resource row stands for, and the
readings of a word of the text with its clitics stripped.

A resource gives a verb once, as «past|present» in the third person masculine singular
(«سيطر|يسيطر»); `verb_forms` makes the other persons, numbers and genders.  A noun is
given with its plurals; `noun_forms` adds duals («غارتين») and the accusative alef
(«متوعدًا» -> «متوعدا»).  A word of the text is read by `readings`: as written, then
without a conjunction, a preposition, the future «س», the article, or an attached
pronoun («وبسيطرتها» -> «سيطرة»).  Everything is in the normalised alphabet of
`marsad.text.normalize` (alef and hamza forms, alef maqsura, ta marbuta folded), so
«سيطرة» is «سيطره» here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from ...text import normalize

TA_MARBUTA = "ه"  # ة after normalisation
_CONJUNCTIONS = ("", "و", "ف")
_PARTICLES = ("", "ب", "ل", "ك", "س")  # prepositions and the future prefix
_ARTICLE = "ال"
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "نا", "كم", "ني")
_PRONOUNS_AFTER_TA = ("نا", "كم", "ني")  # «ة» folds to «ه»: no «ه» pronouns after it
_PRESENT_PERSONS = ("ي", "ت")  # third persons (and «ت» you): news reports; «نصف» is half, not «we describe»
_PERSON_LETTERS = ("ي", "ت", "ن", "ا")
_WEAK_ENDINGS = ("ي", "ا", "و")
MIN_STEM = 2


class Reading(NamedTuple):
    key: str  # the normalised stem
    prefix: str  # the proclitic letters stripped («وب», «س», «ال»...)
    suffix: str  # the attached pronoun stripped


def norm(text: str) -> str:
    return normalize(text)


def verb_forms(past: str, present: str) -> set[str]:
    """Past and present forms of a verb in every person, number and gender."""
    past, present = norm(past), norm(present)
    forms = {past}
    weak = past[:-1] if past.endswith(_WEAK_ENDINGS) else past
    forms.update(
        (past + "ت", weak + "ت", past + "وا", weak + "وا", past + "ا", past + "تا", past + "ن", past + "نا", past + "تم", weak + "تا")
    )
    stem = present[1:] if present[:1] in _PERSON_LETTERS else present
    weak_stem = stem[:-1] if stem.endswith(_WEAK_ENDINGS) else stem
    for person in _PRESENT_PERSONS:
        forms.update((person + stem, person + stem + "ون", person + stem + "ان", person + stem + "وا", person + stem + "ين"))
        forms.update((person + weak_stem + "ون", person + weak_stem + "وا", person + weak_stem + "ين"))
    forms.add("ي" + stem + "ن")
    return {form for form in forms if len(form) >= MIN_STEM}


def present_forms(past: str, present: str) -> set[str]:
    """The present-tense subset of `verb_forms` («يسيطر، تسيطر، يسيطرون...»)."""
    present = norm(present)
    stem = present[1:] if present[:1] in _PERSON_LETTERS else present
    return {form for form in verb_forms(past, present) if form[:1] in _PRESENT_PERSONS and form[1:].startswith(stem[:2])}


def noun_forms(form: str) -> set[str]:
    """A noun with its duals and accusative alef («غارة» -> غارتان, غارتين, غارةً)."""
    form = norm(form)
    forms = {form, form + "ا"}
    base = form[:-1] + "ت" if form.endswith(TA_MARBUTA) else form
    forms.update((base + "ان", base + "ين"))
    if form.endswith("ي"):  # relative adjectives: «انتحاري» -> «انتحاريا», «انتحاريان»
        forms.update((form + "ين", form + "ون"))
    return forms


def word_forms(spec: str, pos: str) -> set[str]:
    """Every form of one word of a resource row, by its pos (verb | noun | word)."""
    alternatives = [part.strip() for part in spec.split("|") if part.strip()]
    if pos == "verb":
        if len(alternatives) != 2:
            raise ValueError(f"a verb is written «past|present», got {spec!r}")
        return verb_forms(*alternatives)
    forms: set[str] = set()
    for alternative in alternatives:
        forms |= noun_forms(alternative) if pos == "noun" else {norm(alternative)}
    return forms


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """The word as written (normalised), then with its clitics stripped, most literal first."""
    return readings_of(word, norm(word))


def readings_of(word: str, written: str) -> tuple[Reading, ...]:
    """`readings(word)` when its normalised form `written` is known (not remembered)."""
    # a final «ة» is ta marbuta, never the pronoun «ه» it is folded into («سيطرة» is not سيطر + ه)
    pronouns = _PRONOUNS_AFTER_TA if _ends_with_ta_marbuta(word) else _PRONOUNS
    # the rest after any prefix ends as the word does: test the pronouns once
    pronouns = [(pronoun, len(pronoun)) for pronoun in pronouns if written.endswith(pronoun)]
    candidates: list[tuple[str, str, str]] = []  # (key, prefix, suffix), most literal first
    add = candidates.append
    for prefix, particle in _prefixes(written[:2]):
        rest = written[len(prefix) :]
        if particle == "ل" and rest.startswith("ل"):  # «للهجوم»: ل + ال with the alef dropped
            add((rest[1:], prefix + "ل", ""))
        if rest.startswith(_ARTICLE):
            add((rest[len(_ARTICLE) :], prefix + _ARTICLE, ""))
        if prefix:
            add((rest, prefix, ""))
        for pronoun, size in pronouns:
            if len(rest) - size >= MIN_STEM + 1:
                stem = rest[:-size]
                add((stem, prefix, pronoun))
                if stem.endswith("ت"):  # «سيطرتها» -> «سيطرة»
                    add((stem[:-1] + TA_MARBUTA, prefix, pronoun))
                if stem.endswith("و"):  # «اختطفوه» -> «اختطفوا»
                    add((stem + "ا", prefix, pronoun))
                elif stem.endswith("ا"):  # «تبناه», «يتبناها»: a final «ى» is written «ا» before a pronoun
                    add((stem[:-1] + "ي", prefix, pronoun))
    found = {written: (written, "", "")}
    keep = found.setdefault  # the first reading of a key stays
    for candidate in candidates:
        if len(candidate[0]) >= MIN_STEM:
            keep(candidate[0], candidate)
    found.pop("", None)
    return tuple(map(tuple.__new__, repeat(Reading), found.values()))


# (conjunction + particle, particle) in the order `readings` tries them
_PREFIXES = tuple((conjunction + particle, particle) for conjunction in _CONJUNCTIONS for particle in _PARTICLES)
_PREFIXES_BY_START: dict[str, tuple[tuple[str, str], ...]] = {}


def _prefixes(start: str) -> tuple[tuple[str, str], ...]:
    """The prefixes (at most two letters) a word beginning with `start` (its first two
    letters) begins with, in order; remembered per beginning."""
    found = _PREFIXES_BY_START.get(start)
    if found is None:
        found = _PREFIXES_BY_START[start] = tuple(pair for pair in _PREFIXES if start.startswith(pair[0]))
    return found


def _ends_with_ta_marbuta(word: str) -> bool:
    stripped = word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
    return stripped.endswith("ة")


# Every proclitic string `readings` may strip: conjunction + particle, with the article
# or the «ل» of «للهجوم» (ل + ال with the alef dropped).
PROCLITICS = frozenset(
    [c + p for c in _CONJUNCTIONS for p in _PARTICLES]
    + [c + p + _ARTICLE for c in _CONJUNCTIONS for p in _PARTICLES]
    + [c + "لل" for c in _CONJUNCTIONS]
)
_LONGEST_PROCLITIC = max(len(proclitic) for proclitic in PROCLITICS)


def stem_starts(written: str) -> tuple[int, ...]:
    """Where the stem of a reading of `written` (normalised) may begin: after each
    proclitic string it starts with (the answer depends only on the word's first
    letters: remembered per beginning)."""
    start = written[:_LONGEST_PROCLITIC]
    found = _STEM_STARTS.get(start)
    if found is None:
        found = tuple(i for i in range(len(start) + 1) if start[:i] in PROCLITICS)
        if len(_STEM_STARTS) < STARTS_LIMIT:
            _STEM_STARTS[start] = found
    return found


_STEM_STARTS: dict[str, tuple[int, ...]] = {}
STARTS_LIMIT = 100_000


class KeyTest:
    """A quick test, on a normalised word, that one of its readings may have a key in
    `keys` (never false when one does; `readings` says for sure).  A reading's key is the
    written word less a proclitic and a pronoun, its last letter changed at most
    («سيطرت» -> «سيطره», «اختطفو» -> «اختطفوا»): its first three letters are in the word
    after the proclitic, or, for a two-letter key, all of it."""

    __slots__ = ("three", "short")

    def __init__(self, keys: Iterable[str]) -> None:
        keys = set(keys)
        three = {key[:3] for key in keys if len(key) >= 3}
        three |= {key[:2] + "ت" for key in keys if len(key) == 3 and key.endswith("ه")}
        self.three = frozenset(three)
        self.short = frozenset(key for key in keys if len(key) < 3)

    def __call__(self, written: str) -> bool:
        three, short = self.three, self.short
        for i in _STEM_STARTS.get(written[:_LONGEST_PROCLITIC]) or stem_starts(written):  # run on every new word
            if written[i : i + 3] in three or written[i:] in short:
                return True
        return False


@lru_cache(maxsize=200_000)
def reading_keys(word: str) -> frozenset[str]:
    """The keys of every reading of `word`."""
    return frozenset(reading.key for reading in readings(word))


@lru_cache(maxsize=200_000)
def definite_keys(word: str) -> tuple[str, ...]:
    """The keys of the readings that carry the article («القوات», «للشرطة»), no pronoun."""
    return tuple(r.key for r in readings(word) if r.prefix.endswith(("ال", "لل")) and not r.suffix)
