"""The `events` analyser: what happened, who did it to whom, where and when.

Triggers from resources/events/ are read in their clauses (mentions.py, arguments.py)
and the mentions of one happening are merged into one event with all their evidence
(happenings.py).  Actors and places are the entity layer's canonical names; dates come
from the dates layer, resolved against the publication date.
"""

from __future__ import annotations

from ...analyser import Analyser, AnalyserConfig
from ...model import Analysis, Event
from ...text import tokenize
from ..entities.lexicons import load_lexicons
from ..gazetteer import load_gazetteer
from .actors import ActorBook
from .document import EventDocument
from .happenings import Happening, happenings
from .lexicon import load_lexicon
from .mentions import MentionReader
from .places import PlaceFinder

BASE_CONFIDENCE = 0.7
PER_EXTRA_MENTION = 0.05
MAX_CONFIDENCE = 0.95
# What lowers trust in an event: no day in the text, a place taken from an earlier
# sentence, an unknown actor, a claim or accusation.
PENALTIES = {"no_date": 0.2, "place_from_text": 0.1, "no_actor": 0.15, "claimed": 0.1}


class EventsAnalyser(Analyser):
    name = "events"
    needs = ("tokens", "sentences", "entities", "dates", "quotes")
    provides = ("events",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        self.lexicon = load_lexicon()
        gazetteer = load_gazetteer()
        self.book = ActorBook(gazetteer)
        names = load_lexicons()
        self.places = PlaceFinder(gazetteer, names.stopwords)
        self.common_names = frozenset(names.given_names) | names.stopwords

    def __call__(self, analysis: Analysis) -> None:
        tokens = analysis.views.get("tokens")
        if tokens is None:
            tokens = tokenize(analysis.text)
        doc = EventDocument(analysis, tokens, self.lexicon, self.common_names)
        if not doc.triggers:
            analysis.events = []
            return
        mentions = MentionReader(doc, self.lexicon, self.book, self.places, analysis.published).read()
        analysis.events = [self._event(doc, happening) for happening in happenings(mentions)]

    def _event(self, doc: EventDocument, happening: Happening) -> Event:
        evidence = []
        for mention in sorted(happening.mentions, key=lambda m: m.first):
            start, end, text = doc.span_text(mention.first, mention.last)
            span = {"start": start, "end": end, "text": text}
            if span not in evidence:
                evidence.append(span)
        entry = happening.place.entry if happening.place else None
        first = evidence[0]
        return Event(
            type=happening.type,
            event_type=happening.event_type,
            actor1=happening.actor1,
            actor2=happening.actor2,
            location=happening.location,
            date=happening.date,
            start=first["start"],
            end=first["end"],
            confidence=_confidence(happening, len(evidence)),
            assoc_actor_1=happening.assoc,
            claimed_by=happening.claimed_by,
            evidence=evidence,
            country=(entry.country or entry.canonical) if entry else (happening.place.country if happening.place else None),
            admin1=entry.admin1 if entry else None,
            latitude=entry.lat if entry else None,
            longitude=entry.lon if entry else None,
            cue=happening.mentions[0].trigger.phrase.form,
        )


def _confidence(happening: Happening, spans: int) -> float:
    score = BASE_CONFIDENCE + PER_EXTRA_MENTION * (spans - 1)
    if happening.date is None:
        score -= PENALTIES["no_date"]
    if happening.place_from == "text":
        score -= PENALTIES["place_from_text"]
    if happening.actor1 is None:
        score -= PENALTIES["no_actor"]
    if happening.claimed_by:
        score -= PENALTIES["claimed"]
    return round(min(max(score, 0.05), MAX_CONFIDENCE), 2)
