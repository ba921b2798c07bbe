"""The events layer: ACLED-typed events and communicative acts with actors, place, date
and the evidence spans that say so."""

from .analyser import EventsAnalyser

__all__ = ["EventsAnalyser"]
