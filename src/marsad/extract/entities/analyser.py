"""The `entities` analyser: gazetteer actors, persons and places, composed state actors,
rule-based person names and in-document coreference, as spans over the original text."""

from __future__ import annotations

import datetime as dt

from ...analyser import Analyser, AnalyserConfig
from ...model import Analysis, Entity
from ...text import Token
from ...views import TokenView, token_view
from ..gazetteer import load_gazetteer
from ..gazetteer.phrases import WordLookups
from .coreference import coreferent_mentions, name_persons
from .gazetteer_mentions import composed_mentions, gazetteer_mentions
from .lexicons import load_lexicons
from .mentions import Mention
from .persons import PersonFinder
from .roles import role_mentions
from .words import document_words


class EntitiesAnalyser(Analyser):
    name = "entities"
    needs = ("tokens", "sentences")
    provides = ("entities",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        self.gazetteer = load_gazetteer()
        self.lexicons = load_lexicons()
        self.persons = PersonFinder(self.lexicons, self.gazetteer)
        matchers = [self.gazetteer.matcher] if self.gazetteer.matcher else []
        matchers += [self.lexicons.place_heads, self.lexicons.compositions, self.lexicons.cues, self.lexicons.roles]
        self.lookups = WordLookups(matchers, (self.persons.openers, self.lexicons.anaphors, self.gazetteer.demonyms))

    def __call__(self, analysis: Analysis) -> None:
        analysis.entities = [_entity(analysis.text, m) for m in self.mentions(analysis.text, token_view(analysis), analysis.published)]

    def mentions(self, text: str, tokens: list[Token] | TokenView, published: dt.date | None = None) -> list[Mention]:
        """Every mention in `text` (its tokens, or their view); `published` dates role
        nouns («الرئيس التركي»)."""
        words = document_words(tokens)
        looked = self.lookups.read(words)
        found = gazetteer_mentions(text, words, looked, self.gazetteer, self.lexicons)
        found += composed_mentions(words, looked, found, self.gazetteer, self.lexicons)
        people = self.persons.find(text, words, looked, found)
        found += people.mentions + people.units
        name_persons(text, [m for m in found if m.type == "PER"])
        found += role_mentions(words, looked, found, published, self.gazetteer, self.lexicons)
        found += coreferent_mentions(words, looked, found, people, self.gazetteer, self.lexicons)
        return sorted(found, key=lambda m: (m.start, m.end))


def _entity(text: str, mention: Mention) -> Entity:
    return Entity(mention.start, mention.end, text[mention.start : mention.end], mention.type, mention.canonical, mention.kind)
