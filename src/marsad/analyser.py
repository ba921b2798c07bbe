"""The analyser protocol: a small class with one job, adding one layer to an Analysis.

An analyser declares the layers it `needs` and the layers it `provides`; the
pipeline checks the whole chain before running anything.  Analysers are built once
per pipeline from an `AnalyserConfig` and then called on many documents, so heavy
resources (automata, lexicons, models) load in `__init__`, not in `__call__`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from .model import Analysis


@dataclass(frozen=True)
class AnalyserConfig:
    """Options every analyser may read.  Hashable, so pipelines can be cached per config."""

    ner_model: Path | None = None
    rhetoric_model: Path | None = None


class Analyser:
    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        self.config = config or AnalyserConfig()

    def __call__(self, analysis: Analysis) -> None:
        raise NotImplementedError
