"""Event mentions: one trigger read in its clause, with its type, arguments and polarity.

For each trigger the reader asks, in order:

1. Does its clause license it?  A trigger inside a name or a date («هيئة تحرير الشام»,
   «فجر أمس») is no trigger; one that `needs` a cue (a speech verb needs a venue) must
   find it in its clause.
2. Did it happen?  A negation right before it («لم»، «لن»، «عدم»، «دون»), a denial
   earlier in its clause («نفى»), a modality («يعتزم»، «محاولة»، the future «س») or a
   threat it is the content of («توعد بـ») stops a violent or strategic event.
3. Who did it to whom?  See `arguments.py`.
4. Which type?  A class (classes.tsv) is resolved by who acts and by the cues of its
   clause (the weapon, the target).
5. Where and when?  The most specific place of the clause, else of the sentence, else
   of the paragraph or the text before it, at town level; a day-precise date of the
   clause, else the nearest earlier one in the paragraph, else none (the text gives no
   day: the publication date is not the day of the event).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from .actors import REPORTER_KINDS, Actor, ActorBook, marker_before
from .arguments import Arguments, clause_actors, read_arguments
from .document import Dated, EventDocument, Found
from .lexicon import EventLexicon
from .places import Place, PlaceFinder, best_place, penalised

VIOLENT = "violent"
COMMUNICATION = "communication"
CIVILIANS = "Civilians"
PROTESTERS = "Protesters"
VICTIM_TYPES = frozenset(("Attack", "Abduction/forced disappearance", "Sexual violence"))
REMOTE_VIOLENCE = "Explosions/Remote violence"
DEATHS = frozenset(("مقتل", "قتلى", "قتيل"))
SITE_KEYS = frozenset(("موقع",))  # «زار موقع الهجوم»
FORCED_PROTESTS = frozenset(("Excessive force against protesters", "Protest with intervention"))
PROTEST_TYPES = frozenset(("Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration"))
NEGATION_WINDOW = 3
TANWEEN_FATH = "\u064b"  # «ً»: written on nouns and adverbs, never on a verb
VISIT_WINDOW = 8  # words after «زار»/«زيارة» where the place visited is named
SEQUENCE_WORDS = frozenset(("قبل", "بعد"))  # «قبل أن يفجروا أنفسهم»: a step of the happening
# the copula negated or negating («لم يكن», «ليس»): it speaks of a definite happening, it does not deny it
NEGATED_COPULAS = frozenset(("يكن", "تكن", "يكون", "تكون", "ليس", "ليست"))
RECENT_DAYS = 31
DATE_WINDOW = 6  # words around a definite trigger where a date of its own would stand
ANNOUNCING = frozenset(("أعلن",))  # verbs whose definite object is news («أعلن الجيش السيطرة على»)
SPOKEN_PLACE_MARKERS = frozenset(("locative", "region", "direction"))
ANNOUNCED_GAP = 0  # words other than names and dates between «أعلن» and what it announces
REFERENCE_WINDOW = 3  # «ردًا على هجمات الجماعة»
TITLE_WINDOW = 5  # words before a speaker where his title stands
APPOSITION_WINDOW = 4  # words after a speaker's name where his title stands («أوبراين، نائب الأمين العام»)
RELATIVE_GAP = 3  # «الهجوم المسلح الذي»
TARGET_WINDOW = 8  # words after an attack where its target is named
CLAIM = "Claim of responsibility"
CLAIMED_EVENT_TYPES = frozenset(("Explosions/Remote violence", "Violence against civilians"))
COMMUNICATION_MEANINGS = frozenset(("Statement", "Threat", "warning", CLAIM, "Propaganda release"))
PLACE_BEFORE = 8  # words around the trigger where its place is looked for first
PLACE_AFTER = 10
MODALITY_WINDOW = 4
JOINED_GAP = 4  # words from one town to the next joined by «و» («في بقيق وهجرة خريص»)
PAST_AUXILIARY = frozenset(("كان", "كانت", "كانوا", "كانا", "كانتا"))
ANAPHOR_NAME_GAP = 2  # «العاصمة النمساوية فيينا»
REGION_RANK = 1.0  # places.py: a region or a country ranks this or higher
TOWN_REACH = 14  # words from the trigger where a town beats a region named nearer
TRANSFER = "Non-violent transfer of territory"
OBJECT_WINDOW = 3  # words after a verb, names not counted, where its object stands
ANTECEDENT_WINDOW = 2  # words before a verb with an object pronoun where what it refers to stands
AGREEMENT = "Agreement"
OBJECT_PREPOSITION = "علي"  # «على» normalised: the preposition of «سيطر على», «احتج على»
DOER_WINDOW = 3  # words before a noun where its light verb stands («شنت المقاتلات ضربات»)
CLAIM_OBJECT_WINDOW = 6  # words after a claim where what it claims is named
PLURAL_ENDINGS = ("ين", "ان", "ات")  # duals and plurals («العمليتين», «الهجمات»)
FORMAL_SPEAKERS = frozenset(("government", "international_org", "coalition", "armed_group", "political_movement", "country", "organisation"))
FUTURE_WINDOW = 2  # words before an event where a future verb («سيوقفون») makes it intended
# A trigger word with everyday senses («تحرير الأسعار», «إحباط التعديات», «قتال الكفار»)
# is a conflict event only with an armed or state side, or one of these in its sentence
CONFLICT_CUES = ("explosive", "suicide", "air", "shelling", "weapon", "armed_actor", "unknown_actor", "conflict")
CASUALTIES = DEATHS | frozenset(("مصرع", "قتل", "قتلوا", "جرحى", "جريح", "مصابين"))
WEAPON_TYPES = frozenset(("Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Grenade", "Chemical weapon"))
SAYING_WINDOW = 2  # words before a verb of saying where a wish or a source marker stands
OUTLET_KINDS = frozenset(("media_outlet", "news_agency", "platform"))  # names whose words are no cue
DAY = "day"


@dataclass
class Mention:
    trigger: Found
    type: str
    event_type: str
    family: str
    first: int  # clause words: the evidence
    last: int
    actor1: str | None = None
    actor1_kind: str | None = None
    actor2: str | None = None
    assoc: str | None = None
    place: Place | None = None
    place_from: str | None = None  # clause | sentence | paragraph | text
    date: str | None = None
    date_from: str | None = None  # clause | paragraph | published
    claimed_by: str | None = None
    strong: bool = True
    explicit: bool = False  # an actor or place of its own clause
    actor_explicit: bool = False  # actor1 read from the trigger's own construction, not the sentence
    weapon_class: bool = False  # an attack/bombing/strike-type trigger (merged by clause)
    anaphoric: bool = False  # refers to an event told before («الهجوم», «ردًا على هجمات»)
    quoted: bool = False  # inside a quotation
    bare: bool = False  # a Statement from a verb of saying with no venue: kept only in texts where something happens
    several: bool = False  # a claim of several attacks («تبنى التنظيم التفجيرين»)
    by_speaker: bool = False  # a threat or claim in quotation marks whose actor is the sentence's speaker
    at_site: bool = False  # «موقع الهجوم»: names the place where an event happened
    in_sequence: bool = False  # «قبل أن يفجروا أنفسهم»: a step of a happening told before
    before_reference: bool = False  # «وجاءت الغارات بعد يومين من الهجوم»: told as coming after another event
    sentence: int = 0

    @property
    def location(self) -> str | None:
        return self.place.name if self.place else None


class MentionReader:
    def __init__(self, doc: EventDocument, lexicon: EventLexicon, book: ActorBook, places: PlaceFinder, published: dt.date | None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.book = book
        self.finder = places
        self.published = published
        self._main: Place | None | bool = None  # the text's main place, once computed
        self._lead: Place | None = None  # the place of the first event with a place of its own
        self._speakers: dict[int, Actor] = {}  # sentence -> who speaks in it (a communication outside quotations)
        self.taken_words = {index for named in doc.named for index in range(named.first, named.last + 1)}
        self.taken_words |= {index for dated in doc.dated for index in range(dated.first, dated.last + 1)}
        # «قناة «المسيرة»»: a channel's or a platform's name says nothing of the weapon
        self.outlet_words = {
            index for named in doc.named if named.entity.kind in OUTLET_KINDS for index in range(named.first, named.last + 1)
        }

    def read(self) -> list[Mention]:
        mentions = []
        for trigger in self.doc.triggers:
            mention = self.mention(trigger)
            if mention is not None:
                mentions.extend(self._per_place(mention) if mention.family != COMMUNICATION else self._per_speaker(mention))
        if not any(m.family != COMMUNICATION and m.strong for m in mentions):
            # «قال الوزير إن ...» in a text where nothing happens: ordinary news, no Statement
            mentions = [m for m in mentions if not m.bare]
        return mentions

    def _formal_speaker(self, speaker: Actor | None) -> bool:
        """Who makes a Statement without a statement or speech being named: a person the
        gazetteer knows or whose office is given, or a government, an international body,
        a coalition, an armed group or a movement (a force or an agency speaking is a
        source for the events it tells)."""
        if speaker is None:
            return False
        if speaker.kind == "person":
            return self.book.entry(speaker.name) is not None or self._titled(speaker)
        return speaker.kind in FORMAL_SPEAKERS

    def _titled(self, speaker: Actor) -> bool:
        """An office or a spokesman's title before the person's name or right after it
        («ستيفن أوبراين نائب الأمين العام»), at this mention or another of the same person
        («وزير الداخلية عبده الحذيفي ... وقال الحذيفي»)."""
        doc = self.doc
        spans = [(speaker.first, speaker.last)] + [
            (named.first, named.last) for named in doc.named
            if named.entity.type == "PER" and (named.entity.canonical or named.entity.text) == speaker.name
        ]
        return any(
            doc.has_cue(role, max(0, first - TITLE_WINDOW), first - 1) or doc.has_cue(role, last + 1, last + APPOSITION_WINDOW)
            for first, last in spans
            for role in ("office", "spokesperson")
        )

    def _per_speaker(self, mention: Mention) -> list[Mention]:
        """«ودعا مجلس السلم والأمن الأفريقي والجامعة العربية إلى وقف إطلاق النار»: two
        speakers joined by «و» before what they say make one Statement each, not a speaker
        and a target."""
        if mention.type not in ("Statement", "Threat") or mention.actor1 is None or mention.actor2 is None:
            return [mention]
        doc = self.doc
        named = [n for n in doc.named_in(mention.first, mention.last) if n.entity.type in ("ORG", "PER")]
        for first, second in zip(named, named[1:]):
            if (first.entity.canonical, second.entity.canonical) != (mention.actor1, mention.actor2):
                continue
            if second.first - first.last <= 2 and (second.prefix.startswith("و") or doc.words[second.first - 1].text == "و"):
                own = dataclasses.replace(mention, actor2=None)
                return [own, dataclasses.replace(own, actor1=mention.actor2, actor1_kind=second.entity.kind)]
        return [mention]

    def _per_place(self, mention: Mention) -> list[Mention]:
        """«غارات على خمسة مواقع، ثلاثة منها في قضاء القائم واثنان في البوكمال»: strikes
        counted out over several towns are one event per town."""
        if mention.event_type not in CLAIMED_EVENT_TYPES and mention.type != "Armed clash":
            return [mention]
        doc = self.doc
        first, last = doc.sentence_words(mention.trigger.first)
        places: list[Place] = []
        if doc.has_cue("count", mention.trigger.last + 1, last):
            places = [
                place for place in self.finder.places(doc, doc.named_in(mention.trigger.last + 1, last), set())
                if place.marker == "locative" and place.rank < 1
            ]
        if len({place.name for place in places}) < 2 and self._several(mention.trigger):
            # «في كنيستين وثلاثة فنادق في كولومبو، وفي كنيسة بمدينة باتيكالوا»: a count of
            # buildings, not of towns
            places = self._joined_towns(doc.clause(mention.trigger.first))
        names = list(dict.fromkeys(place.name for place in places))
        if len(names) < 2:
            return [mention]
        split = []
        for name in names:
            place = next(p for p in places if p.name == name)
            copy = dataclasses.replace(mention, place=place, place_from="clause")
            split.append(copy)
        return split

    def _several(self, trigger: Found) -> bool:
        """A dual or plural attack word («هجومين», «غارات»), or one with a dual or plural
        object pronoun («استهدافهما»)."""
        reading = trigger.reading
        if reading.suffix in ("هما", "هم"):
            return True
        if trigger.phrase.is_verb and reading.key.endswith(("وا", "ون")) and len(reading.key) > 4:
            return True  # «فجّروا أنفسهم في ... وفي ...»: several attackers
        return not trigger.phrase.is_verb and len(reading.key) > 4 and reading.key.endswith(PLURAL_ENDINGS)

    def _joined_towns(self, clause: tuple[int, int]) -> list[Place]:
        """Towns named one after the other with «و» in the clause («في بقيق وهجرة خريص»,
        «بمدينتي طنجة وتيفلت»): the first run of two or more."""
        doc = self.doc
        towns = sorted(
            (p for p in self.finder.places(doc, doc.named_in(*clause), set()) + self.finder.unnamed(doc, clause[0], clause[1], self.taken_words)
             if (p.rank < REGION_RANK or self._after_dual_region(p)) and p.marker not in ("source", "destination", "recipient", "direction")),
            key=lambda p: p.first,
        )
        run: list[Place] = []
        for place in towns:
            if run and 0 < place.first - run[-1].first <= JOINED_GAP and _joined(doc, place.first):
                run.append(place)
            elif len(run) >= 2:
                break
            else:
                run = [place]
        return run if len(run) >= 2 else []

    def _after_dual_region(self, place: Place) -> bool:
        """«في ولايتي خوست وبكتيكا»: a region right after a dual region noun, or joined by
        «و» to one that is."""
        doc = self.doc
        before = place.first - 1
        if before >= 0 and doc.has_cue("dual_region", before, before):
            return True
        return before >= 1 and _joined(doc, place.first) and doc.has_cue("dual_region", before - 1, before - 1)

    # --- one trigger ---------------------------------------------------------------

    def mention(self, trigger: Found) -> Mention | None:
        doc = self.doc
        if trigger.first in self.taken_words or trigger.last in self.taken_words:
            return None  # part of a name or a date («هيئة تحرير الشام», «فجر أمس»)
        if doc.words[trigger.first].named and not doc.words[trigger.first].quoted:
            return None  # «الجبهة الوطنية للتحرير», «المفخخة»: a name or a label in guillemets
        if self._in_sport(trigger):
            return None  # «مواجهات الدور الأول أمام باراجواي», «قال مدرب المنتخب»
        if trigger.phrase.meaning == CLAIM and trigger.phrase.is_verb and trigger.reading.key in trigger.phrase.present:
            return None  # «حملة تتبناها الوزارة», «أفكار يتبناها التنظيم»: to adopt, not to claim an attack
        if trigger.phrase.is_verb and TANWEEN_FATH in doc.words[trigger.first].text:
            return None  # «داهمت الفرق فجرًا 14 عنوانًا»: a noun with its tanween (at dawn), not «فجّرا»
        if trigger.phrase.is_verb and self._homograph_after_preposition(trigger):
            return None  # «في فجر القرن», «قبل فجر الأربعاء»: dawn, no verb follows a preposition
        clause = doc.clause(trigger.first)
        phrase = trigger.phrase
        if phrase.needs == "venue" and self._announces_attack(trigger, clause):
            return self._claim_by_announcement(trigger, clause)
        bare = False  # a verb of saying with no statement, speech or conference named
        if phrase.needs and not self._licenses(trigger, clause) and not self._instrument(trigger) and not _pronoun_claimed(trigger):
            if phrase.needs != "venue" or phrase.form.startswith("كتب"):
                return None  # «لافتات كتب عليها»: writing needs its tweet or post
            bare = True
        arguments = read_arguments(doc, self.book, trigger, clause)
        if bare and (trigger.reading.suffix or not self._formal_speaker(arguments.actor1)):
            return None  # «بحسب حصيلة أعلنتها الهيئة»: a relative clause tells a source
        reported = self._reported_object(trigger, clause)
        if reported is not None or self._claimed_object(trigger, clause):
            arguments.actor1 = None  # «تبنى التنظيم الهجوم»: the claimer is not the attacker
        actor1 = arguments.actor1
        if actor1 is not None and actor1.kind == "person" and self.lexicon.classes.get(phrase.meaning) is not None and phrase.meaning not in COMMUNICATION_MEANINGS:
            arguments.actor1 = self.book.state_of_person(doc, actor1) or actor1
        type_name = self.resolve_type(trigger, clause, arguments)
        kind = self.lexicon.event_type(type_name)
        if (kind.family != COMMUNICATION and type_name not in PROTEST_TYPES or type_name == CLAIM) and self._abstract_object(trigger, clause):
            return None  # «تبنى أفكارًا», «فجّر مفاجأة», «استعادة الشرعية»; a protest against a decision stays
        if type_name == AGREEMENT and self._civil_deal(trigger):
            return None  # «اتفاقية تعاون علمي»: cooperation, not a deal between conflict parties
        if self.stopped(trigger, clause, kind.family):
            return None
        mention = Mention(trigger, type_name, kind.event_type, kind.family, *clause)
        mention.anaphoric = self._anaphoric(trigger, clause, arguments) or (
            doc.has_cue("reference", max(clause[0], trigger.first - REFERENCE_WINDOW), trigger.first - 1)
            and not doc.dates_in(trigger.first, min(trigger.last + DATE_WINDOW, clause[1]))
            and not self._dated_anew(trigger, clause)
        )
        mention.quoted = doc.words[trigger.first].quoted
        mention.sentence = doc.words[trigger.first].sentence
        mention.strong = (
            phrase.strong
            and not doc.words[trigger.first].quoted
            and not (phrase.is_verb and trigger.reading.key in phrase.present and kind.family != COMMUNICATION)
            and not reported
            and not mention.anaphoric
            and not self._claimed_account(trigger, kind.family)
            and not self._announced_plural(trigger, clause)
            and not self._retreat_in_battle(trigger)
            and not self._habitual(trigger, clause)
            and not doc.has_cue("then", *clause)  # «حينذاك»: a past time told in passing
            and not (kind.family == COMMUNICATION and self._background(trigger, clause))
        )
        mention.weapon_class = phrase.meaning in ("attack", "assassination", "bombing", "strike", "storm") or kind.event_type == REMOTE_VIOLENCE
        mention.bare = bare
        mention.in_sequence = self._told_in_sequence(trigger)
        mention.before_reference = doc.has_cue("reference", trigger.last + 1, min(trigger.last + REFERENCE_WINDOW + 1, clause[1]))
        mention.at_site = trigger.first > 0 and not SITE_KEYS.isdisjoint(doc.words[trigger.first - 1].keys)
        mention.several = type_name == CLAIM and self._claims_several(trigger, clause)
        if not self.fill_actors(mention, arguments, clause):
            return None
        self.fill_place(mention, arguments, clause)
        self.fill_date(mention, clause)
        return mention

    def _told_in_sequence(self, trigger: Found) -> bool:
        """«قبل أن يفجروا أنفسهم», «بعد أن يسيطروا»: after «قبل أن»/«بعد أن» the present
        form tells a step of what happened, not a state or a habit."""
        words = self.doc.words
        first = trigger.first
        return first >= 2 and words[first - 1].key == "ان" and bool(words[first - 2].keys & SEQUENCE_WORDS)

    def _homograph_after_preposition(self, trigger: Found) -> bool:
        doc, first = self.doc, trigger.first
        if trigger.last != first or "noun_homograph" not in doc.roles_at(first):
            return False
        return first > 0 and doc.words[first - 1].sentence == doc.words[first].sentence and "preposition" in doc.roles_at(first - 1)

    def _abstract_object(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """The trigger's object is an abstract noun (cues.tsv «abstract»): for a verbal
        noun the word it governs («استعادة الشرعية», «السيطرة على الحريق»), for a verb one
        of the first words after it that are not names (its subject may come first: «تبنى
        مجلس الأمن أمس قرارًا»), or, when the verb carries the object's pronoun, a word just
        before it («مفاجأة فجّرها»)."""
        doc = self.doc
        is_verb = trigger.phrase.is_verb
        # «الألغام مشكلة عالمية»: after a noun with the article an indefinite word is its predicate
        construct = is_verb or not _definite_reading(trigger.reading)
        window = OBJECT_WINDOW if is_verb else 1
        names = {i for named in doc.named_in(trigger.last + 1, clause[1]) for i in range(named.first, named.last + 1)}
        seen, governed = 0, False
        for index in range(trigger.last + 1, clause[1] + 1):
            if index in names:
                continue
            if not governed and doc.words[index].key == OBJECT_PREPOSITION:
                governed = True  # «السيطرة على الحريق», «سيطر الجيش على الأزمة»
                continue
            if "demonstrative" in doc.roles_at(index):
                continue  # «تلك المفاهيم»
            if (construct or governed) and self._abstract_at(trigger, index):
                return True
            seen += 1
            if seen >= window:
                break
        if is_verb and trigger.reading.suffix:
            return any("abstract" in doc.roles_at(i) for i in range(max(clause[0], trigger.first - ANTECEDENT_WINDOW), trigger.first))
        return False

    def _abstract_at(self, trigger: Found, index: int) -> bool:
        """An abstract noun at `index`, not joined by «و» («الاحتجاجات والجدل»). With the
        article it is the object only right after the trigger or «على» («استعادة الشرعية»,
        «السيطرة على الحريق»); elsewhere it describes or completes the word before it
        («القوات الشرعية», «الموالية للشرعية», «قوات الشرعية»)."""
        word = self.doc.words[index]
        if "abstract" not in self.doc.roles_at(index) or _coordinated(word):
            return False
        if not _definite(word) or index == trigger.last + 1:
            return True
        before = index - 1  # «تبنيه تلك المفاهيم», «لدحر تلك الفئة»: a demonstrative stands between
        if "demonstrative" in self.doc.roles_at(before):
            return before == trigger.last + 1 or self.doc.words[before - 1].key == OBJECT_PREPOSITION
        return self.doc.words[before].key == OBJECT_PREPOSITION

    def _civil_deal(self, trigger: Found) -> bool:
        after = trigger.last + 1
        return after < len(self.doc.words) and self.doc.has_cue("civil_deal", after, min(after + 1, len(self.doc.words) - 1))

    def _in_sport(self, trigger: Found) -> bool:
        """A sentence about a game, a player or a team tells of sport: its «هجوم»,
        «مواجهات» and «قال» are no conflict events, unless a bomb or a suicide attack is
        named in it («انفجار عبوة قرب مباراة»)."""
        first, last = self.doc.sentence_words(trigger.first)
        if not self.doc.has_cue("sport", first, last):
            return False
        return not (self.doc.has_cue("explosive", first, last) or self.doc.has_cue("suicide", first, last))

    def _licenses(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """Whether the cue a trigger needs is there: in its clause, or for a light verb
        right before the noun («نفذت ضربات»; «حملة للوقاية من ضربات الشمس» has none)."""
        needs = trigger.phrase.needs
        if needs == "doer":
            return self.doc.has_cue(needs, max(clause[0], trigger.first - DOER_WINDOW), trigger.first - 1)
        return self.doc.has_cue(needs, *clause)

    def _instrument(self, trigger: Found) -> bool:
        """«بصاروخ باليستي»: a weapon with «بـ» was used, no launching verb needed."""
        return trigger.phrase.needs == "launch" and "ب" in trigger.reading.prefix

    def _purpose(self, trigger: Found) -> bool:
        """A verbal noun with «لـ» and no article says what something is for, not what
        happened («تسليح السنة لمواجهة داعش»), unless «تعرض» or «إثر» come before it in
        its clause («تعرض مسجد في كابل لهجوم»)."""
        prefix = trigger.reading.prefix
        if trigger.phrase.is_verb or not prefix.endswith("ل") or prefix.endswith(("ال", "لل")):
            return False  # no preposition «لـ», or the article («الصواريخ», «للهجوم»)
        clause = self.doc.clause(trigger.first)
        return not self.doc.has_cue("purpose_exception", clause[0], trigger.first - 1)

    def _announces_attack(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«أعلن المتحدث باسم الحوثيين أن قوات الجماعة سيطرت على سفينة»: an armed group
        (or its spokesman) telling of an attack of its own claims it."""
        doc = self.doc
        speaker = read_arguments(doc, self.book, trigger, clause).actor1
        if speaker is None or not (speaker.is_armed or self.book.member_of(speaker)):
            return False
        _, last = doc.sentence_words(trigger.first)
        complements = doc.cue_words("complement", trigger.last + 1, last)
        if not complements:
            return False
        for other in doc.triggers:
            if complements[0] < other.first <= last and self.lexicon.classes.get(other.phrase.meaning) is not None or (
                complements[0] < other.first <= last and other.phrase.meaning in self.lexicon.types
            ):
                other_clause = doc.clause(other.first)
                kind = self.lexicon.event_type(self.resolve_type(other, other_clause, read_arguments(doc, self.book, other, other_clause)))
                if kind.event_type in CLAIMED_EVENT_TYPES:
                    return True
        return False

    def _claim_by_announcement(self, trigger: Found, clause: tuple[int, int]) -> Mention | None:
        arguments = read_arguments(self.doc, self.book, trigger, clause)
        speaker = arguments.actor1
        group = self.book.member_of(speaker) if speaker.kind == "person" else None
        kind = self.lexicon.event_type(CLAIM)
        mention = Mention(trigger, CLAIM, kind.event_type, kind.family, *clause)
        mention.actor1 = group or speaker.name
        mention.actor1_kind = "armed_group" if group else speaker.kind
        mention.actor_explicit = mention.explicit = True
        mention.sentence = self.doc.words[trigger.first].sentence
        mention.several = self._claims_several(trigger, clause)
        self.fill_date(mention, clause)
        return mention

    def _definite(self, trigger: Found) -> bool:
        return not trigger.phrase.is_verb and trigger.reading.prefix.endswith(("ال", "لل"))

    def _anaphoric(self, trigger: Found, clause: tuple[int, int], arguments: Arguments) -> bool:
        """«المعارك», «الهجوم» with no actor and no date of their own refer back to an
        event already told (or to fighting in general): evidence, not a new event."""
        if not self._definite(trigger):
            return False
        if self._described_anew(trigger, clause) or self._announced_in(trigger, clause):
            return False
        near = (max(clause[0], trigger.first - DATE_WINDOW), min(clause[1], trigger.last + DATE_WINDOW))
        return not arguments.explicit and not self.doc.dates_in(*near)

    def _described_anew(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«مسؤوليته عن التفجير الانتحاري الذي ضرب حي الكرادة وسط بغداد فجر أمس»: a
        definite happening whose relative clause gives its place and its day is told here,
        not referred back to."""
        doc = self.doc
        _, last = doc.sentence_words(trigger.first)
        relative = doc.cue_words("relative", trigger.last + 1, min(trigger.last + RELATIVE_GAP, last))
        if not relative:
            return False
        after = (relative[0] + 1, last)
        return bool(doc.dates_in(*after)) and bool(self.finder.places(doc, doc.named_in(*after), set()))

    def _dated_anew(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«ويأتي الهجوم بعد ثلاثة أسابيع من تفجيرين قرب ملعب ... في إسطنبول في 10 ديسمبر
        الماضي»: an earlier happening told with a day and a town of its own in its clause is
        told anew (a past event in passing), not referred back to."""
        doc = self.doc
        after = (trigger.last + 1, clause[1])
        days = [dated for dated in doc.dates_in(*after) if _is_day(dated)]
        return bool(days) and any(place.rank < 1 for place in self.finder.places(doc, doc.named_in(*after), set()))

    def _reported_object(self, trigger: Found, clause: tuple[int, int]) -> Found | None:
        """The communication trigger whose definite object this trigger is («تبنى التنظيم
        الهجمات», «دان الغارات»): the happening was told before.  A relative clause after
        it («الهجوم المسلح الذي شهده وسط فيينا») describes it anew: then it is not."""
        if not self._definite(trigger):
            return None
        doc = self.doc
        if doc.has_cue("relative", trigger.last + 1, min(trigger.last + RELATIVE_GAP, clause[1])):
            return None
        complements = doc.cue_words("complement", clause[0], trigger.first - 1)
        start = complements[-1] if complements else clause[0]
        for other in doc.triggers:
            if other.phrase.meaning in COMMUNICATION_MEANINGS and start <= other.first < trigger.first:
                return None if self._announced(other, trigger) else other
        return None

    def _announced_in(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """The definite trigger is what an «أعلن» right before it announces."""
        verbs = [t for t in self.doc.triggers if t.phrase.meaning in COMMUNICATION_MEANINGS and clause[0] <= t.first < trigger.first]
        return bool(verbs) and self._announced(verbs[-1], trigger)

    def _announced(self, verb: Found, trigger: Found) -> bool:
        """«أعلنت وزارة الداخلية القبض على خلية», «أعلن الجيش السيطرة على المدينة»: a
        definite noun right after «أعلن» and its subject is the news announced, not a
        happening told before (unlike the object of «تبنى» or «دان»)."""
        if verb.phrase.form.split("|")[0] not in ANNOUNCING:
            return False
        doc = self.doc
        named = {i for n in doc.named_in(verb.last + 1, trigger.first - 1) for i in range(n.first, n.last + 1)}
        between = [i for i in range(verb.last + 1, trigger.first) if i not in named and i not in doc.date_words]
        return len(between) <= ANNOUNCED_GAP

    def _claimed_object(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """A definite attack right after a claim, described anew by a relative clause
        («تبنى التنظيم الهجوم المسلح الذي شهده وسط فيينا»): its actor is not the claimer."""
        if not self._definite(trigger) or trigger.phrase.meaning in COMMUNICATION_MEANINGS:
            return False
        return any(
            other.phrase.meaning == CLAIM and clause[0] <= other.first < trigger.first for other in self.doc.triggers
        )

    def _announced_plural(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«في هجومين منفصلين ضربا عدن، أحدهما ... والآخر ...», «ثلاثة تفجيرات، استهدف
        اثنان منها ... والثالث ...»: the events are the ones enumerated after, not the
        dual or counted plural that announces them."""
        doc = self.doc
        first, last = doc.sentence_words(trigger.first)
        if doc.has_cue("enumeration", first, trigger.first) or not doc.has_cue("enumeration", clause[1] + 1, last):
            return False
        dual = trigger.reading.key.endswith(("ين", "ان")) and not trigger.phrase.is_verb
        return dual or doc.has_cue("count", max(first, trigger.first - 1), trigger.first - 1)

    def _claims_several(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """The claimed object is a dual or a plural («العمليتين», «الهجومين», «المنشأتين»,
        «الهجمات»): the claim covers every attack told before it."""
        doc = self.doc
        _, last = doc.sentence_words(trigger.first)
        # the claim's object, or the object of the claimer's own account («أن الجماعة استهدفت المنشأتين»)
        starts = [trigger.last] + [t.last for t in doc.triggers if trigger.last < t.first <= last and t.phrase.is_verb and t.phrase.meaning not in COMMUNICATION_MEANINGS]
        for start in starts:
            seen = 0
            for index in range(start + 1, last + 1):
                if index in self.taken_words:
                    continue  # «باسم الحوثيين»: a name, not what is claimed
                seen += 1
                if seen > CLAIM_OBJECT_WINDOW:
                    break
                for reading in doc.words[index].readings:
                    if reading.prefix.endswith(("ال", "لل")) and not reading.suffix and len(reading.key) > 4 and reading.key.endswith(PLURAL_ENDINGS):
                        return True
        return False

    def _background(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«وكان التنظيم قد تبنى تفجيرًا ...»: the pluperfect tells what happened before the
        news; without a day of its own it only adds to an event already told."""
        doc = self.doc
        words = doc.words
        was = [i for i in range(clause[0], trigger.first) if words[i].keys & PAST_AUXILIARY]
        if not was or not any(words[i].key == "قد" for i in range(was[0] + 1, trigger.first)):
            return False
        return not self._own_dates(trigger, clause)

    def _own_dates(self, trigger: Found, clause: tuple[int, int]) -> list[Dated]:
        """The day dates of a trigger's clause, not those of another event told after it
        in the clause («تبنى تفجيرًا وقع يوم الأحد»: the Sunday is the bombing's)."""
        doc = self.doc
        after = [t.first for t in doc.triggers if trigger.last < t.first <= clause[1] and t.phrase.meaning not in COMMUNICATION_MEANINGS]
        end = after[0] - 1 if after and trigger.phrase.meaning in COMMUNICATION_MEANINGS else clause[1]
        return [dated for dated in doc.dates_in(clause[0], end) if _is_day(dated)]

    def _habitual(self, trigger: Found, clause: tuple[int, int]) -> bool:
        """«تتهم قسد التنظيم بتصعيد هجماته منذ مطلع العام»: a trend told by a plural or a
        present tense, not one happening, unless the clause gives a day («أول هجوم من
        نوعه منذ سنوات» is one)."""
        doc = self.doc
        key = trigger.reading.key
        repeated = key in trigger.phrase.present if trigger.phrase.is_verb else key.endswith(("ات", "ين"))
        return repeated and doc.has_cue("habitual", *clause) and not any(_is_day(dated) for dated in doc.dates_in(*clause))

    def _retreat_in_battle(self, trigger: Found) -> bool:
        """A withdrawal told in the same sentence as fighting («انتهى بسيطرتها على البلدة
        وانسحاب مقاتلي الحركة») is the end of the battle, not a peaceful hand-over."""
        if trigger.phrase.roles != "leaver":
            return False
        first, last = self.doc.sentence_words(trigger.first)
        for other in self.doc.triggers:
            if first <= other.first <= last and other is not trigger and other.phrase.strong:
                event_type = self.lexicon.types.get(other.phrase.meaning)
                if other.phrase.meaning in self.lexicon.classes and other.phrase.meaning not in ("detention", "protest", "warning", "entry"):
                    return True
                if event_type is not None and event_type.family == VIOLENT:
                    return True
        return False

    def _claimed_account(self, trigger: Found, family: str) -> bool:
        """«أعلن ... مسؤوليته ... قائلًا إن قواتهم استهدفت»: the claimer's account of the
        attack, with no date of its own, adds to the attack rather than making another."""
        if family == COMMUNICATION:
            return False
        doc = self.doc
        first, _ = doc.sentence_words(trigger.first)
        claimed = any(other.phrase.meaning == CLAIM and first <= other.first < trigger.first for other in doc.triggers)
        if not claimed and not self._claimers_account(trigger, first):
            return False
        clause = doc.clause(trigger.first)
        if doc.has_cue("relative", trigger.last + 1, min(trigger.last + RELATIVE_GAP, clause[1])):
            return False  # «مسؤوليتها عن تفجير الشاحنة التي قادها انتحاري ... صباح السبت»: told anew
        return not doc.dates_in(trigger.first, min(trigger.last + DATE_WINDOW, clause[1]))

    def _claimers_account(self, trigger: Found, first: int) -> bool:
        """«تبنت الحركة التفجيرين. وقالت الحركة في بيان إن مقاتليها استهدفوا الوزارة»: an
        armed group that claimed an attack earlier in the text telling of it again."""
        doc = self.doc
        if not any(other.phrase.meaning == CLAIM and other.first < first for other in doc.triggers):
            return False
        if not doc.cue_words("complement", first, trigger.first - 1):
            return False
        for other in doc.triggers:
            if first <= other.first < trigger.first and other.phrase.is_verb and other.phrase.meaning in COMMUNICATION_MEANINGS:
                speaker = read_arguments(doc, self.book, other, doc.clause(other.first)).actor1
                if speaker is not None and (speaker.is_armed or self.book.member_of(speaker)):
                    return True
        return False

    def resolve_type(self, trigger: Found, clause: tuple[int, int], arguments: Arguments) -> str:
        meaning = trigger.phrase.meaning
        trigger_class = self.lexicon.classes.get(meaning)
        if trigger_class is None:
            return meaning
        if meaning == "entry" and self._handed_over(trigger):
            return TRANSFER  # «دخلت وحدات من الجيش منبج ... بعد أن سلّمتها قسد مواقعها»
        if meaning == "protest":
            answer = self._protest_answer(trigger, clause)
            if answer is not None:
                return answer
        actor1 = arguments.actor1
        target = self._target_kind(trigger, clause, arguments)
        for role, type_name in trigger_class.cues:
            if role in ("civilian", "armed_target"):
                if target == role:
                    return type_name
            elif role == "armed_actor":
                if actor1 is not None and (actor1.is_armed or actor1.is_state):
                    return type_name
            elif any(index not in self.outlet_words for index in self.doc.cue_words(role, *clause)):
                return type_name
        if actor1 is not None and actor1.is_state and trigger_class.when_state:
            return trigger_class.when_state
        if actor1 is not None and (actor1.is_armed or self.book.member_of(actor1)) and trigger_class.when_armed:
            return trigger_class.when_armed
        return trigger_class.type

    def _protest_answer(self, trigger: Found, clause: tuple[int, int]) -> str | None:
        """How a protest was met, told in its clause or in the next sentence about the
        protesters («وأطلقت القوات الأمنية الغاز المسيل للدموع على المحتجين»): force or
        an intervention; None when nothing is told."""
        doc = self.doc
        spans = [clause]
        _, last = doc.sentence_words(trigger.first)
        if last + 1 < len(doc.words):
            following = doc.sentence_words(last + 1)
            if doc.paragraph(following[0]) - doc.paragraph(trigger.first) <= 1 and doc.has_cue("protesters", *following):
                spans.append(following)
        for number, span in enumerate(spans):
            # deaths told with the police's answer (not «احتجاجًا على مقتل» in the protest's clause)
            deaths = number > 0 and any(not DEATHS.isdisjoint(doc.words[i].keys) for i in range(span[0], span[1] + 1))
            if doc.has_cue("force", *span) or deaths and doc.has_cue("intervention", *span):
                return "Excessive force against protesters"
            if doc.has_cue("intervention", *span):
                return "Protest with intervention"
        return None

    def _protest_force(self, trigger: Found, clause: tuple[int, int]) -> Actor | None:
        """The state force that met a protest: named in its clause or the next sentence."""
        doc = self.doc
        _, last = doc.sentence_words(trigger.first)
        spans = [clause] + ([doc.sentence_words(last + 1)] if last + 1 < len(doc.words) else [])
        for span in spans:
            for actor in clause_actors(doc, self.book, *span):
                if actor.is_state and actor.kind != "country":
                    return actor
        return None

    def _handed_over(self, trigger: Found) -> bool:
        """A hand-over or withdrawal (a leaver trigger) told in the same sentence."""
        first, last = self.doc.sentence_words(trigger.first)
        return any(first <= other.first <= last and other.phrase.roles == "leaver" for other in self.doc.triggers)

    def _target_kind(self, trigger: Found, clause: tuple[int, int], arguments: Arguments) -> str | None:
        """What the attack hit: "civilian" or "armed_target" (soldiers, police, a base).
        The first target word after the trigger decides; a verb with an object pronoun
        («اقتحمه») looks back in its sentence for what the pronoun stands for; else an
        armed actor2 makes it armed."""
        doc = self.doc
        seen = 0
        for index in range(trigger.last + 1, clause[1] + 1):
            if index in doc.date_words:
                continue  # «استهدف فجر أمس الأحد قاعدة عسكرية»: a date takes no room
            seen += 1
            if seen > TARGET_WINDOW:
                break
            roles = doc.roles_at(index)
            if "civilian" in roles:
                return "civilian"
            if "armed_target" in roles:
                return "armed_target"
        if trigger.phrase.is_verb and trigger.reading.suffix:
            first, _ = doc.sentence_words(trigger.first)
            for index in range(trigger.first - 1, first - 1, -1):
                roles = doc.roles_at(index)
                if "civilian" in roles:
                    return "civilian"
                if "armed_target" in roles:
                    return "armed_target"
        actor2 = arguments.actor2
        if actor2 is not None and (actor2.is_armed or actor2.is_state):
            return "armed_target"
        return None

    def stopped(self, trigger: Found, clause: tuple[int, int], family: str) -> bool:
        """Negated, denied, hypothetical, or the content of a threat."""
        doc = self.doc
        first = trigger.first
        negations = [i for i in range(max(clause[0], first - NEGATION_WINDOW), first) if "negation" in doc.roles_at(i)]
        if negations and not self._presupposed(trigger, negations[-1], clause):
            return True
        if family == COMMUNICATION:
            # «الطائرة التي وصفها بـ"المفخخة"»: a description inside a relative clause;
            # «أراد التنظيم أن يؤكد»: a wish; «على حد وصفه»، «بحسب ما قال»: a source
            before = (max(clause[0], first - SAYING_WINDOW), first - 1)
            if any(doc.has_cue(role, *before) for role in ("relative", "modality", "according")):
                return not self._claim_of_antecedent(trigger)
            # «أراد تنظيم داعش أن يؤكد», «طالب الحزب أن يعلن»: the saying is wished, not done
            return first > clause[0] and doc.words[first - 1].key == "ان" and bool(doc.verb_cue_words("modality", clause[0], first - 2))
        if doc.has_cue("denial", clause[0], first - 1):
            return True
        if any("modality" in doc.roles_at(i) for i in range(max(clause[0], first - MODALITY_WINDOW), first)):
            return True
        if doc.verb_cue_words("modality", clause[0], first - 1):
            return True  # «تعتزم قسد تسليم...», «وعد فيها ... بالفوز في معارك»: the whole complement
        if trigger.phrase.is_verb and trigger.reading.prefix.endswith("س"):
            return True  # «ستسيطر»: future
        if self._purpose(trigger):
            return True  # «لمواجهة داعش», «لتفجير مطار»: what the action is for
        if trigger.phrase.meaning == "control" and self._held(first, clause):
            return True  # «تحت سيطرة التنظيم», «مناطق سيطرتها»: who holds a place, not a take-over
        if trigger.reading.key in trigger.phrase.present and doc.has_cue("relative", max(clause[0], first - 2), first - 1):
            return True  # «المناطق التي تسيطر عليها»: a state of affairs
        return any(
            other.phrase.meaning in ("Threat", "warning") and clause[0] <= other.first < first for other in doc.triggers
        )

    def _claim_of_antecedent(self, trigger: Found) -> bool:
        """«الهجوم الانتحاري الذي تبناه داعش»: a claim told in the relative clause of the
        attack it claims is a claim, not a description."""
        doc = self.doc
        if trigger.phrase.meaning != CLAIM or not trigger.phrase.is_verb or trigger.reading.key in trigger.phrase.present:
            return False
        relative = trigger.first - 1
        if relative < 1 or not doc.has_cue("relative", relative, relative):
            return False
        return any(t.last < relative and relative - t.last <= RELATIVE_GAP and self._violent(t) for t in doc.triggers)

    def _violent(self, trigger: Found) -> bool:
        meaning = trigger.phrase.meaning
        if meaning in self.lexicon.classes:
            return meaning not in COMMUNICATION_MEANINGS
        return meaning in self.lexicon.types and self.lexicon.event_type(meaning).family == VIOLENT

    def _presupposed(self, trigger: Found, negation: int, clause: tuple[int, int]) -> bool:
        """A definite happening that a negated verb only speaks about: «لم يكن الهجوم
        الانتحاري حدثًا معزولًا», «ليس الهجوم الأول من نوعه», «لم ينس السكان الهجوم الذي
        شنته الحركة». The negation is the copula's or another verb's; the happening is taken
        as known (by a copula, or by a relative clause that tells it in the past)."""
        if not self._definite(trigger) or trigger.phrase.meaning in COMMUNICATION_MEANINGS:
            return False
        doc = self.doc
        if negation == trigger.first - 1:
            return bool(doc.words[negation].keys & NEGATED_COPULAS)  # «ليس الهجوم الأول»
        between = range(negation + 1, trigger.first)
        if any(doc.words[i].keys & NEGATED_COPULAS for i in between):
            return True
        if any(t.first in between and (t.phrase.is_verb or t.phrase.meaning in ("doer",)) for t in doc.triggers):
            return False  # «لم تنفذ الغارة»: the negated verb is the happening's own
        if doc.has_cue("doer", negation + 1, trigger.first - 1):
            return False  # «لم تشن الطائرات الغارة»
        relative = doc.cue_words("relative", trigger.last + 1, min(trigger.last + RELATIVE_GAP, clause[1] + RELATIVE_GAP))
        if not relative or relative[0] + 1 >= len(doc.words):
            return False
        told = relative[0] + 1
        return not (doc.words[told].text.startswith("ي") or any(
            t.first == told and t.phrase.is_verb and t.reading.key in t.phrase.present for t in doc.triggers
        ))

    def _held(self, first: int, clause: tuple[int, int]) -> bool:
        """A held cue right before a control noun, or before «عن» right before it
        («خارجة عن سيطرة الدولة»)."""
        doc = self.doc
        if first - 1 < clause[0]:
            return False
        if doc.has_cue("held", first - 1, first - 1):
            return True
        return first - 2 >= clause[0] and doc.words[first - 1].key == "عن" and doc.has_cue("held", first - 2, first - 2)

    # --- arguments ------------------------------------------------------------------

    def fill_actors(self, mention: Mention, arguments: Arguments, clause: tuple[int, int]) -> bool:
        actor1, actor2 = arguments.actor1, arguments.actor2
        if mention.family == COMMUNICATION:
            if actor1 is None and mention.quoted and not mention.trigger.reading.suffix:
                # «قال الرئيس إن «مصر تحتفظ بحق الرد»»: the speaker's words («الإرهاب يهددها» tells of a threat to her)
                actor1 = self._speakers.get(mention.sentence)
                mention.by_speaker = actor1 is not None
            if actor1 is None:
                return False
            if mention.type == "Propaganda release":
                actor1 = self.book.publisher(actor1)
                if not (actor1.is_armed or self.book.member_of(actor1)):
                    return False
            elif actor1.kind in REPORTER_KINDS:
                return False
            elif mention.type == "Statement" and not self._formal_speaker(actor1):
                return False  # «قال أحد السكان», «قال المحلل»: an ordinary voice, no formal position
            if not mention.quoted:
                self._speakers[mention.sentence] = actor1
            if mention.type == "Statement" and mention.trigger.phrase.needs == "venue" and self._recounts_event(mention, actor1):
                return False  # a spokesman's account of an event is its source, not a Statement
        elif actor1 is not None and actor1.kind in REPORTER_KINDS:
            actor1 = None
        if mention.trigger.phrase.meaning == "entry" and not (actor1 is not None and (actor1.is_armed or actor1.is_state)):
            return False  # «دخل حيز التنفيذ»: entering is taking ground only for an armed force
        if mention.type == "Agreement" and actor1 is None and actor2 is None:
            return False  # «وقّعت الغرفة التجارية اتفاقية تعاون»: no party to a conflict
        if mention.type == "Non-violent transfer of territory" and not any(
            actor is not None and (actor.is_armed or actor.is_state) for actor in (actor1, actor2)
        ):
            return False  # «سلّمت الشركة طائرات»: a hand-over of territory is between armed sides
        if mention.type == "Non-state actor overtakes territory" and actor1 is not None and not any(
            actor is not None and (actor.is_armed or actor.is_state) for actor in (actor1, actor2)
        ):
            return False  # «استولى الرئيس على السلطة», «دعوى أمام المحكمة ... خلال سيطرتهم»: taking ground is an armed side's
        if self._needs_conflict(mention) and not self._conflict_context(mention, (actor1, actor2)):
            return False  # «تحرير أسعار الوقود», «إحباط التعديات على الأراضي»: no conflict
        mention.actor1 = actor1.name if actor1 else None
        mention.actor1_kind = actor1.kind if actor1 else None
        mention.actor2 = actor2.name if actor2 else None
        mention.assoc = arguments.assoc.name if arguments.assoc else None
        mention.claimed_by = arguments.claimed_by
        mention.explicit = arguments.explicit
        mention.actor_explicit = arguments.explicit
        if mention.type in FORCED_PROTESTS:
            # ACLED: the force that met the protest acts on the protesters
            force = self._protest_force(mention.trigger, clause)
            if force is not None:
                mention.actor1, mention.actor1_kind, mention.actor2 = force.name, force.kind, PROTESTERS
        if mention.type in PROTEST_TYPES and mention.actor1 is None:
            mention.actor1 = PROTESTERS
        if mention.actor2 is None and self._hits_civilians(mention, clause):
            mention.actor2 = CIVILIANS
        if mention.actor2 == mention.actor1:
            mention.actor2 = None
        return True

    def _needs_conflict(self, mention: Mention) -> bool:
        """A trigger word with everyday senses (cues.tsv «figurative») read as a violent
        or strategic event."""
        if mention.family == COMMUNICATION or mention.type in PROTEST_TYPES:
            return False
        return self.doc.has_cue("figurative", mention.trigger.first, mention.trigger.first)

    def _conflict_context(self, mention: Mention, actors: tuple[Actor | None, Actor | None]) -> bool:
        """An armed or state side, or in the sentence a weapon, an armed target, gunmen
        or the dead and wounded."""
        if any(actor is not None and actor.kind != "country" and (actor.is_armed or actor.is_state or self.book.member_of(actor)) for actor in actors):
            return True  # a country named as a side is often only where or to whom («منع لاعبيه من دخول إندونيسيا»)
        # armed_target cues («موقع», «مقر», «ضابط») have everyday senses too: only the conflict words count
        doc = self.doc
        first, last = doc.sentence_words(mention.trigger.first)
        if any(doc.has_cue(role, first, last) for role in CONFLICT_CUES):
            return True
        if any(first <= other.first <= last and self._armed_trigger(other) for other in doc.triggers):
            return True  # «سيارتين مفخختين انفجرتا»، «عبوة ناسفة»، «غارة»، «تبني الهجوم»
        return any(not CASUALTIES.isdisjoint(doc.words[index].keys) for index in range(first, last + 1))

    def _armed_trigger(self, trigger: Found) -> bool:
        """A violent phrase of several words («سيارة مفخخة», «إطلاق نار»), a weapon's
        own type («غارة», «قصف مدفعي») or a claim of responsibility: armed violence by itself."""
        meaning = trigger.phrase.meaning
        trigger_class = self.lexicon.classes.get(meaning)
        type_name = trigger_class.type if trigger_class is not None else meaning
        if type_name == CLAIM:
            return True
        if self.lexicon.event_type(type_name).family != VIOLENT:
            return False
        return trigger.phrase.size >= 2 or type_name in WEAPON_TYPES

    def _hits_civilians(self, mention: Mention, clause: tuple[int, int]) -> bool:
        if mention.type in VICTIM_TYPES or mention.type == "Arrests":
            return True
        if mention.event_type == REMOTE_VIOLENCE:
            return self.doc.has_cue("civilian", mention.trigger.first, clause[1])
        return False

    def _recounts_event(self, mention: Mention, speaker: Actor) -> bool:
        """A spokesman or an organisation telling what happened («قال المتحدث باسم قسد إن
        آخر مقاتلينا غادروا») is the event's source; a leader's words are a Statement."""
        titled = self.doc.has_cue("spokesperson", max(0, speaker.first - TITLE_WINDOW), speaker.first - 1)
        first, last = self.doc.sentence_words(mention.trigger.first)
        if speaker.kind == "person" and speaker.marker != "spokesman" and not titled and not self.book.is_spokesman(speaker):
            # a leader's words are a Statement, unless, with no speech named, they only tell
            # what was done («أعلن وزير الداخلية أن الشرطة اعتقلت أمس 14 شخصًا»)
            return mention.bare and any(
                mention.trigger.last < other.first <= last and other.phrase.is_verb and other.phrase.meaning not in COMMUNICATION_MEANINGS
                for other in self.doc.triggers
            )
        return any(
            mention.trigger.last < other.first <= last and other.phrase.meaning not in COMMUNICATION_MEANINGS and not self._intended(other)
            for other in self.doc.triggers
        )

    def _intended(self, trigger: Found) -> bool:
        """«أن مقاتليها سيوقفون الهجمات», «ستسيطر»: what the speaker says will be done
        is an announcement, not an account of what happened."""
        doc = self.doc
        clause_first, _ = doc.clause(trigger.first)
        triggered = {index for other in doc.triggers for index in range(other.first, other.last + 1)}
        return any(
            reading.prefix.endswith("س") and reading.key[:1] in "يتن" and len(reading.key) > 3
            for index in range(max(clause_first, trigger.first - FUTURE_WINDOW), trigger.first)
            if index not in triggered and index not in self.taken_words
            for reading in doc.words[index].readings
        )

    def fill_place(self, mention: Mention, arguments: Arguments, clause: tuple[int, int]) -> None:
        doc = self.doc
        actor_words = set(arguments.actor_words)
        trigger = mention.trigger
        spoken = mention.family == COMMUNICATION  # a message: its places are told as places, or where it was said
        if spoken:
            actor_words |= self._speaker_words(trigger, arguments.actor1)
        else:
            reporter = self._reporter_words(trigger, clause)
            if reporter:
                # «أعلنت وزارة الدفاع في كابل أن قواتها استهدفت مواقع في كرم»; not past another
                # saying («... وأعلنت استدعاء سفيرها في طهران»)
                said = [t.first for t in doc.triggers if trigger.last < t.first <= clause[1] and t.phrase.meaning in COMMUNICATION_MEANINGS]
                told_end = said[0] - 1 if said else clause[1]
                if any(place.rank < REGION_RANK for place in self._places((max(reporter) + 1, told_end), actor_words)):
                    actor_words |= reporter | set(range(told_end + 1, clause[1] + 1))
        leaver = trigger.phrase.roles == "leaver"
        if spoken:
            visited = self._visited(trigger, arguments.actor1, actor_words)
            if visited is not None:
                # «وزار الحاكم البلدة أمس، ووصف التفجيرات في كلمة أمام الأهالي»: where he spoke
                mention.place = self.finder.at_town_level(visited, doc.named_in(*doc.sentence_words(visited.first)))
                mention.place_from, mention.explicit = "sentence", True
                return
        near = (max(clause[0], trigger.first - PLACE_BEFORE), min(clause[1], trigger.last + PLACE_AFTER))
        # a destination is where something went (a leaver, a journey), not for a strike, a
        # hand-over or a message («سيزحفون إلى بغداد» names Baghdad)
        moving = mention.event_type != REMOTE_VIOLENCE and mention.type != TRANSFER and mention.family != COMMUNICATION
        near_places = [p for p in self._places(near, actor_words, spoken) if not penalised(p, leaver, moving)]
        found = best_place(near_places, trigger.first, leaver, moving)
        if found is None or found.rank >= REGION_RANK:
            # «وفي ريف الحسكة، انفجرت عبوة ... قرب بلدة الشدادي»: the town further on beats the region
            in_clause = [p for p in self._places(clause, actor_words, spoken) if not penalised(p, leaver, moving)]
            # («في محافظة درعا، اغتال مسلحون ... عنصرًا أمام منزله في بلدة طفس»: a town of the
            # region named first is the place, however far on)
            town = best_place(
                [p for p in in_clause if p.rank < REGION_RANK and (abs(p.first - trigger.first) <= TOWN_REACH or _inside(p, found))],
                trigger.first, leaver, moving,
            )
            found = town or found or best_place(self._places(clause, actor_words, spoken), trigger.first, leaver, moving)
        source = "clause"
        if found is not None and penalised(found, leaver, moving):
            # «واقتيادها إلى سواحل الحديدة»: a destination is the place only if nothing else is
            sentence = doc.sentence_words(trigger.first)
            if mention.family == COMMUNICATION:
                sentence = (trigger.first, self._chain_end(trigger.first))  # not past «بينما نفت طهران»
            wider = [place for place in self._places(sentence, actor_words, spoken) if not penalised(place, leaver, moving)]
            found = best_place(wider, trigger.first, leaver, moving) or found
            if mention.family == COMMUNICATION and self._told_origin(found, trigger, leaver, moving):
                found = None  # «قال إنه لا دليل على أن الهجوم انطلق من اليمن»: an origin told is not where he spoke
        previous = doc.previous_clause(trigger.first) if mention.family != COMMUNICATION else None
        if found is None and previous is not None:
            found = best_place(self._places(previous, actor_words, spoken), trigger.first, leaver, moving)
        if found is None:
            sentence = doc.sentence_words(trigger.first)
            if mention.family == COMMUNICATION:
                sentence = (trigger.first, self._chain_end(trigger.first))  # the message's own places, after the speaker
            places = self._places(sentence, actor_words, spoken)
            if mention.family == COMMUNICATION:
                places = [place for place in places if not self._told_origin(place, trigger, leaver, moving)]
            found = best_place(places, trigger.first, leaver, moving)
            source = "sentence"
        if found is not None and penalised(found, leaver, moving) and mention.family != COMMUNICATION:
            # «قال سكان فرّوا إلى بلدة ... إن المهاجمين نهبوا»: not where they fled to
            found, source = self._place_before(trigger.first) or found, "text"
        if found is None and mention.family != COMMUNICATION:
            found, source = self._place_before(mention.trigger.first), "text"
        if found is not None:
            found = self.finder.at_town_level(found, doc.named_in(*doc.sentence_words(found.first)))
        mention.place = found
        mention.place_from = source if found else None
        if self._lead is None and found is not None and source == "clause" and mention.family != COMMUNICATION and mention.strong:
            self._lead = found
        if found is not None and source in ("clause", "sentence"):
            mention.explicit = True

    def _visited(self, trigger: Found, speaker: Actor | None, actor_words: set[int]) -> Place | None:
        """The place the speaker visited, told before his words in their sentence («وزار
        الحاكم البلدة أمس، ووصف», «قال خلال زيارته المدينة»), named right after the visit
        word; not a visit he asks for or someone else's («دعا إلى زيارة عدن»)."""
        doc = self.doc
        first, _ = doc.sentence_words(trigger.first)
        for visit in doc.cue_words("visit", first, trigger.first - 1):
            own = any(reading.suffix in ("ه", "ها") for reading in doc.words[visit].readings) and not doc.words[visit].key.startswith("ال")
            made = speaker is not None and visit < speaker.first <= visit + VISIT_WINDOW and doc.words[visit].text[:1] in "وز"
            if not (own or made):
                continue
            places = self._places((visit + 1, min(visit + VISIT_WINDOW, trigger.first - 1)), actor_words)
            if places:
                return min(places, key=lambda place: place.first)
        return None

    def _reporter_words(self, trigger: Found, clause: tuple[int, int]) -> set[int]:
        """The words of the report around an event told in its complement, from the verb of
        saying to «أن»: where the speaker is or sits is not where the event happened."""
        doc = self.doc
        complements = doc.cue_words("complement", clause[0], trigger.first - 1)
        if not complements:
            return set()
        said = [t for t in doc.triggers if clause[0] <= t.first < complements[-1] and t.phrase.meaning in COMMUNICATION_MEANINGS]
        return set(range(said[-1].first, complements[-1])) if said else set()

    def _told_origin(self, place: Place, trigger: Found, leaver: bool, moving: bool) -> bool:
        """An origin named in what a speaker says, after «إن/أن» («قال إنه لا دليل على أن
        الهجوم انطلق من اليمن»), not in the account of where he spoke («خلال زيارة إلى
        الشطر الشمالي من قبرص»)."""
        return penalised(place, leaver, moving) and bool(self.doc.cue_words("complement", trigger.last + 1, place.first - 1))

    def _chain_end(self, index: int) -> int:
        """The last word of what a speaker says: his clause and the quotations and clauses
        that go on from it, up to a clause boundary («بينما نفت طهران»)."""
        doc = self.doc
        _, last = doc.clause(index)
        _, sentence_last = doc.sentence_words(index)
        while last < sentence_last and last + 1 not in doc.hard_starts:
            _, last = doc.clause(last + 1)
        return last

    def _speaker_words(self, trigger: Found, speaker: Actor | None) -> set[int]:
        """The words of a speaker and of his title («وندد رئيس بوركينا فاسو «...»»), and
        the countries named without a preposition in what he says («إن تركيا ستواصل»:
        an actor, not a place): no place of the message."""
        doc = self.doc
        words: set[int] = set()
        if speaker is not None:
            start = trigger.last + 1 if speaker.first > trigger.last else max(0, speaker.first - TITLE_WINDOW)
            words.update(range(start, speaker.last + 1))
        first, last = doc.sentence_words(trigger.first)
        for named in doc.named_in(first, last):
            if named.entity.type == "LOC" and named.entity.kind == "country" and not named.prefix and marker_before(doc, named) is None:
                words.add(named.first)
        return words

    def _places(self, span: tuple[int, int], actor_words: set[int], spoken: bool = False) -> list[Place]:
        """Places named in the span, and «المدينة»-like nouns standing for the town named last.
        `spoken`: for a message, only names told as places («في سوريا», «بغداد» after «في»):
        a bare country or capital is an addressee or a side («دعت أنقرة», «انتقام من الولايات
        المتحدة»), not where anything was said."""
        doc = self.doc
        named = doc.named_in(*span)
        if spoken:
            named = [n for n in named if n.entity.kind != "country" or "ب" in n.prefix or marker_before(doc, n) in SPOKEN_PLACE_MARKERS]
        found = self.finder.places(doc, named, actor_words)
        found += self.finder.unnamed(doc, span[0], span[1], self.taken_words)
        for index in doc.cue_words("place_anaphor", *span):
            if doc.named_in(index + 1, min(index + ANAPHOR_NAME_GAP, len(doc.words) - 1)):
                continue  # «العاصمة اليمنية صنعاء»: a description of the name after it
            town = self._town_before(index)
            if town is not None:
                found.append(Place(town.name, town.entry, index, town.rank, None))
        return found

    def _town_before(self, index: int) -> Place | None:
        """The town «المدينة» stands for: the last one named before it that is not a
        reference point («داخل مدينة غزنة جنوب غربي كابل ... المدينة» is Ghazni)."""
        named = [n for n in self.doc.named if n.last < index and n.entity.type == "LOC" and n.entity.kind == "town"]
        for candidate in reversed(named):
            places = self.finder.places(self.doc, [candidate], set())
            if places and places[0].marker not in ("direction", "source", "recipient", "destination"):
                return places[0]  # not a reference point, an origin or a destination («تعزيزات من كابل»)
        return None

    def _place_before(self, index: int) -> Place | None:
        """A place for a trigger whose sentence names none: the most specific place named
        earlier in its paragraph, else the town the text is about (the one it names most)."""
        doc = self.doc
        paragraph = doc.paragraph(index)
        earlier = [n for n in doc.named if n.last < index and n.entity.type == "LOC" and doc.paragraph(n.first) == paragraph]
        if earlier:
            last_sentence = doc.words[earlier[-1].first].sentence
            places = self.finder.places(doc, [n for n in earlier if doc.words[n.first].sentence == last_sentence], set())
            if places:
                return min(places, key=lambda p: (p.rank, -p.first))
        return self._main_place()

    def _main_place(self) -> Place | None:
        """The place the text is about: where its first event told with a place of its
        own happened, else the place it names most."""
        if self._lead is not None:
            return self._lead
        if self._main is None:
            places = self.finder.places(self.doc, [n for n in self.doc.named if n.entity.type == "LOC"], set())
            counts: dict[str, int] = {}
            for place in places:
                counts[place.name] = counts.get(place.name, 0) + 1
            ranked = sorted(places, key=lambda p: (p.rank, -counts[p.name], p.first))
            self._main = ranked[0] if ranked else False
        return self._main or None

    def _recent(self, dated: Dated) -> bool:
        """A week that ended at most a month before publication («الأسبوع الماضي»): the
        event is news without a day; an older one, or a month («في أغسطس الماضي»), is
        background (decisions-a.md: month-only dates do not date events)."""
        if dated.date.precision != "week":
            return False
        latest = _latest(dated)
        return latest is not None and self.published is not None and (self.published - latest).days <= RECENT_DAYS

    def fill_date(self, mention: Mention, clause: tuple[int, int]) -> None:
        doc = self.doc
        trigger = mention.trigger.first
        in_clause = [dated for dated in doc.dates_in(*clause) if dated.date.value]
        if mention.family == COMMUNICATION:
            # «تبنى تفجيرًا وقع يوم الأحد»: a day after the claimed event is that event's
            after = [t.first for t in doc.triggers if mention.trigger.last < t.first <= clause[1] and t.phrase.meaning not in COMMUNICATION_MEANINGS]
            if after:
                in_clause = [dated for dated in in_clause if dated.first < after[0]]
        elif any(t.phrase.meaning in COMMUNICATION_MEANINGS and clause[0] <= t.first < trigger for t in doc.triggers):
            # «أعلن التنظيم، أمس الثلاثاء، مسؤوليته عن التفجيرات التي ضربت ... يوم الأحد»:
            # the claim's day is not the attack's
            own = [dated for dated in in_clause if dated.first > trigger]
            in_clause = own or in_clause
        if in_clause:
            nearest = min(in_clause, key=lambda d: abs(d.first - trigger))
            if _is_day(nearest):
                mention.date, mention.date_from = nearest.date.value, "clause"
            elif self._recent(nearest):
                mention.date, mention.date_from = None, "recent"  # «الأسبوع الماضي»: no day, but news
            else:
                mention.date, mention.date_from = None, "coarse"  # «في نوفمبر 2015»: background
            return
        paragraph = doc.paragraph(trigger)
        earlier = [dated for dated in doc.dated if dated.first < trigger and _is_day(dated) and doc.paragraph(dated.first) == paragraph]
        sentence_first, _ = doc.sentence_words(trigger)
        lead = [dated for dated in earlier if dated.first >= sentence_first]
        if mention.family == COMMUNICATION and lead:
            # «تبنى التنظيم، أمس الثلاثاء، الهجوم ... فيما نشرت أعماق صورة»: the sentence's own day
            mention.date, mention.date_from = lead[0].date.value, "paragraph"
        elif earlier:
            mention.date, mention.date_from = earlier[-1].date.value, "paragraph"
        elif doc.has_cue("sequel", sentence_first, trigger):
            # «وبعد ساعات، أطلقت السرايا...»: the day of what the previous paragraph told
            before = [dated for dated in doc.dated if dated.first < sentence_first and _is_day(dated)]
            if before:
                mention.date, mention.date_from = before[-1].date.value, "paragraph"
        # else no date: the text gives no day for it (the ACLED export falls back on the
        # publication date, marked by a lower confidence here)


def _inside(town: Place, region: Place | None) -> bool:
    """A town the gazetteer places in this first-level region."""
    if region is None or town.entry is None or region.rank < REGION_RANK:
        return False
    same_country = region.entry is None or town.entry.country == (region.entry.country or region.entry.canonical)
    return town.entry.admin1 == region.name and same_country


def _latest(dated: Dated) -> dt.date | None:
    value = dated.date.latest
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _is_day(dated: Dated) -> bool:
    return dated.date.precision == DAY and bool(dated.date.value)


__all__ = ["Mention", "MentionReader"]


def _joined(doc: EventDocument, index: int) -> bool:
    """The word, or the word before it, starts with the conjunction «و» («وموندورو», «وهجرة خريص»),
    or a «وفي» opens the phrase it ends («وفي كنيسة بمدينة باتيكالوا»)."""
    if any(doc.words[i].text.startswith("و") for i in (index, index - 1) if 0 <= i < len(doc.words)):
        return True
    return any(doc.words[i].text == "وفي" for i in range(max(0, index - JOINED_GAP + 1), index))


def _definite(word) -> bool:
    """«الشرعية», «للشرعية» (ل + ال, the alef dropped)."""
    return any(map(_definite_reading, word.readings))


def _definite_reading(reading) -> bool:
    return reading.prefix.endswith(("ال", "لل"))


def _coordinated(word) -> bool:
    """«الاحتجاجات والجدل»: a noun joined by «و» is another subject, not the object."""
    return word.key.startswith("و") and all(reading.prefix.startswith("و") for reading in word.readings[1:])


def _pronoun_claimed(trigger: Found) -> bool:
    """«وتبناه التنظيم»: the object pronoun stands for the attack told before."""
    return trigger.phrase.needs == "claimable" and bool(trigger.reading.suffix)
