"""Role nouns that name an office («الرئيس التركي», «وزير خارجية فرنسا», «زعيم داعش»).

For every role phrase of role_nouns.tsv in a document:

* its country or actor: a demonym right after an `adjective` role («الرئيس التركي»), or
  the name right after a `construct` role, possibly behind إلى/في/لدى («رئيس وزراء العراق»,
  «المبعوث الأممي إلى اليمن», «زعيم تنظيم الدولة»);
* followed by a person's name (commas allowed) it *introduces* that person: nothing new
  is added, the introduction is remembered;
* standing alone it *refers* to the last person introduced with the same office (and the
  same country, when both are known), else to the holder of the office on the
  publication date (offices.tsv).  The mention covers the role and its demonym; a
  construct's country keeps its own entity.
* a qualifier after it (role_qualifiers.tsv: السابق، الراحل، المنتخب...) means someone
  else: it is left alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from ..gazetteer.phrases import LookedUp, longest_first
from .lexicons import MINISTER, Lexicons, Role
from .mentions import Mention, claimed_words
from .words import Word

_PREPOSITIONS = frozenset(("الي", "في", "لدي"))
_COMMAS = frozenset(("،", ","))
APPOSITION_WINDOW = 2  # words between a role and the name it introduces («المتحدث باسم الحركة، نوري محمود»)
PERSON = "PER"


@dataclass(frozen=True)
class Introduction:
    office: str
    of: str | None
    person: Mention


def role_mentions(
    words: list[Word], looked: LookedUp, taken: list[Mention], published: dt.date | None, gazetteer: Gazetteer, lexicons: Lexicons
) -> list[Mention]:
    claimed = claimed_words(taken)
    starts = {mention.first: mention for mention in taken}
    ends = {mention.last: mention for mention in taken}
    introductions: list[Introduction] = []
    found: list[Mention] = []
    for match in longest_first(looked.find(lexicons.roles)):
        first, last = match.first, match.last
        if any(index in claimed for index in range(first, last + 1)):
            continue
        for role in match.values:
            of, end = _role_object(words, last, role, starts, gazetteer)
            if of is not None or role.form == "adjective":
                break
        if role.form == "construct" and of is None:
            continue  # «رئيس بلدية», «زعيم عشيرة»: a construct with something else
        after = end + 1
        if _qualified(words, after, lexicons):
            continue
        described = _described(words, first, ends)
        if described is not None:
            # «أبو مصعب البرناوي، زعيم ...» introduces the name before it; «وكالة «أعماق»
            # الناطقة باسم التنظيم» describes an outlet, not a person
            if described.type == PERSON:
                introductions.append(Introduction(role.office, of, described))
            continue
        person = _introduced(words, after, starts)
        if person is not None:
            introductions.append(Introduction(role.office, of, person))
            continue
        if role.form == "introduce":
            continue
        referent = _referent(match.values, of, introductions, published, gazetteer)
        if referent is None:
            continue
        span_last = end if role.form == "adjective" else last
        start = words[first].start_after(match.skipped)
        found.append(Mention(first, span_last, start, words[span_last].end, PERSON, referent[0], "person", referent[1], "coreference"))
        claimed.update(range(first, span_last + 1))
    return found


def _role_object(words: list[Word], last: int, role: Role, starts: dict[int, Mention], gazetteer: Gazetteer) -> tuple[str | None, int]:
    """(country or actor the role belongs to, index of the last word it takes)."""
    after = last + 1
    if after >= len(words) or words[after].is_break:
        return None, last
    if role.form == "adjective":
        place = gazetteer.demonym(words[after].text)
        return (place.canonical, after) if place is not None and place.kind == "country" else (None, last)
    at = after + 1 if words[after].key in _PREPOSITIONS else after
    named = starts.get(at)
    if named is not None and named.canonical and named.type in ("LOC", "ORG"):
        return named.canonical, named.last
    return None, last


def _described(words: list[Word], first: int, ends: dict[int, Mention]) -> Mention | None:
    """The entity a role right after it describes (a comma between allowed)."""
    before = first - 1
    if before >= 0 and words[before].text in _COMMAS:
        before -= 1
    return ends.get(before) if before >= 0 else None


def _qualified(words: list[Word], index: int, lexicons: Lexicons) -> bool:
    return index < len(words) and not lexicons.role_qualifiers.isdisjoint(words[index].keys)


def _introduced(words: list[Word], index: int, starts: dict[int, Mention]) -> Mention | None:
    """The person named right after a role (a comma or a few descriptive words between)."""
    seen = 0
    while index < len(words) and seen <= APPOSITION_WINDOW:
        mention = starts.get(index)
        if mention is not None:
            return mention if mention.type == PERSON else None
        word = words[index]
        if word.is_break and word.text not in _COMMAS:
            return None
        seen += not word.is_break
        index += 1
    return None


def _same_office_of(introduction: Introduction, of: str) -> bool:
    """An introduction without a country counts for one with it when the person belongs
    there («الرئيس أردوغان» ... «الرئيس التركي»)."""
    if introduction.of is not None:
        return introduction.of == of
    entry = introduction.person.entry
    return entry is not None and entry.affiliation == of


def _referent(roles: tuple[Role, ...], of: str | None, introductions: list[Introduction], published: dt.date | None, gazetteer: Gazetteer):
    """(canonical, entry) of the person a standalone role stands for, or None."""
    offices = {role.office for role in roles}
    if MINISTER in offices:
        offices |= {"defence_minister", "interior_minister", "foreign_minister"}
    for introduction in reversed(introductions):
        if (introduction.office in offices or (MINISTER in offices and introduction.office == MINISTER)) and (of is None or _same_office_of(introduction, of)):
            return introduction.person.canonical, introduction.person.entry
    if of is None or published is None:
        return None
    for role in roles:
        holder = gazetteer.holder(role.office, of, published)
        if holder is not None:
            return holder.canonical, holder
    return None
