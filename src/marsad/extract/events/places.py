"""Where an event happened: the most specific place named around its trigger.

A town beats a region, a region beats a country («الباغوز» over «سوريا»); a place after
«ريف» or «محافظة» counts as a region, one after «شمال/غربي...» as a reference point
(«قضاء تلعفر غربي الموصل» is Tal Afar).  A camp named after a town is located at the
town («مخيم الباغوز» -> Baghouz).  When the clause and the sentence name no place, the
place is taken from the paragraph or from the last place named before the trigger.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..gazetteer import Entry, Gazetteer
from ..gazetteer.spelling import load_spelling_index
from .actors import marker_before
from .document import EventDocument, Named
from .forms import definite_keys

_RANK = {"country": 2.0, "admin1": 1.0, "region": 1.0}
_SITE_KINDS = frozenset(("camp", "military_base", "facility", "site"))  # «مطار بغداد» is at Baghdad
PLACE_MARKERS = frozenset(("locative", "direction", "region", "source", "recipient", "destination", "target"))
DIRECTION_PENALTY = 0.5
DISTANCE_PENALTY = 0.03  # per word between the trigger and the place
ORIGIN_PENALTY = 1.5
UNNAMED_RANK = 0.2  # a name the gazetteer does not know, after «بلدة»: a town, less sure
MAX_UNNAMED_WORDS = 2
# Events are located at town level (decisions-a.md): a quarter, a facility, a site or a
# base inside or beside a town stands for the town.
INSIDE_TOWN_KINDS = frozenset(("district", "facility", "site", "military_base"))
NAMED_TOWN_KM = 25  # a town named in the same sentence, this close, is the one meant
NEAR_TOWN_KM = 12  # else the nearest large town this close
LARGE_TOWN = 100_000
DATELINE = "dateline"  # the marker of a place in a dateline
DATELINE_CHARS = 60  # a dateline's byline and outlet before the place («عبدالله البرقاوي- سبق- »)
# before the place: names, dashes and spaces only; after it: a bracketed country, then a dash or colon
_DATELINE_HEAD = re.compile(r"[\w\s\-–—]*")
_DATELINE_TAIL = re.compile(r"\s*(\([^)\n]{0,30}\))?\s*[-–—:]")
CAPITAL_DEGREES = 0.2  # a town this close to its country's coordinates (those of its capital) is the capital
GRID = 0.25  # degrees per cell of the town index


@dataclass(frozen=True)
class Place:
    name: str
    entry: Entry | None
    first: int
    rank: float  # lower is more specific
    marker: str | None = None  # the cue before it («من» source, «نحو» destination...)
    country: str | None = None  # for a place the gazetteer does not know: the country around it


class PlaceFinder:
    def __init__(self, gazetteer: Gazetteer, function_words: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.function_words = function_words  # keys of words that never continue a name («بعد», «التي»)
        self.large_towns = _town_grid(gazetteer)
        self.spelling = load_spelling_index()

    def at_town_level(self, place: Place, named: list[Named]) -> Place:
        """The town a quarter, facility, site or base belongs to: a town named with it
        (`named`, its sentence) close enough, else the nearest large town; else itself
        («حي الشجاعية شرقي مدينة غزة» -> Gaza; «محطة مترو مالبيك» -> Brussels; an oil
        field in the desert stays where it is)."""
        entry = place.entry
        if entry is None or entry.kind not in INSIDE_TOWN_KINDS or entry.lat is None or entry.lon is None:
            return place
        towns = []
        for item in named:
            if item.entity.type == "LOC" and item.entity.canonical:
                town = self.gazetteer.entry(item.entity.canonical, entry.country)
                town = self._as_town(town)
                if town is not None and town.lat is not None and km_between(entry, town) <= NAMED_TOWN_KM:
                    towns.append(town)
        town = towns[0] if towns else self._nearest_large_town(entry)
        if town is None:
            return place
        return replace(place, name=town.canonical, entry=town, rank=min(place.rank, 0.0))

    def _as_town(self, entry: Entry | None) -> Entry | None:
        if entry is None or entry.kind == "town":
            return entry
        return next((e for e in self.gazetteer.entries.get(entry.canonical, []) if e.kind == "town" and e.country == entry.country), None)

    def _nearest_large_town(self, entry: Entry) -> Entry | None:
        cell = (math.floor(entry.lat / GRID), math.floor(entry.lon / GRID))
        candidates = [
            town
            for row in (cell[0] - 1, cell[0], cell[0] + 1)
            for column in (cell[1] - 1, cell[1], cell[1] + 1)
            for town in self.large_towns.get((row, column), ())
        ]
        near = [(km, town) for town in candidates if (km := km_between(entry, town)) <= NEAR_TOWN_KM]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    def places(self, doc: EventDocument, named: list[Named], actor_words: set[int]) -> list[Place]:
        """The LOC entities among `named` that are not used as actors."""
        found = []
        for item in named:
            entity = item.entity
            if entity.type != "LOC" or item.first in actor_words:
                continue
            if _birthplace(doc, item):
                continue  # «مسقط رأس الرئيس»: a birthplace, not Muscat
            if _preposition_after_place_noun(doc, item):
                continue  # «بلدة بليون» is Balyun, not ب + Lyon: a place noun takes a name, no preposition
            entry = self.gazetteer.entry(entity.canonical) if entity.canonical else None
            if _subject_after_complement(doc, item) and self._stands_for_a_state(entry):
                continue  # «رغم أن واشنطن نسبته إلى التنظيم»: a capital or country that acts
            entry = self._town_of_site(entity.text, entry)
            rank = _RANK.get(entity.kind or (entry.kind if entry else ""), 0.0)
            # «واغادوغو - قُتل 37 شخصًا», «فهد العتيبي- سبق- الرياض:»: where the report was filed,
            # the event's place only when no other is told
            marker = DATELINE if _dateline(doc, item) else marker_before(doc, item)
            if entity.kind == "country" and marker not in PLACE_MARKERS and "ب" not in item.prefix and _joined_to_actor(doc, item):
                continue  # «شنت الولايات المتحدة وبريطانيا غارات»: a country joined to an actor acts too
            if marker in ("with", "between", "affiliation", "supported"):
                continue  # «الحدود مع النيجر», «اتفاق مع دمشق»: a partner or a border, not the place
            if marker == "region":
                rank = max(rank, 1.0)
            elif marker == "direction":
                rank += DIRECTION_PENALTY
            found.append(Place(entry.canonical if entry else (entity.canonical or entity.text), entry, item.first, rank, marker))
        return found

    def _stands_for_a_state(self, entry: Entry | None) -> bool:
        """A country, or its capital (a country's coordinates are its capital's)."""
        if entry is None:
            return False
        if entry.kind == "country":
            return True
        country = self.gazetteer.entry(entry.country) if entry.kind == "town" and entry.country else None
        if country is None or None in (country.lat, country.lon, entry.lat, entry.lon):
            return False
        return abs(country.lat - entry.lat) < CAPITAL_DEGREES and abs(country.lon - entry.lon) < CAPITAL_DEGREES

    def unnamed(self, doc: EventDocument, first: int, last: int, taken: set[int]) -> list[Place]:
        """Names after a place noun that the Arabic gazetteer does not know («في بلدة دماساك»),
        in the country of the known places of their sentence (else of the document): the
        GeoNames town of that country spelt the same way (gazetteer/spelling.py), else the
        name as written."""
        found = []
        for noun in doc.cue_words("place_noun", first, last):
            stop = taken | {i for i in range(noun + 1, last + 1) if doc.words[i].key in self.function_words}
            names = [_name_after(doc, noun, last, stop)]
            if names[0] is not None and _dual(doc.words[noun].text) and names[0][1] + 1 <= last:
                names.append(_name_after(doc, names[0][1], last, stop, joined=True))  # «بلدتي قنيو بارو وكاليو بارو»
            marker = marker_before(doc, Named(None, noun, noun, ""))  # the marker before the noun
            for name in names:
                if name is None:
                    continue
                start, end = doc.words[name[0]].start, doc.words[name[1]].end
                if doc.words[name[0]].text.startswith("و") and name[0] != names[0][0]:
                    start += 1  # the conjunction is not part of the name
                text = doc.text[start:end]
                country, town = self._town_by_spelling(doc, noun, text)
                found.append(Place(town.canonical if town else text, town, name[0], UNNAMED_RANK, marker, country))
        return found

    def _town_by_spelling(self, doc: EventDocument, noun: int, text: str) -> tuple[str | None, Entry | None]:
        """(country, town) for a name the gazetteer lacks: the town spelt like it in one of the
        countries of its sentence (only one may have it), else in the country the document
        names most; the country alone when no town is found and the sentence has one."""
        near = self._countries_near(doc, noun)
        countries = near or [country for country in [self._country_of_document(doc)] if country]
        towns = [(country, town) for country in countries if (town := self.spelling.resolve(text, country)) is not None]
        if len(towns) == 1:
            return towns[0]
        return (near[0] if len(near) == 1 else None), None

    def _countries_near(self, doc: EventDocument, index: int) -> list[str]:
        first, last = doc.sentence_words(index)
        countries = {
            entry.country or entry.canonical
            for named in doc.named_in(first, last)
            if named.entity.type == "LOC"
            for entry in [self.gazetteer.entry(named.entity.canonical) if named.entity.canonical else None]
            if entry is not None and entry.is_place
        }
        return sorted(countries)

    def _country_of_document(self, doc: EventDocument) -> str | None:
        """The country the document names most through its known places, if one leads."""
        counts: dict[str, int] = {}
        for named in doc.named:
            entry = self.gazetteer.entry(named.entity.canonical) if named.entity.type == "LOC" and named.entity.canonical else None
            if entry is not None and entry.is_place:
                country = entry.country or entry.canonical
                counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _town_of_site(self, text: str, entry: Entry | None) -> Entry | None:
        """«مخيم الباغوز» is at Baghouz, «مطار بغداد» at Baghdad: a camp, base, facility or site whose name holds a town's name."""
        if entry is None or entry.kind not in _SITE_KINDS:
            return entry
        words = text.split()
        for cut in range(1, len(words)):
            town = self.gazetteer.resolve(" ".join(words[cut:]))
            if town is not None and town.kind == "town":
                return town
        return entry


def _name_after(doc: EventDocument, noun: int, last: int, taken: set[int], joined: bool = False) -> tuple[int, int] | None:
    """The one or two words after a place noun that can be a name: not part of an entity,
    no cue, no relational adjective («منطقة جبلية»), no punctuation between.  After a
    feminine noun a word in «ي» is a name, not an adjective («بلدة كاسيندي», but «منطقة
    جبلية»).  `joined`: the second name after a dual noun, behind «و»."""
    words = []
    feminine = doc.words[noun].key.endswith(("ه", "تي"))
    for index in range(noun + 1, min(noun + 1 + MAX_UNNAMED_WORDS, last + 1)):
        word = doc.words[index]
        if index in taken or doc.roles_at(index) or word.sentence != doc.words[noun].sentence:
            break
        if joined and not words and not word.text.startswith("و"):
            return None
        if words and word.text.startswith("و"):
            break  # «سديروت والبلدات المحيطة»: a second place, not a second word of the name
        key = word.key[1:] if joined and not words else word.key
        adjective = key.endswith("يه") or key.endswith("ي") and not feminine
        if not key.isalpha() or not key.startswith("ال") and adjective and len(key) > 3:
            break  # «منطقة جبلية»: an indefinite relational adjective, not a name («قرية الحميدية» is one)
        if doc.text[doc.words[index - 1].end : word.start].strip():
            break  # punctuation between
        if words and any(reading.prefix in ("لل", "بال") and len(reading.key) >= 3 for reading in word.readings[1:]):
            break  # «منجم بونغو للذهب»: a preposition with the article starts another phrase
        words.append(index)
    if not words or definite_keys(doc.words[noun].text):
        return None  # «المدينة القديمة», «والبلدات المحيطة»: the noun itself is definite, no name follows
    return words[0], words[-1]


def _dual(word: str) -> bool:
    """A place noun in the dual construct («بلدتي», «مدينتي», «منطقتي»)."""
    return word.endswith("تي")


def _joined_to_actor(doc: EventDocument, item: Named) -> bool:
    """The name follows another actor or country with «و» in between («الولايات المتحدة وبريطانيا»)."""
    joined = item.prefix.startswith("و") or (item.first > 0 and doc.words[item.first - 1].text == "و")
    if not joined:
        return False
    return any(
        other.last < item.first and item.first - other.last <= 2 and other.entity.type in ("ORG", "PER", "LOC") and other.entity.kind not in ("town", "region", "admin1")
        for other in doc.named
    )


def best_place(places: list[Place], trigger: int, leaver: bool = False, moving: bool = True) -> Place | None:
    """The most specific place near the trigger (see `penalised` for the places that are
    where something came from or went to rather than where it happened)."""
    if not places:
        return None
    return min(places, key=lambda p: (_score(p, trigger, leaver, moving), 0 if p.first > trigger else 1, abs(p.first - trigger)))


def penalised(place: Place, leaver: bool, moving: bool) -> bool:
    """A place after «من» is an origin (the backer in «المدعومة من تركيا»), except for a
    withdrawal, whose place it is; after «إلى» or «نحو» it is a destination (of a leaver,
    a journey...), except for a strike («صواريخ باتجاه سديروت») or a hand-over."""
    if place.marker == DATELINE:
        return True
    if place.marker == "source":
        return not leaver
    if place.marker in ("recipient", "destination"):
        return moving
    return False


def _score(place: Place, trigger: int, leaver: bool, moving: bool) -> float:
    score = place.rank + DISTANCE_PENALTY * abs(place.first - trigger)
    return score + ORIGIN_PENALTY if penalised(place, leaver, moving) else score


def _town_grid(gazetteer: Gazetteer) -> dict[tuple[int, int], list[Entry]]:
    """Large towns by grid cell, for the nearest-town search."""
    grid: dict[tuple[int, int], list[Entry]] = {}
    seen = set()
    for entries in gazetteer.entries.values():
        for entry in entries:
            if entry.kind != "town" or entry.lat is None or entry.lon is None or (entry.population or 0) < LARGE_TOWN:
                continue
            if (entry.canonical, entry.country) in seen:
                continue
            seen.add((entry.canonical, entry.country))
            grid.setdefault((math.floor(entry.lat / GRID), math.floor(entry.lon / GRID)), []).append(entry)
    return grid


def km_between(a: Entry, b: Entry) -> float:
    """Distance between two places on the globe (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


_PREPOSITIONS = frozenset("بلك")


def _preposition_after_place_noun(doc: EventDocument, item: Named) -> bool:
    """A name read with a preposition stripped («ب» + «ليون») right after a place noun
    («بلدة»، «مدينة»): a noun in construct is followed by its name, never by a preposition."""
    prefix = item.prefix[1:] if item.prefix[:1] in ("و", "ف") else item.prefix
    if not prefix or prefix[0] not in _PREPOSITIONS or item.first == 0:
        return False
    return doc.has_cue("place_noun", item.first - 1, item.first - 1)


def _dateline(doc: EventDocument, item: Named) -> bool:
    """A place in the dateline that opens a paragraph: nothing but names and dashes before it
    on its line, and a dash or a colon right after it (or after a bracketed country)."""
    start = doc.words[item.first].start
    line_start = doc.text.rfind("\n", 0, start) + 1
    before = doc.text[line_start:start]
    if len(before) > DATELINE_CHARS or not _DATELINE_HEAD.fullmatch(before):
        return False
    return bool(_DATELINE_TAIL.match(doc.text, doc.words[item.last].end))


def _subject_after_complement(doc: EventDocument, item: Named) -> bool:
    """A place name with no preposition right after «أن»/«إن» is the subject of what is
    told: the government it stands for, not a place."""
    if item.first == 0 or any(letter in item.prefix for letter in "بلك"):
        return False
    return doc.has_cue("complement", item.first - 1, item.first - 1)


def _birthplace(doc: EventDocument, item: Named) -> bool:
    """«مسقط رأس» (birthplace) read as the town Muscat."""
    following = item.last + 1
    return doc.words[item.first].key == "مسقط" and following < len(doc.words) and doc.words[following].key == "راس"
