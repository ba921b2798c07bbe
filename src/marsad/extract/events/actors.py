"""Who an entity is as an event argument: its name, what kind of actor, and the marker
before it that says which part it plays («على داعش» a target, «بمعاونة التحالف» a
supporter, «في سوريا» a place).

Names are the entity layer's canonical names.  A spokesman in the gazetteer speaks for
his group; a media outlet publishes for its parent group; a demonym on a weapon
(«غارة إسرائيلية») points at that country's armed forces.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Entry, Gazetteer
from .document import EventDocument, Named

STATE_KINDS = frozenset(("state_force", "government", "coalition", "country"))
ARMED_KINDS = frozenset(("armed_group",))
# Kinds that report on events rather than take part in them.
REPORTER_KINDS = frozenset(("media_outlet", "news_agency", "monitor", "platform"))
SPEAKER_ROLES = frozenset(("spokesman",))
PLACE = "LOC"
MAX_HEAD_WORDS = 3  # nouns allowed between a marker and its name («على آخر مواقع داعش»)
MAX_SUPPORT_GAP = 3  # «بغطاء جوي من طيران التحالف»
MILITARY_FAMILY = "Military Forces of {country}"
TITLE_WORDS = 4  # «رئيس الوزراء العراقي» before a name
PLACE_MARKERS = frozenset(("locative", "direction", "region", "source", "recipient"))
PARTITIVE_HEADS = frozenset(("head", "unknown_actor"))


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str | None
    first: int
    last: int
    marker: str | None  # the role of the cue before it, or None

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS

    @property
    def is_armed(self) -> bool:
        return self.kind in ARMED_KINDS


class ActorBook:
    """Turns entities into actors, with what the gazetteer knows about them."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.armies = _country_armies(gazetteer)

    def entry(self, canonical: str | None) -> Entry | None:
        return self.gazetteer.entry(canonical) if canonical else None

    def actor(self, doc: EventDocument, named: Named) -> Actor | None:
        """The actor an ORG or PER entity (or a country named as one) stands for, else None."""
        entity = named.entity
        marker = marker_before(doc, named)
        if entity.type == PLACE:
            if entity.kind != "country" or marker in PLACE_MARKERS or marker == "affiliation" or "ب" in named.prefix:
                return None  # «في سوريا», «بسوريا»: a place
            return Actor(entity.canonical or entity.text, "country", named.first, named.last, marker)
        if entity.type not in ("ORG", "PER"):
            return None
        name, kind = self.speaking_for(entity.canonical or entity.text, entity.kind)
        if kind in REPORTER_KINDS:
            actor = self.publisher(Actor(name, kind, named.first, named.last, marker))
            if actor.kind in REPORTER_KINDS:
                return None  # an agency or monitor reports the event, it does not act in it
            name, kind = actor.name, actor.kind
        if marker == "locative":
            # «القيادي في سرايا القدس»: membership, not a place; the member speaks for his
            # group, but what is done to him is not done by it («مقتل قيادي في القاعدة بغارة»)
            marker = "member" if _member_before(doc, named.first) else None
        return Actor(name, kind, named.first, named.last, marker)

    def speaking_for(self, name: str, kind: str | None) -> tuple[str, str | None]:
        """A spokesman speaks for his group (docs: «باسم» makes the group actor1)."""
        if kind == "person":
            entry = self.entry(name)
            if entry is not None and entry.role in SPEAKER_ROLES and entry.affiliation:
                group = self.entry(entry.affiliation)
                return entry.affiliation, group.kind if group else None
        return name, kind

    def is_spokesman(self, actor: Actor) -> bool:
        entry = self.entry(actor.name) if actor.kind == "person" else None
        return entry is not None and entry.role in SPEAKER_ROLES

    def publisher(self, actor: Actor) -> Actor:
        """A media outlet's parent group publishes through it («أعماق» -> Islamic State)."""
        if actor.kind in REPORTER_KINDS:
            entry = self.entry(actor.name)
            if entry is not None and entry.parent:
                parent = self.entry(entry.parent)
                return Actor(entry.parent, parent.kind if parent else None, actor.first, actor.last, actor.marker)
        return actor

    def member_of(self, actor: Actor) -> str | None:
        """The armed group a person belongs to, per the gazetteer."""
        if actor.kind != "person":
            return None
        entry = self.entry(actor.name)
        if entry is None or not entry.affiliation:
            return None
        group = self.entry(entry.affiliation)
        return entry.affiliation if group is not None and group.kind in ARMED_KINDS else None

    def state_of_person(self, doc: EventDocument, actor: Actor) -> Actor | None:
        """«رئيس الوزراء العراقي حيدر العبادي» announcing a recapture: a head of state or
        government (a demonym in the title before the name) acts through his country's
        forces, unless the gazetteer ties him to an armed group."""
        if self.member_of(actor) is not None:
            return None
        title = range(max(actor.first - TITLE_WORDS, 0), actor.first)
        if not any("office" in doc.roles_at(index) for index in title):
            return None  # «التونسي محمد لحويج بوهلال»: a nationality, not an office
        for index in title:
            force = self.demonym_force(doc, index)
            if force is not None:
                return Actor(force.name, force.kind, actor.first, actor.last, actor.marker)
        return None

    def demonym_force(self, doc: EventDocument, index: int) -> Actor | None:
        """«غارة إسرائيلية», «قذائف تركية»: the armed forces of the country an adjective names."""
        place = None
        for form in _adjective_forms(doc.words[index].text):
            place = self.gazetteer.demonym(form)
            if place is not None:
                break
        if place is None or place.kind != "country":
            return None
        country = place.country or place.canonical
        name = self.armies.get(country) or MILITARY_FAMILY.format(country=country)
        return Actor(name, "state_force", index, index, None)


def _adjective_forms(word: str) -> list[str]:
    """A relational adjective, its singular, and both with the article (the demonym list
    gives definite forms): «إسرائيليتان» -> «إسرائيلية», «الإسرائيلية»."""
    forms = [word]
    for ending, replacement in (("تان", "ة"), ("تين", "ة"), ("ات", "ة"), ("ان", ""), ("ين", ""), ("ون", "")):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            forms.append(word[: -len(ending)] + replacement)
    return forms + ["ال" + form for form in forms if not form.startswith("ال")]


ARMY_WORDS = ("Army", "Armed Forces", "Military Forces", "Defense Forces", "Defence Forces")


def _country_armies(gazetteer: Gazetteer) -> dict[str, str]:
    """Each country's army: its first state force named as an army («Yemeni Armed Forces»,
    even under its government), else its first state force without a parent (not a coast
    guard or a republican guard when the army is listed)."""
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    for order, (canonical, entries) in enumerate(gazetteer.entries.items()):
        for entry in entries:
            if entry.canonical == canonical and entry.kind == "state_force" and entry.country:
                army = any(word in canonical for word in ARMY_WORDS)
                rank = (0 if army else 2) + (1 if entry.parent else 0)
                candidates.setdefault(entry.country, []).append((rank, order, canonical))
    return {country: min(found)[2] for country, found in candidates.items() if min(found)[0] < 3}


def marker_before(doc: EventDocument, named: Named) -> str | None:
    """The role of the cue word before a name, looking past a few head nouns and a
    partitive «من» («على آخر مواقع داعش» -> target; «عناصر من التنظيم» -> none)."""
    if named.prefix.endswith("ل") and not named.prefix.endswith("بل"):
        genitive = "genitive"
    else:
        genitive = None
    clause_first, _ = doc.clause(named.first)
    index = named.first - 1
    skipped = 0
    while index >= clause_first:
        roles = doc.roles_at(index)
        if doc.is_proclitic(index):
            index -= 1
            continue
        if "head" in roles and skipped < MAX_HEAD_WORDS:
            if any(r.prefix.endswith("ل") and r.key in doc.head_keys for r in doc.words[index].readings):
                genitive = "genitive"  # «لقوات الحزام الأمني»: the particle sits on the head noun
            index -= 1
            skipped += 1
            continue
        if "source" in roles and skipped and index - 1 >= clause_first and "head" in doc.roles_at(index + 1):
            return genitive  # «عناصر من داعش»: partitive, not a source
        if "source" in roles and not skipped and index - 1 >= clause_first and doc.roles_at(index - 1) & PARTITIVE_HEADS:
            return None  # «مسلحون من الحركة», «مقاتلات من قوة برخان»: the group's own men
        if "supported" in roles:
            return "supported"  # «لدعم القوات المالية»: helped, not acting
        if "affiliation" in roles:
            # «مواقع تابعة لـ«كتائب حزب الله»» after «على»: still the target
            before = index - 1
            while before >= clause_first and "head" in doc.roles_at(before):
                before -= 1
            return "target" if before >= clause_first and "target" in doc.roles_at(before) else "affiliation"
        for role in ("according", "support", "spokesman", "agent", "between", "with", "target", "source", "recipient", "destination", "locative", "direction", "region"):
            if role in roles:
                return role
        if genitive and roles & HIT_NOUNS and _hit(doc, index):
            return "target"  # «انفجرت عبوة بدورية للجيش», «استهدف موكبًا لقوات الأمن»: the owner of what was hit
        break
    support = _support_before(doc, named.first, clause_first)
    return support or genitive


MEMBER_NOUNS = frozenset(("قيادي", "القيادي", "عنصر", "العنصر", "عضو", "العضو", "قائد", "القائد", "مسؤول", "المسؤول", "امير", "الامير"))


def _member_before(doc: EventDocument, first: int) -> bool:
    """«قيادي في», «عنصر في»: a member noun before the «في» in front of a group's name."""
    return first >= 2 and doc.words[first - 2].key in MEMBER_NOUNS


HIT_NOUNS = frozenset(("armed_target", "civilian"))


def _hit(doc: EventDocument, index: int) -> bool:
    """The noun at `index` is what was hit: behind «بـ» («بدورية») or right after a target cue
    («استهدف موكبًا», «على حافلة»), not the subject of its clause («قامت دورية للجيش»)."""
    if any(reading.prefix.endswith("ب") for reading in doc.words[index].readings[1:]):
        return True
    return index > 0 and "target" in doc.roles_at(index - 1)


def _support_before(doc: EventDocument, first: int, clause_first: int) -> str | None:
    for index in range(first - 1, max(clause_first, first - 1 - MAX_SUPPORT_GAP) - 1, -1):
        if "support" in doc.roles_at(index):
            return "support"
    return None
