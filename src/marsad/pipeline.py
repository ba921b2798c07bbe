"""The pipeline: named analysers composed in order.

This module is the only place that knows the analysers and their order.  A layer
added later registers one line in `REGISTRY`; nothing else changes.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .analyser import Analyser, AnalyserConfig
from .errors import Errors, MarsadError
from .model import Analysis, Document


@dataclass(frozen=True)
class Registered:
    target: str  # "module:Class"
    default: bool = True
    help: str = ""


REGISTRY: dict[str, Registered] = {
    "tokens": Registered("marsad.extract.textlayer:TokensAnalyser", help="words, numbers and punctuation with offsets"),
    "sentences": Registered("marsad.extract.textlayer:SentencesAnalyser", help="sentence spans"),
    "entities": Registered("marsad.extract.entities:EntitiesAnalyser", help="actors, persons and places linked to canonical names"),
    "ner": Registered("marsad.extract.ner.analyser:CrfEntitiesAnalyser", default=False, help="trained CRF entities added where the rules found none (--ner-model DIR)"),
    "dates": Registered("marsad.extract.dates:DatesAnalyser", help="date expressions resolved against the publication date"),
    "quotes": Registered("marsad.extract.quotes:QuotesAnalyser", help="speech in quotation marks, with speaker and reporting verb"),
    "events": Registered("marsad.extract.events:EventsAnalyser", help="ACLED-typed events and communicative acts with actors, place, date and evidence"),
    "rhetoric": Registered("marsad.rhetoric.analyser:RhetoricAnalyser", help="persuasion techniques, emotions and frames with evidence spans"),
    "rhetoric_model": Registered("marsad.rhetoric.model_analyser:RhetoricModelAnalyser", default=False, help="a trained rhetoric model; on with --rhetoric-model DIR"),
}


def default_names() -> list[str]:
    return [name for name, entry in REGISTRY.items() if entry.default]


def analyser_class(name: str) -> type[Analyser]:
    module_name, class_name = REGISTRY[name].target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def with_dependencies(names: Iterable[str]) -> list[str]:
    """`names` plus every analyser they need, in registry order."""
    wanted = list(dict.fromkeys(names))
    _check_known(wanted)
    provider = {layer: name for name in REGISTRY for layer in analyser_class(name).provides}
    selected: set[str] = set()
    stack = list(wanted)
    while stack:
        name = stack.pop()
        if name in selected:
            continue
        selected.add(name)
        stack.extend(provider[need] for need in analyser_class(name).needs if need in provider)
    return [name for name in REGISTRY if name in selected]


def _check_known(names: Sequence[str]) -> None:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise MarsadError(Errors.M006, names=", ".join(unknown), available=", ".join(REGISTRY))


class Pipeline:
    """Analysers in order; calling it on a Document returns the Analysis."""

    def __init__(self, analysers: Sequence[Analyser]) -> None:
        _check_chain(analysers)
        self.analysers = list(analysers)

    @property
    def names(self) -> list[str]:
        return [analyser.name for analyser in self.analysers]

    def __call__(self, document: Document) -> Analysis:
        with _collecting_after_the_document():
            return self._analyse(document)

    def _analyse(self, document: Document) -> Analysis:
        analysis = Analysis.of(document)
        for analyser in self.analysers:
            try:
                analyser(analysis)
            except MarsadError:
                raise
            except Exception as error:  # one bad document must not stop a batch
                raise MarsadError(
                    Errors.M008,
                    document=document.source or document.id,
                    analyser=analyser.name,
                    reason=f"{type(error).__name__}: {error}",
                ) from error
            analysis.layers.append(analyser.name)
        return analysis


@contextmanager
def _collecting_after_the_document() -> Iterator[None]:
    """Cyclic garbage collection waits until the document is analysed.

    One document allocates tens of thousands of short-lived tuples (words, readings,
    matches).  Left alone, CPython's collector runs every 700 of them, promotes the
    document's working objects (alive at that moment) to older generations, and every few
    documents walks every object of the per-word caches in a full collection: about a
    seventh of the pipeline's time.  The analysers make no reference cycles; the young
    generation is still collected once the document is done, when its working objects
    are gone.  (A caller that disabled the collector keeps it disabled.)
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(0)


def _check_chain(analysers: Sequence[Analyser]) -> None:
    available: set[str] = set()
    unmet: list[str] = []
    for analyser in analysers:
        missing = [need for need in analyser.needs if need not in available]
        if missing:
            unmet.append(f"{analyser.name!r} needs {', '.join(missing)}")
        available.update(analyser.provides)
    if unmet:
        raise MarsadError(Errors.M007, details="; ".join(unmet))


def build_pipeline(names: Iterable[str] | None = None, config: AnalyserConfig | None = None) -> Pipeline:
    """The default pipeline, or the named analysers plus what they need."""
    selected = default_names() if names is None else with_dependencies(names)
    config = config or AnalyserConfig()
    return Pipeline([analyser_class(name)(config) for name in selected])
