"""From a Document (and its Analysis) to what the store indexes: search terms, a
content hash, a near-duplicate fingerprint and index rows with normalised keys."""

from __future__ import annotations

import hashlib

from ..model import Analysis, Document
from ..store import AnalysisRows, EntityRow, EventRow, IndexedDocument, QuoteRow, TechniqueRow
from .keys import name_key, optional_name_key, text_terms
from .neardup import NearDuplicates


def content_hash(words: list[str]) -> str:
    """Same hash for texts whose normalised words are the same: spacing, punctuation,
    diacritics and letter variants do not make a different text."""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()


def index_document(document: Document, analysis: Analysis | None, near: NearDuplicates) -> IndexedDocument:
    title_terms = text_terms(document.title)
    body_terms = text_terms(document.text)
    words = [keys[0] for keys in body_terms]  # each word normalised, clitics kept
    fingerprint = near.fingerprint(words)
    return IndexedDocument(
        document=document,
        content_hash=content_hash(words),
        terms=title_terms + body_terms,
        signature=fingerprint.signature if fingerprint else None,
        bands=fingerprint.bands if fingerprint else [],
        analysis=analysis_rows(analysis) if analysis is not None else None,
    )


def analysis_rows(analysis: Analysis) -> AnalysisRows:
    return AnalysisRows(
        analysis=analysis,
        entities=[
            EntityRow(
                type=e.type, surface=e.text, key=name_key(e.text), canonical=e.canonical,
                canonical_key=optional_name_key(e.canonical), kind=e.kind, start=e.start, end=e.end,
            )
            for e in analysis.entities
        ],
        events=[
            EventRow(
                type=e.type, event_type=e.event_type,
                actor1=e.actor1, actor1_key=optional_name_key(e.actor1),
                actor2=e.actor2, actor2_key=optional_name_key(e.actor2),
                location=e.location, location_key=optional_name_key(e.location),
                date=e.date, start=e.start, end=e.end, confidence=e.confidence,
            )
            for e in analysis.events
        ],
        quotes=[
            QuoteRow(speaker=q.speaker, speaker_key=optional_name_key(q.speaker), verb=q.verb, start=q.start, end=q.end)
            for q in analysis.quotes
        ],
        techniques=[
            TechniqueRow(label=t.label, start=t.start, end=t.end, score=t.score) for t in analysis.rhetoric.techniques
        ],
    )
