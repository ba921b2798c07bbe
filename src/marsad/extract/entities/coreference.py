"""In-document coreference: later, shorter mentions take the canonical of what they refer to.

* Persons not in the gazetteer are named by the fullest form the document uses
  («أبو حسن المهاجر»); a shorter mention contained in it takes that name.
* A later laqab or nisba alone («المهاجر», «للبغدادي») refers to the person whose full
  name ended with it; a kunya alone («أبو حسن») to the person it opened.
* A bare role noun («المتحدث») refers to the last person introduced with that role.
* «التنظيم», «الحركة», «الجماعة», «الهيئة»... (anaphors.tsv) refer to the last actor named
  before them of a matching kind (and, for some, whose name starts with that noun).
Coreferent mentions are entities with the resolved canonical name.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import attrgetter, not_

from ..gazetteer import Gazetteer
from ..gazetteer.keys import alias_keys
from ..gazetteer.phrases import LookedUp
from .lexicons import Lexicons
from .mentions import Mention, claimed_words
from .persons import COMPOUND_TAILS, KUNYA, PersonFindings
from .words import Word

ARTICLE = "ال"
_NOMINATIVE_KUNYA = "أبو"
_EXPLICIT = frozenset(("gazetteer", "composition"))


def name_persons(text: str, persons: list[Mention]) -> None:
    """Canonical names for persons the gazetteer does not know: the known person whose name
    ends with theirs («الرئيس هادي» after «عبد ربه منصور هادي»; «محمد مصطفى» after the prime
    minister was introduced by his title), else the fullest form used."""
    known = [(person, _person_keys(text[person.start : person.end])) for person in persons if person.entry is not None]
    keyed = [(person, _person_keys(text[person.start : person.end])) for person in persons if person.entry is None]
    for person, keys in keyed:
        same = next((other for other, other_keys in known if _tail_of(other_keys, keys) and not _lineage_tail(other_keys, keys)), None)
        if same is not None:
            person.canonical, person.entry = same.canonical, same.entry
    keyed = [(person, keys) for person, keys in keyed if person.entry is None]
    for person, keys in keyed:
        fullest = max(
            (other for other, other_keys in keyed if _contains(other_keys, keys)),
            key=lambda other: (other.last - other.first, -other.start),
        )
        person.canonical = _nominative(text[fullest.start : fullest.end])


def _person_keys(name: str) -> tuple[str, ...]:
    keys = alias_keys(name)
    return ("ابو",) + keys[1:] if keys and keys[0] in KUNYA else keys


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """«المهاجر» and «أبو حسن» are short for «أبو حسن المهاجر»; «محمد» is not short for
    «محمد الجندي» (a first name alone names too many people)."""
    size = len(shorter)
    if size == 1 and not shorter[0].startswith(ARTICLE) and len(longer) > 1:
        return False  # «حسين» alone may be anyone called Husayn, not «مروان حسين»
    if longer[len(longer) - size :] == shorter:
        return True
    return bool(shorter) and shorter[0] == "ابو" and longer[:size] == shorter


_LINEAGE = frozenset(("بن", "ابن", "بنت", "ال"))  # «آل» folds to «ال»


def _lineage_tail(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """«سعود» ends «سلمان بن عبدالعزيز آل سعود» as a lineage, not as his own name."""
    before = len(longer) - len(shorter) - 1
    return before >= 0 and longer[before] in _LINEAGE


def _tail_of(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return bool(shorter) and len(shorter) <= len(longer) and longer[len(longer) - len(shorter) :] == shorter


def _nominative(name: str) -> str:
    """«أبي بكر البغدادي» -> «أبو بكر البغدادي» (the form a name is cited in)."""
    for case in ("أبي ", "أبا ", "ابي ", "ابا "):
        if name.startswith(case):
            return _NOMINATIVE_KUNYA + " " + name[len(case) :]
    return name


def coreferent_mentions(
    words: list[Word], looked: LookedUp, mentions: list[Mention], persons: PersonFindings, gazetteer: Gazetteer, lexicons: Lexicons
) -> list[Mention]:
    claimed = claimed_words(mentions)
    found: list[Mention] = []
    found += _role_mentions(words, persons, claimed)
    claimed |= claimed_words(found)
    found += _short_name_mentions(words, mentions, claimed, gazetteer, lexicons)
    claimed |= claimed_words(found)
    found += _anaphor_mentions(words, looked.meeting(lexicons.anaphors), mentions, claimed, gazetteer, lexicons)
    return found


def _role_mentions(words: list[Word], persons: PersonFindings, claimed: set[int]) -> list[Mention]:
    found = []
    for first, last, role_noun in persons.bare_roles:
        if first in claimed:
            continue
        earlier = [link for link in persons.roles if link.role_noun == role_noun and link.at < first]
        if not earlier:
            continue
        person = earlier[-1].person
        found.append(_mention_at(words, first, last, person, role_noun))
    return found


def _short_name_mentions(words, mentions, claimed, gazetteer, lexicons) -> list[Mention]:
    """«المهاجر» after «أبو حسن المهاجر»; «أبو حسن» after it too."""
    last_names: dict[str, Mention] = {}
    kunyas: dict[tuple[str, str], Mention] = {}
    found = []
    persons = sorted((m for m in mentions if m.type == "PER" and m.last > m.first), key=lambda m: m.first)
    upcoming = iter(persons)
    pending = next(upcoming, None)
    for index in _short_name_candidates(words, persons, gazetteer, lexicons):
        word = words[index]
        while pending is not None and pending.last < index:
            _remember(words, pending, last_names, kunyas, gazetteer, lexicons)
            pending = next(upcoming, None)
        if index in claimed or word.is_break or (last_names.keys().isdisjoint(word.keys) and not kunyas):
            continue
        match = _kunya_at(words, index, kunyas, claimed)
        if match is not None:
            found.append(_mention_at(words, index, index + 1, match, _first_skip(words[index], KUNYA), origin="name"))
            claimed.update((index, index + 1))
            continue
        for key, skipped in word.readings:
            if key in last_names:
                if not skipped and not _stands_alone(words, index, lexicons):
                    break  # «مريم ملفي الحربي»: the family name of someone not recognised
                found.append(_mention_at(words, index, index, last_names[key], key, origin="name"))
                break
    return found


def _short_name_candidates(words: list[Word], persons: list[Mention], gazetteer: Gazetteer, lexicons: Lexicons) -> list[int]:
    """The words that may be a short name of one of `persons`: a reading among the last
    names they would leave, or a kunya when they leave one (the others are skipped at
    once in the loop above: listing these in one pass keeps it short)."""
    last_names: dict[str, Mention] = {}
    kunyas: dict[tuple[str, str], Mention] = {}
    for person in persons:
        _remember(words, person, last_names, kunyas, gazetteer, lexicons)
    wanted = set(last_names) | (KUNYA if kunyas else set())
    if not wanted:
        return []
    return list(compress(range(len(words)), map(not_, map(wanted.isdisjoint, map(_KEYS, words)))))


_KEYS = attrgetter("keys")


def _stands_alone(words: list[Word], index: int, lexicons: Lexicons) -> bool:
    """The word before is a break, a function word, a verb of saying or a title, not a
    name part (a word with a proclitic, «للمهاجر», stands alone anyway)."""
    if index == 0 or words[index - 1].is_break:
        return True
    before = words[index - 1].keys
    return not lexicons.stopwords.isdisjoint(before) or not lexicons.title_words.isdisjoint(before)


def _remember(words, person: Mention, last_names, kunyas, gazetteer: Gazetteer, lexicons: Lexicons) -> None:
    last = words[person.last]
    key = last.key
    plural = key.endswith(("ين", "ون", "ات"))  # «الشريفين» closes a title, not a name
    if key.startswith(ARTICLE) and len(key) > 4 and not plural and key not in lexicons.stopwords and gazetteer.demonym(last.text) is None:
        last_names[key] = person
    elif _family_name(key, last, gazetteer, lexicons) and (person.entry is not None or key not in lexicons.given_names):
        last_names[key] = person  # «بازوم» after «محمد بازوم», «كالون» after «إدوارد كالون»
    first_keys = {k for k, _ in words[person.first].readings}
    if first_keys & KUNYA and person.last - person.first >= 2:
        kunyas[("ابو", words[person.first + 1].key)] = person


MIN_FAMILY_NAME = 3


def _family_name(key: str, word: Word, gazetteer: Gazetteer, lexicons: Lexicons) -> bool:
    """A last name without the article that can stand for the person: not a word of the
    stopword list, not a demonym.  (A given name, «هادي», stands for a person the gazetteer
    knows only: a lone «حسن» may be anyone.)"""
    return (
        not key.startswith(ARTICLE)
        and len(key) >= MIN_FAMILY_NAME
        and key not in lexicons.stopwords
        and key not in COMPOUND_TAILS
        and gazetteer.demonym(word.text) is None
    )


def _kunya_at(words: list[Word], index: int, kunyas, claimed: set[int]) -> Mention | None:
    if not kunyas or index + 1 >= len(words) or index + 1 in claimed:
        return None
    if not any(key in KUNYA for key in words[index].keys):
        return None
    return kunyas.get(("ابو", words[index + 1].key))


def _first_skip(word: Word, keys) -> str:
    return next(key for key, _ in word.readings if key in keys)


def _anaphor_mentions(words, candidates: list[int], mentions, claimed, gazetteer: Gazetteer, lexicons: Lexicons) -> list[Mention]:
    """`candidates`: the words with a reading among the anaphors."""
    explicit = sorted((m for m in mentions if m.origin in _EXPLICIT and m.type in ("ORG", "LOC")), key=lambda m: m.first)
    if not explicit:
        return []
    found = []
    for index in candidates:
        word = words[index]
        if index in claimed:
            continue
        for key, skipped in word.readings:
            anaphor = lexicons.anaphors.get(key)
            if anaphor is None:
                continue
            following = words[index + 1] if index + 1 < len(words) else None
            if following is not None and not following.is_break and gazetteer.demonym(following.text) is not None:
                break  # «الحكومة اليابانية» is another government, not the one named before
            antecedent = _antecedent([m for m in explicit if m.last < index], anaphor, words, gazetteer)
            if antecedent is not None:
                found.append(_mention_at(words, index, index, antecedent, key))
            break
    return found


def _antecedent(before: list[Mention], anaphor, words: list[Word], gazetteer: Gazetteer) -> Mention | None:
    """The last fitting actor named before; but when it is the parent of a branch named
    earlier («ولاية غرب أفريقيا» ... «التابعة لتنظيم الدولة» ... «التنظيم»), the branch:
    the parent is mentioned as the branch's affiliation, the branch is who acts."""
    fitting = [m for m in before if _fits(m, anaphor, words, gazetteer)]
    if not fitting:
        return None
    last = fitting[-1]
    child = next((m for m in reversed(fitting) if m.entry is not None and m.entry.parent == last.canonical), None)
    return child or last


def _fits(mention: Mention, anaphor, words: list[Word], gazetteer: Gazetteer) -> bool:
    if mention.kind not in anaphor.kinds:
        return False
    if anaphor.head is None:
        return True
    head = _without_article(anaphor.head)
    # the antecedent's own words («الشرطة النمساوية») or one of its names («هيئة تحرير الشام»)
    if _without_article(words[mention.first].key) == head:
        return True
    return any(_name_head(name) == head for name in gazetteer.names(mention.canonical))


@lru_cache(maxsize=50_000)
def _name_head(name: str) -> str | None:
    """The first word's key of a gazetteer name, without its article (None for no words)."""
    keys = alias_keys(name)
    return _without_article(keys[0]) if keys else None


def _without_article(key: str) -> str:
    return key[len(ARTICLE) :] if key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 1 else key


def _mention_at(words: list[Word], first: int, last: int, referent: Mention, key: str, origin: str = "coreference") -> Mention:
    """A mention of `referent` over words first..last; the first word's reading `key`
    says how many proclitic letters to leave out.  A shorter form of a name («المهاجر»,
    «بازوم») is a name (origin "name"); a common noun standing for it is coreference."""
    skipped = next((s for k, s in words[first].readings if k == key), 0)
    start = words[first].start_after(skipped)
    return Mention(first, last, start, words[last].end, referent.type, referent.canonical, referent.kind, referent.entry, origin)
