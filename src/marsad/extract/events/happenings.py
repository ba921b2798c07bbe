"""From mentions to events: one event per happening.

* In one clause, an attack's words are one mention: «غارة إسرائيلية استهدفت منزلًا» is
  one air strike, «انتحاري فجّر سيارة مفخخة» one suicide bombing (the most specific type
  wins); names found by one are shared with the others.  A weapon found or seized in the
  clause («عثرت على عبوة ناسفة») is no explosion.
* Mentions with the same type, agreeing actors, place and date are one event with all
  their evidence: a name or a place one of them lacks does not keep them apart, and a
  date that is only the publication date gives way to a real one.
* A weak mention (a definite «الهجوم», a quoted claim) only adds evidence to an event
  already found; alone it is dropped.
* A claim of responsibility takes the place and target of the attack it claims (the
  nearest violent event before it, or the one its clause names), and gives that attack
  its actor when the report named none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import CIVILIANS, COMMUNICATION, REMOTE_VIOLENCE, VIOLENT, Mention
from .places import Place

# Within one clause, the more specific weapon wins (the order is the preference).
WEAPON_ORDER = (
    "Suicide bomb",
    "Remote explosive/landmine/IED",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Attack",
    "Armed clash",
)
CLAIM = "Claim of responsibility"
SUICIDE = "Suicide bomb"
ARRESTS = "Arrests"
DETAILED_TYPES = frozenset(("Attack", "Armed clash"))  # what a suicide bombing told in detail after them was
AIR = "Air/drone strike"
CLASS_TRIGGERS = frozenset(("attack", "assassination", "bombing", "strike", "storm"))  # typed by the words around them
DISRUPTED = "Disrupted weapons use"
FALLBACK_DATES = frozenset(("published", None))


@dataclass
class Happening:
    mentions: list[Mention]
    type: str
    event_type: str
    family: str
    actor1: str | None
    actor1_kind: str | None
    actor2: str | None
    assoc: str | None
    place: Place | None
    place_from: str | None
    date: str | None
    date_from: str | None
    claimed_by: str | None
    linked: Happening | None = field(default=None, repr=False)  # the attack a claim claims

    @classmethod
    def of(cls, mention: Mention) -> Happening:
        return cls(
            [mention], mention.type, mention.event_type, mention.family, mention.actor1, mention.actor1_kind,
            mention.actor2, mention.assoc, mention.place, mention.place_from, mention.date, mention.date_from,
            mention.claimed_by,
        )

    @property
    def location(self) -> str | None:
        return self.place.name if self.place else None

    @property
    def first_word(self) -> int:
        return min(mention.trigger.first for mention in self.mentions)

    def absorb(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if not mention.strong:
            return  # a quoted, claimed or anaphoric mention adds evidence, not arguments
        if self.actor1 is None and mention.actor1 is not None:
            self.actor1, self.actor1_kind = mention.actor1, mention.actor1_kind
        if self.actor2 in (None, CIVILIANS) and mention.actor2 not in (None, CIVILIANS):
            self.actor2 = mention.actor2
        elif self.actor2 is None:
            self.actor2 = mention.actor2
        self.assoc = self.assoc or mention.assoc
        self.claimed_by = self.claimed_by or mention.claimed_by
        if mention.place is not None and (self.place is None or _weaker_place(self.place_from, mention.place_from) or _country_of(self.place, mention.place)):
            self.place, self.place_from = mention.place, mention.place_from
        if self.date_from in FALLBACK_DATES and mention.date_from not in FALLBACK_DATES and mention.date:
            self.date, self.date_from = mention.date, mention.date_from


def _weaker_place(current: str | None, other: str | None) -> bool:
    order = {"clause": 0, "sentence": 1, "paragraph": 2, "text": 3, None: 4}
    return order[other] < order[current]


def merge_clauses(mentions: list[Mention]) -> list[Mention]:
    """One mention per attack per clause; arguments shared within the clause."""
    by_clause: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_clause.setdefault(mention.first, []).append(mention)
    kept: list[Mention] = []
    for group in by_clause.values():
        disrupted = any(m.type == DISRUPTED for m in group)
        group = [m for m in group if not (disrupted and m.event_type == REMOTE_VIOLENCE)]
        group = _storming_for_captives(group)
        _share_arguments(group)
        weapons = [m for m in group if m.weapon_class or (m.type in WEAPON_ORDER[:4])]
        for same_place in _by_town(weapons):
            if len(same_place) > 1:
                best = _merge_weapons(same_place)
                group = [m for m in group if m not in same_place or m is best]
        kept.extend(group)
    return _one_message(sorted(kept, key=lambda m: m.trigger.first))


CAPTURES = frozenset(("Abduction/forced disappearance", "Arrests"))


def _storming_for_captives(group: list[Mention]) -> list[Mention]:
    """«اقتحم مسلحو التنظيم مبنى القنصلية واحتجزوا 49 شخصًا»: storming a place to take
    people is the abduction (or the arrest), not a clash of its own."""
    captures = [m for m in group if m.type in CAPTURES]
    if not captures:
        return group
    storms = [m for m in group if m.trigger.phrase.meaning == "storm"]
    for storm in storms:
        _fill(captures[0], storm)
    return [m for m in group if m not in storms]


def _one_message(mentions: list[Mention]) -> list[Mention]:
    """A speaker's words in one sentence are one message: a Statement gives way to the
    Threat (or claim) the same speaker makes in that sentence («قال المتحدث ... إن
    مقاتليه سيزحفون ...، متوعدًا الحكومة»), which takes its place when it has none."""
    for mention in mentions:
        # «قال الرئيس إن «مصر تحتفظ بحق الرد»»: a statement whose words threaten is a Threat
        if mention.type == "Statement" and mention.strong and any(
            other.type == "Threat" and other.sentence == mention.sentence and other.trigger.first > mention.trigger.first and not other.strong
            for other in mentions
        ):
            mention.type = "Threat"
    for mention in mentions:
        # «قالت الوزارة في بيان إن الإمارات «تحتفظ بحق الرد»»: the quoted threat is the
        # speaker's message when he says nothing else in the sentence that was kept
        if mention.by_speaker and not any(o.strong and o.sentence == mention.sentence and o.actor1 == mention.actor1 for o in mentions):
            mention.strong = True
    pointed = {(m.sentence, m.actor1): m for m in mentions if m.type in ("Threat", CLAIM) and m.actor1 and m.strong}
    for mention in mentions:
        stronger = pointed.get((mention.sentence, mention.actor1)) if mention.type in ("Statement", "Threat") else None
        if stronger is None or stronger is mention:
            continue
        if stronger.place is None and mention.place is not None:
            stronger.place, stronger.place_from = mention.place, mention.place_from
        mention.type, mention.event_type, mention.strong = stronger.type, stronger.event_type, False  # evidence of the threat
    # «تجاهلت صحيفة «النبأ» الناطقة باسم التنظيم، في عددها الصادر الخميس، ...»: what a
    # release says is the release, not a Statement of its own
    releases = {(m.sentence, m.actor1): m for m in mentions if m.type == "Propaganda release" and m.actor1 and m.strong}
    for mention in mentions:
        release = releases.get((mention.sentence, mention.actor1)) if mention.type == "Statement" else None
        if release is not None:
            mention.type, mention.event_type, mention.strong = release.type, release.event_type, False
    return mentions


def _by_town(weapons: list[Mention]) -> list[list[Mention]]:
    """The attack words of a clause, one group per town when a trigger was counted out
    over several towns (mentions._per_place: «غارات على ... في بقيق وهجرة خريص»), else
    one group; a word without a town joins the first."""
    split = any(a.trigger.first == b.trigger.first and a.location != b.location for a in weapons for b in weapons)
    if not split:
        return [weapons]
    groups: dict[str | None, list[Mention]] = {}
    for mention in weapons:
        groups.setdefault(mention.location, []).append(mention)
    unplaced = groups.pop(None, [])
    found = list(groups.values())
    if found and unplaced:
        found[0].extend(unplaced)
    return found


def _merge_weapons(weapons: list[Mention]) -> Mention:
    """The most specific weapon of one attack, with what the others know."""
    told = [m for m in weapons if not m.anaphoric] or weapons  # «صدّوا الهجوم»: a word referring back gives no type
    best = min(told, key=lambda m: (WEAPON_ORDER.index(m.type) if m.type in WEAPON_ORDER else len(WEAPON_ORDER), m.trigger.first))
    drones = [m for m in weapons if m.trigger.phrase.meaning == AIR]
    if drones and best.type == "Remote explosive/landmine/IED" and best.trigger.phrase.meaning in CLASS_TRIGGERS:
        best.type, best.event_type = AIR, drones[0].event_type  # «طائرات مسيّرة مفخخة»: a drone strike
    for other in weapons:
        if other is not best:
            _fill(best, other)
    # «وبدأ الهجوم بتفجير سيارتين مفخختين»: details of an attack already told
    # («غارات ... قال إنها استهدفت منصات إطلاق الطائرات المسيّرة»: a definite word after
    # the attack is told is its target or detail, not a reference back)
    strong = [m.trigger.first for m in weapons if m.strong]
    # («وجاءت الغارات بعد يومين من الهجوم الانتحاري الذي استهدف ...»: a word told as coming
    # after the attack refers to another event, not to this one)
    leading = [m for m in weapons if m.anaphoric and not m.before_reference and (not strong or m.trigger.first < min(strong))]
    best.strong = bool(strong) and not leading
    best.anaphoric = bool(leading)
    return best


def _share_arguments(group: list[Mention]) -> None:
    """«طرد داعش من الباغوز باقتحام قسد»: the expelling's actor1 is the stormer."""
    violent = [m for m in group if m.family == VIOLENT]
    for mention in violent:
        for other in sorted(violent, key=lambda o: abs(o.trigger.first - mention.trigger.first)):
            if other is not mention:
                weaker = mention.actor1 is None or (not mention.actor_explicit and other.actor_explicit)
                if weaker and other.actor1 is not None and other.actor1 != mention.actor2:
                    mention.actor1, mention.actor1_kind = other.actor1, other.actor1_kind
                    mention.actor_explicit = other.actor_explicit
                if mention.actor2 in (None, CIVILIANS) and other.actor2 not in (None, CIVILIANS) and other.actor2 != mention.actor1:
                    mention.actor2 = other.actor2
                mention.assoc = mention.assoc or other.assoc


def _fill(best: Mention, other: Mention) -> None:
    if best.actor1 is None:
        best.actor1, best.actor1_kind = other.actor1, other.actor1_kind
    if best.actor2 in (None, CIVILIANS) and other.actor2 not in (None, CIVILIANS):
        best.actor2 = other.actor2
    if best.place is None:
        best.place, best.place_from = other.place, other.place_from


def happenings(mentions: list[Mention]) -> list[Happening]:
    found: list[Happening] = []
    for mention in merge_clauses(mentions):
        _arrests_told_on(found, mention)
        target = _detailed_as_suicide(found, mention) or _match(found, mention)
        if target is not None:
            target.absorb(mention)
        elif mention.strong and _anchored(mention):
            found.append(Happening.of(mention))
    _link_claims(found, mentions)
    _place_releases(found)
    _place_visits(found)
    return _merge_claims(found)


def _arrests_told_on(found: list[Happening], mention: Mention) -> None:
    """«أوقفت الشرطة التركية 27 شخصًا ... فيما ألقت القبض على ثمانية آخرين في قونية»: arrests
    told with no one making them are made by whoever made the arrests told before."""
    if mention.type != ARRESTS or mention.actor1 is not None:
        return
    before = next((h for h in reversed(found) if h.type == ARRESTS and h.actor1 is not None), None)
    if before is not None:
        mention.actor1, mention.actor1_kind = before.actor1, before.actor1_kind
        if mention.actor2 in (None, CIVILIANS):
            mention.actor2 = before.actor2


def _detailed_as_suicide(found: list[Happening], mention: Mention) -> Happening | None:
    """«الهجوم الذي استهدف مقر المفوضية ... قبل أن يفجرا نفسيهما بحزامين ناسفين»: an attack
    whose next sentence tells its attackers blew themselves up, at the same place and on no
    other day, was a suicide bombing (one happening, the more specific type)."""
    if mention.type != SUICIDE or not (mention.strong or mention.in_sequence) or not found or mention.before_reference:
        return None
    attack = found[-1]
    told = [m.sentence for m in attack.mentions]
    if attack.type not in DETAILED_TYPES or attack.place is None or not min(told) < mention.sentence <= max(told) + 1:
        return None  # «هاجم مسلحون البرلمان ... فيما فجّر انتحاري نفسه عند الضريح»: two attacks
    if mention.place_from == "clause" or mention.date_from == "clause" and mention.date != attack.date:
        return None  # a place or a day of its own: another attack («بعد ثلاثة أيام على الهجوم الانتحاري ... الاثنين»)
    if not (_places_agree(attack.place, mention.place) and _agree(attack.actor1, mention.actor1) and _dates_agree(attack, mention)):
        return None
    if attack.actor1 is not None and attack.actor1_kind != "armed_group":
        return None  # an army's fire is no suicide bombing: the bomber's is another attack
    attack.type, attack.event_type = mention.type, mention.event_type
    return attack


def _anchored(mention: Mention) -> bool:
    """An event needs someone who acted or a place; a communication needs its speaker."""
    if mention.date_from == "coarse":
        return False  # a past happening dated by a month or a year: background
    if mention.family == COMMUNICATION:
        return mention.actor1 is not None
    if mention.type == SUICIDE and mention.place is not None:
        return True  # «فجّر انتحاري حزامه الناسف وسط الحضور»: the place told before is enough
    return mention.actor1 is not None or mention.explicit and mention.place is not None


def _match(found: list[Happening], mention: Mention) -> Happening | None:
    for happening in reversed(found):
        if _compatible(happening, mention):
            return happening
    return None


def _compatible(happening: Happening, mention: Mention) -> bool:
    if happening.type != mention.type and not (not mention.strong and _same_attack(happening, mention)):
        return False
    if mention.type == CLAIM and happening.mentions[0].sentence != mention.sentence:
        return False  # claims of different attacks: merged after linking, by the attack they claim
    if not _agree(happening.actor1, mention.actor1) or not _places_agree(happening.place, mention.place):
        return False
    if not (_agree(happening.actor2, mention.actor2) or CIVILIANS in (happening.actor2, mention.actor2)):
        return False
    if not _dates_agree(happening, mention):
        return False
    if not mention.strong:
        return True
    return (happening.actor1 is not None and happening.actor1 == mention.actor1) or (
        happening.location is not None and _places_agree(happening.place, mention.place)
    )


def _places_agree(a: Place | None, b: Place | None) -> bool:
    """The same place, one of them unknown, or a country and a town in it («التفجيرات
    التي ضربت سريلانكا» then «في العاصمة كولومبو»: the vague mention upgraded)."""
    if a is None or b is None or a.name == b.name:
        return True
    return _country_of(a, b) or _country_of(b, a)


def _country_of(country: Place, town: Place) -> bool:
    entry = country.entry
    if entry is None or entry.kind != "country":
        return False
    inside = town.entry.country if town.entry is not None else town.country
    return inside is not None and inside == entry.canonical


def _same_attack(happening: Happening, mention: Mention) -> bool:
    """A weak «الهجوم» may name any violent event."""
    return happening.family == VIOLENT and mention.family == VIOLENT and mention.weapon_class


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _dates_agree(happening: Happening, mention: Mention) -> bool:
    if happening.date == mention.date:
        return True
    return happening.date_from in FALLBACK_DATES or mention.date_from in FALLBACK_DATES


def _link_claims(found: list[Happening], mentions: list[Mention]) -> None:
    attacks = [h for h in found if h.family == VIOLENT]
    for claim in (h for h in found if h.type == CLAIM):
        told = _told_types(claim, mentions)
        claimed = _all_claimed(claim, attacks, told) if any(m.several for m in claim.mentions) else []
        if not claimed:  # one attack, or a series told after the claim («مسؤوليته عن سلسلة التفجيرات التي ضربت»)
            claimed = [attack] if (attack := _claimed_attack(claim, attacks, told)) is not None else []
        if not claimed:
            continue
        attack = claimed[0]
        claim.linked = attack
        claim.place, claim.place_from = attack.place, attack.place_from
        if attack.actor2 is not None:
            claim.actor2 = attack.actor2
        if claim.date_from in FALLBACK_DATES:
            claim.date, claim.date_from = attack.date, attack.date_from
        # an attack told over several towns (mentions._per_place) is claimed in each
        clauses = {(attack.type, m.first) for attack in claimed for m in attack.mentions}
        claimed += [a for a in attacks if a not in claimed and clauses & {(a.type, m.first) for m in a.mentions}]
        for attack in claimed:
            if attack.actor1 is None:
                attack.actor1, attack.actor1_kind = claim.actor1, claim.actor1_kind


def _place_releases(found: list[Happening]) -> None:
    """«وتبنى التنظيم الهجوم ... ونشرت الوكالة صورة قالت إنها للمنفّذ»: a release told
    with a claim is about the claimed attack and takes its place."""
    claims = [h for h in found if h.type == CLAIM and (h.linked is not None or h.place is not None)]
    for release in (h for h in found if h.type == "Propaganda release" and h.place_from not in ("clause",)):
        sentences = {m.sentence for m in release.mentions}
        claim = next((c for c in claims if sentences & {m.sentence for m in c.mentions}), None)
        if claim is None and release.place is None:
            # «ونشرت الوكالة صورة قالت إنها لمنفذي الهجمات» after the claim: the claimed attack's
            earlier = [c for c in claims if c.actor1 == release.actor1 and c.first_word < release.first_word]
            claim = max(earlier, key=lambda c: c.first_word) if earlier else None
        if claim is not None and claim.place is not None:
            release.place, release.place_from = claim.place, claim.place_from


def _place_visits(found: list[Happening]) -> None:
    """«قال الرئيس خلال زيارته موقع التفجيرين إن ...»: a Statement made at the site of an
    event is located where the event happened."""
    for statement in (h for h in found if h.family == COMMUNICATION and h.place is None):
        clauses = {m.first for m in statement.mentions}
        site = next(
            (h for h in found if h.family == VIOLENT and h.place is not None and any(m.at_site and m.first in clauses for m in h.mentions)),
            None,
        )
        if site is not None:
            statement.place, statement.place_from = site.place, "clause"


def _all_claimed(claim: Happening, attacks: list[Happening], told: set[str]) -> list[Happening]:
    """The attacks a claim of several covers: every one told before it that the claimer
    may have carried out, first told first."""
    position = claim.first_word
    return sorted(
        (a for a in attacks if a.first_word < position and a.actor1 in (None, claim.actor1)),
        key=lambda a: a.first_word,
    )


def _told_types(claim: Happening, mentions: list[Mention]) -> set[str]:
    """Weapon types the claimer's own account gives in the claim's sentence («قائلًا إن
    قواتهم استهدفت «عرضًا عسكريًا بصاروخ باليستي»»), quotations included."""
    sentences = {m.sentence for m in claim.mentions}
    return {m.type for m in mentions if m.sentence in sentences and m.family == VIOLENT and not m.anaphoric}


def _claimed_attack(claim: Happening, attacks: list[Happening], told: set[str]) -> Happening | None:
    """The attack named in the claim's clause, else the nearest one before it that the
    claimer may have carried out (no actor yet, or the claimer), of the weapon the
    claimer's account names when it names one."""
    position = claim.first_word
    candidates = [a for a in attacks if a.actor1 in (None, claim.actor1)]
    if told and any(a.type in told for a in candidates):
        candidates = [a for a in candidates if a.type in told]
    same_clause = [a for a in candidates if a.first_word > position and a.mentions[0].first == claim.mentions[0].first]
    if same_clause:
        return same_clause[0]
    # «أعلن التنظيم، أمس، مسؤوليته عن التفجيرات التي ضربت ...»: named later in its sentence
    same_sentence = [a for a in candidates if a.first_word > position and any(m.sentence == claim.mentions[0].sentence for m in a.mentions)]
    if same_sentence:
        return min(same_sentence, key=lambda a: a.first_word)
    before = [a for a in candidates if a.first_word < position]
    if before:
        return max(before, key=lambda a: a.first_word)
    return None


def _merge_claims(found: list[Happening]) -> list[Happening]:
    kept: list[Happening] = []
    for happening in found:
        twin = next(
            (k for k in kept if k.type == CLAIM == happening.type and k.actor1 == happening.actor1 and k.linked is not None and k.linked is happening.linked),
            None,
        )
        if twin is not None:
            twin.mentions.extend(happening.mentions)
        else:
            kept.append(happening)
    return kept
