"""Analysing documents: from paths, from Documents, from a text given directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..analyser import AnalyserConfig
from ..errors import Errors, MarsadError
from ..ingest import ReadFailure, ReadOptions, content_id, read_sources
from ..model import Analysis, Document, parse_date
from ..pipeline import Pipeline, build_pipeline, default_names

@dataclass(frozen=True)
class Outcome:
    """One input's result: an analysis, or the error that stopped it."""

    source: str
    analysis: Analysis | None = None
    error: MarsadError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_published(value: str | None) -> dt.date | None:
    """A user-given publication date, or MarsadError M005."""
    if value is None or value == "":
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise MarsadError(Errors.M005, value=value) from None


@lru_cache(maxsize=8)
def _cached_pipeline(names: tuple[str, ...] | None, config: AnalyserConfig) -> Pipeline:
    return build_pipeline(_switched_on(names, config), config)


# Analysers that are off by default and on when their config option is given.
SWITCHED_ON_BY = {"ner": "ner_model", "rhetoric_model": "rhetoric_model"}


def _switched_on(names: tuple[str, ...] | None, config: AnalyserConfig) -> tuple[str, ...] | None:
    extra = [name for name, option in SWITCHED_ON_BY.items() if getattr(config, option) is not None]
    if not extra:
        return names
    return tuple(dict.fromkeys([*(names if names is not None else default_names()), *extra]))


def pipeline_for(only: Iterable[str] | None = None, config: AnalyserConfig | None = None) -> Pipeline:
    """A pipeline, built once per (selection, config) and reused."""
    names = tuple(only) if only is not None else None
    return _cached_pipeline(names, config or AnalyserConfig())


def analyser_config(ner_model: Path | None = None, rhetoric_model: Path | None = None) -> AnalyserConfig:
    """The config for `--ner-model DIR` / `--rhetoric-model DIR`: each trained model
    switches its analyser on (SWITCHED_ON_BY)."""
    return AnalyserConfig(
        ner_model=Path(ner_model) if ner_model is not None else None,
        rhetoric_model=Path(rhetoric_model) if rhetoric_model is not None else None,
    )


def analyse_documents(documents: Iterable[Document | ReadFailure], pipeline: Pipeline) -> Iterator[Outcome]:
    for item in documents:
        if isinstance(item, ReadFailure):
            yield Outcome(item.source, error=item.error)
            continue
        try:
            yield Outcome(item.source or item.id, analysis=pipeline(item))
        except MarsadError as error:
            yield Outcome(item.source or item.id, error=error)


def analyse_paths(
    paths: Iterable[str | Path],
    published: dt.date | None = None,
    only: Iterable[str] | None = None,
    config: AnalyserConfig | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Outcome]:
    """Analyse every document in `paths` (files, directories, http(s) URLs);
    `published` fills missing dates; `options` tunes the readers (--map, timeouts)."""
    pipeline = pipeline_for(only, config)
    yield from analyse_documents(read_sources(paths, published, options), pipeline)


def analyse_text(
    text: str,
    title: str = "",
    published: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    only: Iterable[str] | None = None,
    config: AnalyserConfig | None = None,
) -> Analysis:
    """Analyse one text given directly (API, notebooks)."""
    document = Document(content_id(title, text), title, text, source, url, published)
    return pipeline_for(only, config)(document)
