"""The analysis contract (`marsad.analysis/1`) as dataclasses.

One `Document` owns the raw text; every layer of an `Analysis` is a list of spans
over `Analysis.text`, so ``text[start:end] == span.text`` always holds.
`Analysis.to_dict()` is exactly the JSON that `marsad analyze --json` prints and
`Analysis.from_dict()` reads it back.  Fields may be added; renaming one needs a
new schema version.  Nothing here imports the rest of Marsad.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

SCHEMA = "marsad.analysis/1"


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """`YYYY-MM-DD` (or a date, or None) to a date; raises ValueError on anything else."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


@dataclass
class Document:
    """A document as read from a source, before any analysis."""

    id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # What the source says beyond the contract (a record's own id, a post's
    # forwarded_from and author...): JSON scalars only.  Not part of the analysis.
    meta: dict[str, Any] = field(default_factory=dict)


class _Record:
    """to_dict/from_dict for flat dataclasses whose fields are JSON values."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


@dataclass
class Sentence(_Record):
    start: int
    end: int


@dataclass
class Entity(_Record):
    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | DATE | MISC
    canonical: str | None = None
    kind: str | None = None


@dataclass
class DateMention(_Record):
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY, or None when no anchor resolves it
    precision: str | None  # day | month | year
    earliest: str | None = None  # YYYY-MM-DD: the first and last day the expression covers
    latest: str | None = None
    note: str | None = None  # why a value is what it is when words disagree (weekday vs date...)


@dataclass
class Quote(_Record):
    start: int
    end: int
    text: str
    speaker: str | None = None
    verb: str | None = None
    speaker_start: int | None = None  # the words that name the speaker (an entity or a phrase)
    speaker_end: int | None = None
    verb_start: int | None = None  # the reporting verb, proclitics left out («وقال» -> «قال»)
    verb_end: int | None = None


@dataclass
class Event(_Record):
    type: str  # ACLED sub-event type, or Statement / Threat / Claim of responsibility / Propaganda release
    event_type: str  # ACLED event type
    actor1: str | None
    actor2: str | None
    location: str | None
    date: str | None
    start: int
    end: int
    confidence: float
    assoc_actor_1: str | None = None  # who helped actor1 («بمعاونة طيران التحالف»)
    claimed_by: str | None = None  # known only from this party's claim or accusation
    evidence: list[dict[str, Any]] = field(default_factory=list)  # every mention: {start, end, text}
    country: str | None = None  # of the location, from the gazetteer
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    cue: str | None = None  # the trigger of the first mention, as written in the lexicon


# Technique cues scored below this are the convention tier (emphatic reporting verbs,
# honorific titles, plain evaluative words): they count for a document's labels and
# its persuasive / not decision; the pretty view hides them.
CONVENTION_BELOW = 0.3


@dataclass
class Technique(_Record):
    label: str
    start: int
    end: int
    text: str
    score: float
    cue: str | None = None  # the lexicon entry or pattern that fired, as written in the resource
    source: str | None = None  # "model:<model directory>" for a trained model's span; null for the lexicon


@dataclass
class DocumentTechnique(_Record):
    """A technique a trained model sees in the document as a whole (no span)."""

    label: str
    score: float
    source: str | None = None


@dataclass
class Frame(_Record):
    label: str
    start: int
    end: int
    text: str
    score: float
    cue: str | None = None


@dataclass
class EmotionCue(_Record):
    """A word or phrase that moved a sentence's emotions (after negation and intensifiers)."""

    start: int
    end: int
    text: str
    label: str
    weight: float


@dataclass
class SentenceEmotions:
    """One sentence's distribution over the emotion labels and the cues behind it."""

    start: int
    end: int
    emotions: dict[str, float]
    intensity: float = 0.0
    cues: list[EmotionCue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "emotions": dict(self.emotions),
            "intensity": self.intensity,
            "cues": [cue.to_dict() for cue in self.cues],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceEmotions:
        return cls(
            start=data["start"],
            end=data["end"],
            emotions=dict(data.get("emotions", {})),
            intensity=float(data.get("intensity", 0.0)),
            cues=[EmotionCue.from_dict(cue) for cue in data.get("cues", [])],
        )


@dataclass
class Rhetoric:
    techniques: list[Technique] = field(default_factory=list)
    emotions: dict[str, float] = field(default_factory=dict)
    intensity: float = 0.0
    frames: list[Frame] = field(default_factory=list)
    # Only sentences with at least one emotion cue; a sentence not listed is all "none".
    sentence_emotions: list[SentenceEmotions] = field(default_factory=list)
    # From a trained model (--rhetoric-model); empty / null without one.
    document_techniques: list[DocumentTechnique] = field(default_factory=list)
    persuasive: float | None = None  # probability that the text uses any technique
    model_emotions: dict[str, float] = field(default_factory=dict)  # the model's emotion probabilities

    def to_dict(self) -> dict[str, Any]:
        return {
            "techniques": [t.to_dict() for t in self.techniques],
            "emotions": dict(self.emotions),
            "intensity": self.intensity,
            "frames": [f.to_dict() for f in self.frames],
            "sentence_emotions": [s.to_dict() for s in self.sentence_emotions],
            "document_techniques": [t.to_dict() for t in self.document_techniques],
            "persuasive": self.persuasive,
            "model_emotions": dict(self.model_emotions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rhetoric:
        return cls(
            techniques=[Technique.from_dict(t) for t in data.get("techniques", [])],
            emotions=dict(data.get("emotions", {})),
            intensity=float(data.get("intensity", 0.0)),
            frames=[Frame.from_dict(f) for f in data.get("frames", [])],
            sentence_emotions=[SentenceEmotions.from_dict(s) for s in data.get("sentence_emotions", [])],
            document_techniques=[DocumentTechnique.from_dict(t) for t in data.get("document_techniques", [])],
            persuasive=data.get("persuasive"),
            model_emotions=dict(data.get("model_emotions", {})),
        )


@dataclass
class Analysis:
    """A document and every layer the pipeline added to it."""

    LAYERS: ClassVar[dict[str, type]] = {
        "sentences": Sentence,
        "entities": Entity,
        "dates": DateMention,
        "quotes": Quote,
        "events": Event,
    }

    id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rhetoric: Rhetoric = field(default_factory=Rhetoric)
    layers: list[str] = field(default_factory=list)
    schema: str = SCHEMA
    # Working views shared between analysers (tokens, normalised text...); never serialised.
    views: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, document: Document) -> Analysis:
        return cls(
            id=document.id,
            title=document.title,
            text=document.text,
            source=document.source,
            url=document.url,
            published=document.published,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": self.schema,
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "text": self.text,
        }
        for name in self.LAYERS:
            data[name] = [item.to_dict() for item in getattr(self, name)]
        data["rhetoric"] = self.rhetoric.to_dict()
        data["layers"] = list(self.layers)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"unsupported schema {schema!r}; this version reads {SCHEMA!r}")
        layers = {
            name: [record.from_dict(item) for item in data.get(name, [])]
            for name, record in cls.LAYERS.items()
        }
        return cls(
            id=data["id"],
            title=data.get("title", ""),
            text=data["text"],
            source=data.get("source"),
            url=data.get("url"),
            published=parse_date(data.get("published")),
            rhetoric=Rhetoric.from_dict(data.get("rhetoric", {})),
            layers=list(data.get("layers", [])),
            schema=schema,
            **layers,
        )

    def document(self) -> Document:
        return Document(self.id, self.title, self.text, self.source, self.url, self.published)
