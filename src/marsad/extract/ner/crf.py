"""A linear-chain CRF (python-crfsuite) over the features of features.py.

`fit` trains one model file from featurised sentences; `CrfTagger` loads one and tags
token sequences; `DocumentTagger` tags a document's sentences with one CRF, or with two:
a first pass, then a second that also sees what the first said about the same words
elsewhere in the document (document.py).  Hyperparameter search, cross-validated first
passes, manifests and model directories are in training.py and model_dir.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pycrfsuite

from .document import DocumentFeatures
from .features import Featuriser
from .tags import to_bioes, to_iob2

_ITERATION = re.compile(r"\*+ Iteration #(\d+) \*+")
ProgressCallback = Callable[[int, int], None]  # (iterations done, iterations planned)


@dataclass(frozen=True)
class Hyperparameters:
    c1: float = 0.05  # L1 regularisation
    c2: float = 0.05  # L2 regularisation
    max_iterations: int = 150
    scheme: str = "IOB2"  # the tags the CRF learns (IOB2 or BIOES); it always answers in IOB2

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


@dataclass(frozen=True)
class Featurised:
    """A sentence's features, computed once and reused by every fit of a search."""

    features: list[list[str]]
    tags: tuple[str, ...]

    def items(self) -> pycrfsuite.ItemSequence:
        return pycrfsuite.ItemSequence(self.features)


def featurise(sentences, featuriser: Featuriser) -> list[Featurised]:
    """`sentences` are LabelledSentence-like objects with `tokens` and `tags`."""
    return [Featurised(featuriser(s.tokens), tuple(s.tags)) for s in sentences]


def with_document_features(data: Sequence[Featurised], document: list[list[list[str]]]) -> list[Featurised]:
    """The sentences' features plus their document features (one list per token)."""
    return [
        Featurised([own + extra for own, extra in zip(item.features, extras)], item.tags) for item, extras in zip(data, document)
    ]


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
    encode = to_bioes if params.scheme == "BIOES" else list
    for sentence in data:
        trainer.append(sentence.items(), encode(sentence.tags))
    trainer.train(str(model_path))


class CrfTagger:
    """A trained model file and the featuriser it was trained with."""

    def __init__(self, model_path: Path, featuriser: Featuriser | None) -> None:
        self.featuriser = featuriser
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @property
    def labels(self) -> list[str]:
        """The IOB2 tags the model can answer (whatever scheme it learnt)."""
        return list(dict.fromkeys(to_iob2(self._tagger.labels())))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        if self.featuriser is None:
            raise ValueError("this tagger only tags featurised sentences")
        return self.tag_featurised(self.featuriser(tokens))

    def tag_featurised(self, features: list[list[str]]) -> list[str]:
        """IOB2 tags (a BIOES model's S-/E- read as B-/I-)."""
        if not features:
            return []
        return to_iob2(self._tagger.tag(pycrfsuite.ItemSequence(features)))


class DocumentTagger:
    """Tags the sentences of one document: with the first-pass CRF alone, or, when the
    model has a second pass, with the second CRF over the sentence features plus the
    document features computed from the first pass's tags."""

    def __init__(self, first: CrfTagger, second: CrfTagger | None = None, document: DocumentFeatures | None = None) -> None:
        if (second is None) != (document is None):
            raise ValueError("a second pass needs its document features, and only it")
        if first.featuriser is None:
            raise ValueError("the first pass needs its featuriser")
        self.first = first
        self.second = second
        self.document = document
        self.featuriser = first.featuriser

    @property
    def labels(self) -> list[str]:
        return (self.second or self.first).labels

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        features = [self.featuriser(tokens) if tokens else [] for tokens in sentences]
        first = [self.first.tag_featurised(own) for own in features]
        if self.second is None or self.document is None:
            return first
        extras = self.document(sentences, first)
        return [self.second.tag_featurised([a + b for a, b in zip(own, extra)]) for own, extra in zip(features, extras)]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One sentence as a document of its own."""
        return self.tag_document([tokens])[0]
