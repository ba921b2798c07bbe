"""Who did what to whom: actor1, actor2 and the supporting actor of one trigger.

The names are the entities of the trigger's clause; the cue before a name says its part
(actors.py).  By the trigger's `roles` (triggers.tsv):

* a verb's actor1 is its subject: the first unmarked name right after it («اعتقلت
  الشرطة»), else the nearest unmarked name before it in the clause («قسد تسيطر»);
* a noun's actor1 is the name right after it («اقتحام قسد»), the subject of a light verb
  beside it («اشتباكات خاضتها قسد»، «شن طيران التحالف غارات»), or a demonym
  («غارة إسرائيلية»); a `patient` noun's name is actor2 instead («طرد داعش»);
* a `leaver` («انسحب»، «سلّم») is actor2, and whoever it hands over to («إلى X») actor1;
* «على»/«ضد»/«مع» mark actor2, «بين X و Y» both sides, «على يد»/«من قبل» actor1, and
  «بمعاونة»/«بغطاء» the supporter (assoc_actor_1).

Failing all that, actor1 is the subject of the sentence: its first unmarked name
(«أعلنت قسد ... سيطرتها»), unless a «أن» stands between (what follows a reporting verb
is the source's account: the reporter is not the actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .actors import Actor, ActorBook
from .document import EventDocument, Found

VERB_SUBJECT_GAP = 4  # words between a verb and its subject («اغتال الجيش الإسرائيلي»)
SPEAKER_GAP = 6  # a speaker's title may be long («دان مكتب رئيس الوزراء الإسرائيلي «...»»)
PAST_AUXILIARY = frozenset(("كان", "كانت", "كانوا", "كانا", "كانتا"))
SELF_GAP = 4  # words from «أنها» to the act it tells («أنها شنت الأحد ثلاث غارات»)
OWN_SUFFIXES = ("ه", "ها", "نا")  # the speaker's own pronoun («مقاتلاته», «أنها»; «قواتنا», «إننا» in his words)
SIDES_GAP = 4  # words from one side of a deal to the other joined by «و» («بوتين ونظيره التركي أردوغان»)
LATE_SUBJECT_GAP = 8  # words a light verb may stand before its noun's subject
GENITIVE_GAP = 2  # «اقتحام قسد», «هجوم انتحاري لداعش»
DOER_GAP = 3
DEMONYM_GAP = 2
# Triggers whose other side may be named without a marker («سيطرتها على الباغوز، آخر جيوب داعش»).
HOLDING_CLASSES = frozenset(("territory", "control", "Armed clash"))


@dataclass
class Arguments:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: Actor | None = None
    claimed_by: str | None = None
    explicit: bool = False  # actor1 found in the trigger's own clause
    actor_words: set[int] = field(default_factory=set)


def clause_actors(doc: EventDocument, book: ActorBook, first: int, last: int) -> list[Actor]:
    """The actors named in words first..last (remembered per span: clauses are asked often)."""
    found = doc.memo.get((first, last))
    if found is None:
        found = [actor for actor in (book.actor(doc, named) for named in doc.named_in(first, last)) if actor is not None]
        doc.memo[(first, last)] = found
    return found


def read_arguments(doc: EventDocument, book: ActorBook, trigger: Found, clause: tuple[int, int]) -> Arguments:
    """The arguments of a trigger in its clause (remembered: a claim or a participle asks
    for those of other triggers again); a fresh copy each time, callers may change it."""
    key = ("arguments", trigger.first, trigger.last, trigger.phrase.form, trigger.phrase.meaning, clause)
    found = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = _read_arguments(doc, book, trigger, clause)
    return replace(found)


def _read_arguments(doc: EventDocument, book: ActorBook, trigger: Found, clause: tuple[int, int]) -> Arguments:
    named = clause_actors(doc, book, *clause)
    actors = [actor for actor in named if actor.kind != "country"]  # a country acts only as a verb's subject
    phrase = trigger.phrase
    found = Arguments()
    communication = phrase.meaning in COMMUNICATION
    unknown = False
    if communication and _participle(trigger):
        # «..., متوعدًا الحكومة العراقية»: the participle speaks for its main clause's subject
        found.actor1 = _main_speaker(doc, book, trigger)
        found.actor2 = _target(doc, actors, trigger, ("target", "with", None, "genitive"))
    elif phrase.roles == "leaver":
        leaver = _subject(doc, actors, trigger, clause) if phrase.is_verb else _genitive(doc, actors, trigger)
        found.actor2 = leaver or _chain_subject(doc, book, trigger, communication)
        found.actor1 = _marked(actors, "recipient", after=trigger.last) or _entering(doc, book, trigger)
    elif phrase.is_verb and _passive(doc.words[trigger.first].text):
        # «اختُطف الصحفي»، «قُتل مدنيان»: the subject is the victim
        found.actor2 = _subject(doc, actors, trigger, clause)
        found.actor1 = _marked(actors, "agent")
    elif phrase.is_verb and _plural(trigger):
        # «... وسيطروا على», «احتجزوا عناصر الحزب»: a plural verb's subject was named before it
        found.actor1, unknown = _subject_before(doc, actors, trigger, clause, communication)
        found.actor2 = _target(doc, actors, trigger, _against(phrase.meaning)) or _object(doc, actors, trigger, None)
    elif phrase.is_verb:
        found.actor1 = _subject(doc, actors, trigger, clause, communication) or _weapon_subject(doc, book, trigger, clause)
        found.actor2 = _target(doc, actors, trigger, _against(phrase.meaning)) or _object(doc, actors, trigger, found.actor1)
    elif phrase.roles == "patient":
        found.actor2 = _genitive(doc, actors, trigger)
        found.actor1 = _marked(actors, "agent") or _doer(doc, actors, trigger, clause, named)
        if found.actor2 is None:
            found.actor2 = _target(doc, actors, trigger)
    else:
        found.actor1 = (
            _genitive(doc, actors, trigger)
            or _marked(actors, "agent")
            or _doer(doc, actors, trigger, clause, named)
            or _demonym(doc, book, trigger, clause)
        )
        found.actor2 = _target(doc, actors, trigger, _against(phrase.meaning))
        if found.actor2 is None and phrase.meaning in HOLDING_CLASSES:
            found.actor2 = _holder(actors, trigger, found.actor1)
    if phrase.meaning == "detention" and (found.actor2 is None or found.actor2.kind not in ("person", "armed_group")):
        found.actor2 = _detained(doc, actors, trigger, found.actor1) or found.actor2
    _between(actors, found)
    if found.actor1 is None and phrase.is_verb and _unnamed_subject(doc, trigger):
        unknown = True  # «وتبنتهما جماعة «صقور حرية كردستان»»: a subject the gazetteer does not know
    found.explicit = found.actor1 is not None
    unknown = unknown or found.actor1 is None and (_unknown(doc, trigger, clause) or phrase.is_verb and _passive(doc.words[trigger.first].text))
    if found.actor1 is None and not unknown and phrase.roles != "leaver":
        found.actor1 = _nearest_before(doc, actors, trigger, clause, communication) or _chain_subject(doc, book, trigger, communication)
    in_sentence = clause_actors(doc, book, *doc.sentence_words(trigger.first))
    found.actor1 = _specific(doc, book, in_sentence, found.actor1)
    found.actor2 = _specific(doc, book, in_sentence, found.actor2)
    if phrase.meaning == "Agreement" and found.actor1 is None:
        found.actor1, found.actor2 = _parties(doc, book, trigger, clause)
    if phrase.meaning == "Agreement" and found.actor1 is not None:
        first_side = _first_side(doc, named, found.actor1)
        if first_side is not None:
            found.actor1, found.actor2 = first_side, found.actor1
    if found.actor2 is None and phrase.meaning == "Agreement" and found.actor1 is not None:
        found.actor2 = _partner(actors, found.actor1)
    if found.actor1 is None and phrase.is_verb and not unknown:
        found.actor1 = next((a for a in named if a.kind == "country" and a.first == trigger.last + 1 and a.marker is None), None)
    if found.actor1 is None and not communication:
        found.actor1 = _speakers_forces(doc, book, trigger)
    found.assoc = _marked(actors, "support")
    found.claimed_by = _claimant(doc, book, trigger, clause)
    if found.claimed_by is None:
        accuser, accused = _accusation(doc, book, trigger)
        if accuser is not None and found.actor1 is None:
            found.claimed_by, found.actor1 = accuser, accused
    found.actor_words = {index for actor in (found.actor1, found.actor2) if actor is not None for index in range(actor.first, actor.last + 1)}
    return found


# --- subjects -------------------------------------------------------------------------

COMMUNICATION = frozenset(("Statement", "Threat", "warning", "Claim of responsibility", "Propaganda release"))
SPEAKER_MARKERS = (None, "spokesman", "member")  # «قال قيادي في الحركة»: the group speaks through him
PLURAL_ENDINGS = ("وا", "ون", "تا", "ان")  # «سيطروا», «يسيطرون», «فجرتا», «يفجران»
TITLE_GAP = 4  # «قال قائد الجيش الفريق أول «عبد الفتاح البرهان»»
APPOSITION_GAP = 5  # «بعثة الأمم المتحدة في الكونغو الديمقراطية «مونوسكو»»


def _participle(trigger: Found) -> bool:
    """An active participle of speaking («متوعدًا», «مهددًا», «محذرًا», «قائلًا»): a noun
    trigger that stands for its main clause's verb."""
    key = trigger.reading.key
    return not trigger.phrase.is_verb and (key.startswith("م") or key.startswith("قائل")) and not trigger.reading.prefix.endswith("ال")


def _plural(trigger: Found) -> bool:
    """A verb inflected for a plural or dual subject: in Arabic a subject named after
    its verb leaves the verb singular, so this one's subject was named before it."""
    key = trigger.reading.key
    return key.endswith(PLURAL_ENDINGS) and len(key) > 4


def _subject_before(doc: EventDocument, actors: list[Actor], trigger: Found, clause, communication: bool) -> tuple[Actor | None, bool]:
    """(subject, unknown) of a verb whose subject stands before it: the nearest unmarked
    name, or an unnamed one («اقتحم مئات المسلحين المدينة ... وسيطروا»: unknown), in
    its clause or the clauses it continues."""
    start = _chain_start(doc, trigger.first)
    if not communication:  # «زعم التنظيم أن عناصره هاجموا»: not across the «أن» of a report
        complements = doc.cue_words("complement", start, trigger.first - 1)
        start = complements[-1] + 1 if complements else start
    # a person is no plural subject («مسقط رأس الرئيس الأسبق صدام حسين، وسيطروا»)
    before = [a for a in actors if start <= a.first and a.last < trigger.first and a.marker in SPEAKER_MARKERS and a.kind != "person"]
    unnamed = [i for i in doc.cue_words("unknown_actor", start, trigger.first - 1) if not any(a.first <= i <= a.last for a in actors)]
    nearest = before[-1] if before else None
    if unnamed and (nearest is None or unnamed[-1] > nearest.last):
        return None, True
    return nearest, False


def _main_speaker(doc: EventDocument, book: ActorBook, participle: Found) -> Actor | None:
    """Who speaks in the main clause of a participle: the speaker of the last verb of
    saying before it in its sentence, else the sentence's subject."""
    first, _ = doc.sentence_words(participle.first)
    verbs = [t for t in doc.triggers if first <= t.first < participle.first and t.phrase.is_verb and t.phrase.meaning in COMMUNICATION]
    if verbs:
        speaker = read_arguments(doc, book, verbs[-1], doc.clause(verbs[-1].first)).actor1
        if speaker is not None:
            return speaker
    return sentence_subject(doc, book, first, participle.first, communication=True)


def _unnamed_subject(doc: EventDocument, trigger: Found) -> bool:
    """The word right after a verb (past a date) is a group's head noun or opens a name in
    guillemets that no entity covers: the subject is named, just not known."""
    index = trigger.last + 1
    while index < len(doc.words) and index in doc.date_words:
        index += 1
    if index >= len(doc.words) or doc.words[index].sentence != doc.words[trigger.first].sentence:
        return False
    if doc.named_in(index, index + 1):
        return False
    return "head" in doc.roles_at(index) and any(start <= index + 1 <= end for start, end in doc.guillemet_spans)


def _chain_start(doc: EventDocument, index: int) -> int:
    """The first word of the clause and of the clauses it continues («...، وسلّمت»)."""
    first, _ = doc.clause(index)
    while first in doc.soft_starts and first > 0:
        first, _ = doc.clause(first - 1)
    return first


def _chain_subject(doc: EventDocument, book: ActorBook, trigger: Found, communication: bool) -> Actor | None:
    """The subject of the trigger's clause chain: its first unmarked name (not a
    country, which acts only right after its verb), not across a hard clause boundary."""
    return sentence_subject(doc, book, _chain_start(doc, trigger.first), trigger.first, communication)


def _specific(doc: EventDocument, book: ActorBook, actors: list[Actor], actor: Actor | None) -> Actor | None:
    """The more specific name right after an actor: a province of a group («داعش - ولاية
    غرب أفريقيا») or a mission named in apposition («بعثة الأمم المتحدة ... «مونوسكو»»)."""
    if actor is None:
        return None
    for other in actors:
        if other.first <= actor.last or other.first - actor.last > APPOSITION_GAP:
            continue
        if any(actor.last < t.first < other.first for t in doc.triggers):
            break
        entry = book.entry(other.name)
        child = entry is not None and entry.parent == actor.name  # «داعش - ولاية غرب أفريقيا», «داعش في أفغانستان، المعروف بـ«ولاية خراسان»»
        apposed = doc.words[other.first].named and other.kind in ("coalition", "armed_group", "state_force") and actor.kind in ("international_org",)
        if child or apposed:
            return Actor(other.name, other.kind, actor.first, other.last, actor.marker)
        break
    return actor


def _subject(doc: EventDocument, actors: list[Actor], trigger: Found, clause, communication: bool = False) -> Actor | None:
    """VSO: the first unmarked name after the verb, with at most a few words between
    that are not a date («اعتقلت، أمس الثلاثاء، الشرطة»); else SVO: the nearest before."""
    allowed = SPEAKER_MARKERS if communication else (None,)
    pluperfect = _pluperfect_subject(doc, actors, trigger, clause, allowed)
    if pluperfect is not None:
        return pluperfect
    dates = doc.date_words
    gap = SPEAKER_GAP if communication else VERB_SUBJECT_GAP
    for position, actor in enumerate(actors):
        if actor.first <= trigger.first:
            continue
        between = [i for i in range(trigger.first + 1, actor.first) if i not in dates and i not in _phrase_words(trigger)]
        if doc.cue_words("complement", trigger.last + 1, actor.first - 1):
            break  # «قالت مصادر إن مسلحين من الحركة اغتالوا»: the group is in what is told
        titled_person = communication and actor.kind == "person" and actor.marker == "genitive"
        if communication and actor.marker == "genitive" and not titled_person and len(between) < gap:
            continue  # «قال القائد العام لقسد «مظلوم عبدي»»: the speaker is the man after his group
        if not communication and actor.marker == "genitive" and _unit_of(doc, between):
            return actor  # «اعتقلت دورية للجيش العراقي»: the unit after the verb is its subject
        if len(between) < gap and (actor.marker in allowed or titled_person):
            # («توعّد الأمين العام للحركة «زياد النخالة»»: the man after «للحركة» speaks)
            if communication and actor.marker is None and actor.kind != "person":
                person = _titled_person(actors[position:])
                if person is not None:
                    return person  # «قال قائد الجيش الفريق أول «عبد الفتاح البرهان»»: the man, not his force
            return actor
        break
    if _unknown(doc, trigger, clause):
        return None
    return _nearest_before(doc, actors, trigger, clause, communication)


def _unit_of(doc: EventDocument, between: list[int]) -> bool:
    """One word between a verb and a name in the genitive, a unit or force noun with no
    preposition on it («دورية», «قوة», «طائرات» in «اعتقلت دورية للجيش»)."""
    if len(between) != 1:
        return False
    word = doc.words[between[0]]
    plain = not any(reading.prefix for reading in word.readings[1:]) or word.readings[0].key.startswith("ال")
    return plain and bool(doc.roles_at(between[0]) & {"armed_target", "head", "air"})


def _titled_person(chain: list[Actor]) -> Actor | None:
    """The person at the end of a title's chain of names: «قائد الجيش الفريق أول «عبد الفتاح
    البرهان»», «رئيس المجلس الرئاسي لحكومة الوفاق الوطني «فايز السراج»» (the office, the
    body it belongs to, then the man)."""
    last = chain[0].last
    for following in chain[1:]:
        if following.first - last > TITLE_GAP:
            return None
        if following.kind == "person":
            return following
        if following.marker not in (None, "genitive"):
            return None
        last = following.last
    return None


def _pluperfect_subject(doc: EventDocument, actors: list[Actor], trigger: Found, clause, allowed) -> Actor | None:
    """«وكان التنظيم قد أعلن ... تعيين أبي إبراهيم»: in «كان X قد فعل» the name right
    after «كان» is the subject, whoever is named after the verb."""
    before = trigger.first - 1
    if before <= clause[0] or doc.words[before].key != "قد":
        return None
    auxiliaries = [i for i in range(clause[0], before) if not doc.words[i].keys.isdisjoint(PAST_AUXILIARY)]
    if not auxiliaries:
        return None
    after = auxiliaries[-1] + 1
    return next((a for a in actors if after <= a.first <= after + 1 and a.last < before and a.marker in allowed), None)


def _phrase_words(trigger: Found) -> range:
    return range(trigger.first, trigger.last + 1)


def _nearest_before(doc: EventDocument, actors: list[Actor], trigger: Found, clause, communication: bool = False) -> Actor | None:
    """The nearest unmarked name before the trigger, not across a «أن» (unless the trigger
    is itself a speech act, whose speaker stands before the «أن»)."""
    start = clause[0]
    if not communication:
        complements = doc.cue_words("complement", clause[0], trigger.first - 1)
        if complements:
            start = complements[-1] + 1
    before = [actor for actor in actors if start <= actor.first and actor.last < trigger.first]
    candidates = [actor for actor in before if actor.marker in SPEAKER_MARKERS]
    if not communication:
        candidates = [actor for actor in candidates if actor.marker is None]
    if not candidates:
        # «وكانت عناصر من جهاز الأمن العام التابع للهيئة قد اعتقلت»: the group its men belong to
        affiliated = [actor for actor in before if actor.marker == "affiliation"]
        return affiliated[-1] if len(affiliated) == 1 and not _trigger_between(doc, affiliated[-1].last, trigger.first) else None
    chosen = candidates[-1]
    for earlier in reversed(candidates[:-1]):  # «توصلت الهيئة والجبهة»: the first of a pair
        if 0 < chosen.first - earlier.last <= 2 and _joined(doc, chosen.first):
            chosen = earlier
        else:
            break
    return chosen


def _trigger_between(doc: EventDocument, after: int, before: int) -> bool:
    return any(after < t.first < before for t in doc.triggers)


DAMMA = "\u064f"


def _passive(word: str) -> bool:
    """A verb written with a damma on its first letters is passive («قُتل», «اختُطف», «أُطلق»)."""
    return DAMMA in word[:4]


def _joined(doc: EventDocument, index: int) -> bool:
    """The word starts with the conjunction «و», or follows a lone «و» («و«الجبهة»»)."""
    return doc.words[index].text.startswith("و") or (index > 0 and doc.words[index - 1].text == "و")


def sentence_subject(doc: EventDocument, book: ActorBook, first: int, before: int, communication: bool = False) -> Actor | None:
    """The first unmarked name of the sentence before word `before`, not past a «أن»."""
    for actor in clause_actors(doc, book, first, before - 1):
        if actor.kind == "country":
            continue  # «معملين لشركة أرامكو السعودية»: a country acts only right after its verb
        if actor.marker is None or (communication and actor.marker == "spokesman"):
            if not communication and doc.cue_words("complement", actor.last + 1, before - 1):
                return None
            return actor
    return None


# --- objects and marked names ---------------------------------------------------------


def _target(doc: EventDocument, actors: list[Actor], trigger: Found, markers=("target", "with")) -> Actor | None:
    """The first name after the trigger marked as acted against, before the next trigger."""
    end = _next_trigger(doc, trigger)
    return next((a for a in actors if trigger.last < a.first < end and a.marker in markers), None)


def _object(doc: EventDocument, actors: list[Actor], trigger: Found, subject: Actor | None) -> Actor | None:
    """The next name after the subject (VSO): «اغتال الجيش الإسرائيلي القيادي في السرايا»."""
    after = max(subject.last, trigger.last) if subject is not None and subject.first > trigger.first else trigger.last
    end = _next_trigger(doc, trigger)
    return next((a for a in actors if after < a.first < end and a.marker in (None, "genitive")), None)


def _detained(doc: EventDocument, actors: list[Actor], trigger: Found, actor1: Actor | None) -> Actor | None:
    """Who was arrested: a person named after the trigger, else the group they are
    suspected of belonging to («خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش»)."""
    end = _next_trigger(doc, trigger)
    after = [a for a in actors if trigger.last < a.first < end and a != actor1]
    return next((a for a in after if a.kind == "person"), None) or next((a for a in after if a.kind == "armed_group"), None)


def _against(meaning: str) -> tuple[str, ...]:
    """Markers of actor2: «من» too for territory («استعاد الجيش الفلوجة من داعش»)."""
    return ("target", "with", "source") if meaning in ("territory", "control") else ("target", "with")


def _next_trigger(doc: EventDocument, trigger: Found) -> int:
    """Where the next trigger starts: a name after it belongs to that one («فجر انتحاري نفسه
    وسط المصلين وتبنى تنظيم داعش الهجوم»)."""
    return next(
        (other.first for other in doc.triggers if other.first > trigger.last and other.phrase.meaning != trigger.phrase.meaning),
        len(doc.words),
    )  # «استعاد الجيش السيطرة على ...»: the same kind of word goes on with the same event


def _holder(actors: list[Actor], trigger: Found, actor1: Actor | None) -> Actor | None:
    """The other side named after a noun and its own actor («سيطرتها على الباغوز، آخر
    جيوب داعش»): the first unmarked name after the trigger that is not actor1."""
    after = actor1.last if actor1 is not None and actor1.first > trigger.last else trigger.last
    return next((a for a in actors if a.first > after and a.marker is None and (actor1 is None or a.name != actor1.name)), None)


def _marked(actors: list[Actor], marker: str, after: int = -1) -> Actor | None:
    return next((a for a in actors if a.marker == marker and a.first > after), None)


def _genitive(doc: EventDocument, actors: list[Actor], trigger: Found) -> Actor | None:
    """The name right after a noun («اقتحام قسد», «هجوم تنظيم داعش»), or after one more
    word when it carries «ل» («هجوم انتحاري لداعش»)."""
    for actor in actors:
        gap = range(trigger.last + 1, actor.first)
        if actor.first <= trigger.last:
            continue
        partitive = len(gap) >= 1 and "source" in doc.roles_at(actor.first - 1) and all("head" in doc.roles_at(i) for i in gap[:-1])
        if partitive:
            return actor  # «انتحاريات من التنظيم», «مسلحون من حركة الشباب»
        if actor.marker not in (None, "genitive"):
            return None
        if all("head" in doc.roles_at(index) for index in gap):
            return actor
        if actor.marker == "genitive" and len(gap) < GENITIVE_GAP:
            return actor
        return None
    return None


def _unknown(doc: EventDocument, trigger: Found, clause) -> bool:
    """«اختطف مسلحون مجهولون», «من قبل متطرف»: the report does not name who acted."""
    window = range(trigger.last + 1, min(trigger.last + 2, clause[1]) + 1)
    if trigger.phrase.is_verb and any("unknown_actor" in doc.roles_at(i) for i in window):
        return True
    for agent in doc.cue_words("agent", trigger.last + 1, clause[1]):
        if any("unknown_actor" in doc.roles_at(i) for i in range(agent + 1, min(agent + 3, clause[1]) + 1)):
            return True
    return False


def _doer(doc: EventDocument, actors: list[Actor], trigger: Found, clause, named: list[Actor] = ()) -> Actor | None:
    """The subject of a light verb beside a noun: «اشتباكات خاضتها قسد», «شن الطيران غارات»;
    a country too when it stands right after the verb («شنت الولايات المتحدة غارات»)."""
    countries = [a for a in named if a.kind == "country" and a.marker is None]
    for doer in doc.cue_words("doer", trigger.last + 1, min(trigger.last + DOER_GAP, clause[1])):
        found = next((a for a in actors if doer < a.first <= doer + DOER_GAP and _doer_subject(doc, doer, a)), None)
        if found is not None:
            return found
    for doer in reversed(doc.cue_words("doer", max(clause[0], trigger.first - DOER_GAP - LATE_SUBJECT_GAP), trigger.first - 1)):
        found = next(
            (a for a in actors if doer < a.first <= doer + DOER_GAP + 1 and a.last < trigger.first <= a.last + VERB_SUBJECT_GAP and _doer_subject(doc, doer, a)),
            None,
        ) or next((a for a in countries if a.first == doer + 1 and a.last < trigger.first <= a.last + LATE_SUBJECT_GAP and _bare_verb(doc, doer)), None)
        if found is not None:
            return found
    return None


def _bare_verb(doc: EventDocument, doer: int) -> bool:
    """A light verb with no object pronoun: «التحالف الذي تقوده السعودية» leads something else."""
    return any(cue.first == doer and cue.phrase.meaning == "doer" and not cue.reading.suffix for cue in doc.cues)


def _doer_subject(doc: EventDocument, doer: int, actor: Actor) -> bool:
    """The actor is the light verb's subject: unmarked, or behind a head noun that belongs
    to it («شنّ الطيران الحربي التابع للجيش غارات»)."""
    if actor.marker is None:
        return True
    return actor.marker in ("affiliation", "genitive") and "head" in doc.roles_at(doer + 1)


WEAPON_ROLES = frozenset(("air", "shelling", "explosive", "suicide"))


def _demonym(doc: EventDocument, book: ActorBook, trigger: Found, clause) -> Actor | None:
    """«غارة إسرائيلية», «قذائف مدفعية تركية», «شنت مقاتلات أمريكية غارات»: a demonym on
    the trigger itself (past weapon adjectives) or on a weapon noun before it."""
    index = trigger.last + 1
    while index <= clause[1] and index - trigger.last <= DEMONYM_GAP and doc.roles_at(index) & WEAPON_ROLES:
        index += 1
    if index <= clause[1]:
        force = book.demonym_force(doc, index)
        if force is not None:
            return force
    for index in range(clause[0] + 1, trigger.first):
        if doc.roles_at(index - 1) & WEAPON_ROLES:
            force = book.demonym_force(doc, index)
            if force is not None:
                return force
    return None


def _weapon_subject(doc: EventDocument, book: ActorBook, trigger: Found, clause) -> Actor | None:
    """«قصفت المدفعية التركية», «أغارت المقاتلات الروسية»: a verb whose subject is a weapon or
    force noun with a demonym acts for that country's forces."""
    index = trigger.last + 1
    while index <= clause[1] and index - trigger.last <= DEMONYM_GAP and doc.roles_at(index) & WEAPON_ROLES:
        index += 1
    return book.demonym_force(doc, index) if trigger.last + 1 < index <= clause[1] else None


def _between(actors: list[Actor], found: Arguments) -> None:
    """«بين قسد وداعش»: the first is actor1 (if none yet), the second actor2."""
    for index, actor in enumerate(actors):
        if actor.marker != "between":
            continue
        partner = actors[index + 1] if index + 1 < len(actors) else None
        if found.actor1 is None or found.actor1 == actor:
            found.actor1 = actor
            if partner is not None and found.actor2 is None:
                found.actor2 = partner
        elif found.actor2 is None:
            found.actor2 = actor
        return


def _parties(doc: EventDocument, book: ActorBook, trigger: Found, clause) -> tuple[Actor | None, Actor | None]:
    """«اتفاق توصل إليه الطرفان»: the last two sides named before it in the text."""
    if not doc.has_cue("parties", *clause):
        return None, None
    sides: list[Actor] = []
    for named in reversed(doc.named_in(0, clause[0] - 1)):
        actor = book.actor(doc, named)
        if actor is None or actor.kind in ("person", "country") or any(side.name == actor.name for side in sides):
            continue
        sides.insert(0, actor)
        if len(sides) == 2:
            return sides[0], sides[1]
    return None, None


def _speakers_forces(doc: EventDocument, book: ActorBook, trigger: Found) -> Actor | None:
    """«أعلن التحالف العربي أن مقاتلاته شنت غارات», «أعلنت الوزارة أنها اعتقلت ستة
    أشخاص»: a force told with the speaker's own pronoun acts for the speaker."""
    first, _ = doc.sentence_words(trigger.first)
    complements = doc.cue_words("complement", first, trigger.first - 1)
    owned = None
    if complements and any(
        reading.suffix in OWN_SUFFIXES and reading.key in doc.head_keys
        for index in range(complements[-1] + 1, trigger.first)
        for reading in doc.words[index].readings
    ):
        owned = complements[-1]
    for index in range(trigger.first - 1, max(first, trigger.first - SELF_GAP) - 1, -1):
        if any(reading.key in ("انه", "انها") or reading.key == "ان" and reading.suffix in OWN_SUFFIXES for reading in doc.words[index].readings):
            owned = index if owned is None or index > owned else owned
            break
    if owned is None:
        return None
    verbs = [t for t in doc.triggers if first <= t.first < owned and t.phrase.is_verb and t.phrase.meaning in COMMUNICATION]
    if not verbs:
        return None
    speaker = read_arguments(doc, book, verbs[-1], doc.clause(verbs[-1].first)).actor1
    if speaker is None or not (speaker.is_armed or speaker.is_state):
        return None
    return speaker


def _first_side(doc: EventDocument, named: list[Actor], side: Actor) -> Actor | None:
    """«وقّعت الولايات المتحدة وحركة طالبان اتفاقًا», «توصل الرئيس الروسي بوتين ونظيره
    التركي أردوغان إلى اتفاق»: the side named first, joined to the one found by «و», is
    actor1 (a country or a person too)."""
    for other in reversed(named):
        if other.last < side.first and side.first - other.last <= SIDES_GAP and other.marker is None and other.name != side.name:
            if any(_joined(doc, index) for index in range(other.last + 1, side.first + 1)):
                return other
            return None
    return None


def _partner(actors: list[Actor], actor1: Actor) -> Actor | None:
    """«توصلت هيئة تحرير الشام والجبهة الوطنية إلى اتفاق»: the name joined to actor1."""
    return next((a for a in actors if 0 < a.first - actor1.last <= 2 and a.name != actor1.name), None)


def _entering(doc: EventDocument, book: ActorBook, trigger: Found) -> Actor | None:
    """The side that moves in after a withdrawal, named in the same sentence
    («لتدخلها فصائل الجيش الوطني»): the subject of an entering transfer trigger."""
    first, last = doc.sentence_words(trigger.first)
    for other in doc.triggers:
        if other is trigger or not first <= other.first <= last or other.phrase.roles != "agent":
            continue
        if other.phrase.meaning not in (trigger.phrase.meaning, "entry"):
            continue
        actors = clause_actors(doc, book, *doc.clause(other.first))
        subject = _subject(doc, actors, other, doc.clause(other.first))
        if subject is not None:
            return subject
    return None


def _accusation(doc: EventDocument, book: ActorBook, trigger: Found) -> tuple[str | None, Actor | None]:
    """«واتهمت دمشق إسرائيل بالوقوف وراءها»: (the accuser, the accused) in the trigger's
    sentence; a capital stands for its country."""
    first, last = doc.sentence_words(trigger.first)
    cues = [index for index in doc.cue_words("accusation", first, last) if index > trigger.last]
    if not cues:
        return None, None
    cue = cues[0]
    named = [n for n in doc.named_in(cue + 1, min(cue + VERB_SUBJECT_GAP + 2, last))]
    if len(named) < 2:
        return None, None
    accuser, accused = named[0], named[1]
    accuser_name = accuser.entity.canonical or accuser.entity.text
    if accuser.entity.type == "LOC":
        entry = book.entry(accuser.entity.canonical)
        accuser_name = (entry.country if entry and entry.country else accuser_name)
    actor = book.actor(doc, accused)
    if actor is None:
        return None, None
    return accuser_name, Actor(actor.name, actor.kind, actor.first, actor.last, None)


def _claimant(doc: EventDocument, book: ActorBook, trigger: Found, clause) -> str | None:
    """«زعم X أن ...»: the event is X's claim; «اتهم X Y بـ»: X's accusation."""
    for role in ("claim", "accusation"):
        cues = doc.cue_words(role, clause[0], trigger.first - 1)
        if not cues:
            continue
        cue = cues[-1]
        actors = clause_actors(doc, book, *doc.sentence_words(trigger.first))
        after = next((a for a in actors if cue < a.first <= cue + VERB_SUBJECT_GAP and a.marker is None and a.last < trigger.first), None)
        if after is not None:
            return after.name
        subject = sentence_subject(doc, book, doc.sentence_words(trigger.first)[0], cue, communication=True)
        return subject.name if subject else None
    return None


__all__ = ["Arguments", "clause_actors", "read_arguments", "sentence_subject"]
