"""A linear-chain CRF (python-crfsuite) over the features of features.py.

`fit` trains one model file from featurised sentences; `CrfTagger` loads one and tags
token sequences.  Hyperparameter search, manifests and model directories are in
training.py and model_dir.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pycrfsuite

from .features import Featuriser

_ITERATION = re.compile(r"\*+ Iteration #(\d+) \*+")
ProgressCallback = Callable[[int, int], None]  # (iterations done, iterations planned)


@dataclass(frozen=True)
class Hyperparameters:
    c1: float = 0.05  # L1 regularisation
    c2: float = 0.05  # L2 regularisation
    max_iterations: int = 150

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


@dataclass(frozen=True)
class Featurised:
    """A sentence's features, computed once and reused by every fit of a search."""

    items: pycrfsuite.ItemSequence
    tags: tuple[str, ...]


def featurise(sentences, featuriser: Featuriser) -> list[Featurised]:
    """`sentences` are LabelledSentence-like objects with `tokens` and `tags`."""
    return [Featurised(pycrfsuite.ItemSequence(featuriser(s.tokens)), tuple(s.tags)) for s in sentences]


class _Trainer(pycrfsuite.Trainer):
    """A trainer that reports each L-BFGS iteration from crfsuite's log."""

    def __init__(self, on_iteration: ProgressCallback | None, planned: int) -> None:
        super().__init__(algorithm="lbfgs", verbose=False)
        self._callback = on_iteration
        self._planned = planned
        self._pending = ""

    def message(self, message: str) -> None:  # crfsuite's log, in fragments
        self._pending += message
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            found = _ITERATION.match(line)
            if found and self._callback is not None:
                self._callback(int(found.group(1)), self._planned)


def fit(
    data: Sequence[Featurised],
    params: Hyperparameters,
    model_path: Path,
    on_iteration: ProgressCallback | None = None,
) -> None:
    """Train on `data` and write the model to `model_path`."""
    trainer = _Trainer(on_iteration, params.max_iterations)
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    for sentence in data:
        trainer.append(sentence.items, list(sentence.tags))
    trainer.train(str(model_path))


class CrfTagger:
    """A trained model file and the featuriser it was trained with."""

    def __init__(self, model_path: Path, featuriser: Featuriser) -> None:
        self.featuriser = featuriser
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @property
    def labels(self) -> list[str]:
        return list(self._tagger.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(pycrfsuite.ItemSequence(self.featuriser(tokens))))

    def tag_featurised(self, items: pycrfsuite.ItemSequence) -> list[str]:
        return list(self._tagger.tag(items))
