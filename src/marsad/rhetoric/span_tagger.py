"""Technique spans with linear-chain CRFs (python-crfsuite) over marsad.text tokens.

Gold spans of different techniques overlap (a whole sentence of Doubt around a
Name_Calling word), so each technique gets its own CRF with B/I/O tags instead of
one tag set.  A token is inside a span when the span covers any of its characters;
predicted tag runs map back to the first token's start and the last token's end.
Decoding is by marginals, not Viterbi: a token is inside a span when its
probability of not being O reaches the tagger's threshold (tuned on held-out data:
the CRFs are trained on texts where most tokens are O, and the Viterbi path misses
most spans).  A span's score is the mean inside probability of its tokens.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycrfsuite

from ..text import Token, split_sentences
from .datasets import Example
from .features import token_keys, tokens_of
from .metrics import span_scores

OUTSIDE, BEGIN, INSIDE = "O", "B", "I"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PredictedSpan:
    start: int
    end: int
    label: str
    score: float


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def bio_tags(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[str]:
    """B/I/O for one technique: B on the first token a span touches, I on the rest."""
    tags = [OUTSIDE] * len(tokens)
    for start, end in sorted(spans):
        inside = [i for i, token in enumerate(tokens) if token.start < end and token.end > start]
        for position, index in enumerate(inside):
            if tags[index] == OUTSIDE:
                tags[index] = BEGIN if position == 0 else INSIDE
    return tags


def runs(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token index ranges [first, last] of B/I runs (an I without a B starts a run)."""
    found: list[tuple[int, int]] = []
    first = None
    for index, tag in enumerate(tags):
        if tag == BEGIN or (tag == INSIDE and first is None):
            if first is not None:
                found.append((first, index - 1))
            first = index
        elif tag == OUTSIDE and first is not None:
            found.append((first, index - 1))
            first = None
    if first is not None:
        found.append((first, len(tags) - 1))
    return found


class SpanTagger:
    """One CRF per technique; picklable (the CRFs are kept as bytes)."""

    def __init__(self, models: dict[str, bytes], params: dict, span_counts: dict[str, int], threshold: float = 0.5) -> None:
        self.models = models
        self.params = params
        self.span_counts = span_counts
        self.threshold = threshold
        self._taggers: dict[str, pycrfsuite.Tagger] | None = None

    @property
    def labels(self) -> list[str]:
        return list(self.models)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_taggers"] = None
        return state

    def _open(self) -> dict[str, pycrfsuite.Tagger]:
        if self._taggers is None:
            taggers = {}
            for label, blob in self.models.items():
                tagger = pycrfsuite.Tagger()
                tagger.open_inmemory(blob)
                taggers[label] = tagger
            self._taggers = taggers
        return self._taggers

    def predict(self, text: str, threshold: float | None = None) -> list[PredictedSpan]:
        return self.analyse(text, threshold)[0]

    def document_features(self, text: str) -> np.ndarray:
        """Per technique: the highest probability that a token is inside a span, and the number of spans."""
        return self.analyse(text)[1]

    def analyse(self, text: str, threshold: float | None = None) -> tuple[list[PredictedSpan], np.ndarray]:
        """The spans and the document features together, from one pass of every CRF over each sentence."""
        threshold = self.threshold if threshold is None else threshold
        row = np.zeros(2 * len(self.models))
        found: list[PredictedSpan] = []
        for tokens, marginals in self.marginals(text):
            for column, (label, (inside, begin)) in enumerate(marginals.items()):
                spans = decode(tokens, inside, begin, label, threshold)
                found.extend(spans)
                row[2 * column] = max(row[2 * column], inside.max())
                row[2 * column + 1] += len(spans)
        return sorted(found, key=lambda span: (span.start, span.end, span.label)), row

    def marginals(self, text: str) -> list[tuple[list[Token], dict[str, tuple[np.ndarray, np.ndarray]]]]:
        """Per sentence: its tokens (offsets into `text`) and, per technique, each token's
        probability of being inside a span and of starting one.

        Sentences are tagged one by one, so a long article costs what its sentences cost
        and a span never crosses a sentence boundary.
        """
        chunks = []
        for tokens in sentence_tokens(text):
            features = pycrfsuite.ItemSequence(token_keys(text, tokens))  # converted once for every CRF
            chunks.append((tokens, {label: self._marginals(tagger, features, len(tokens)) for label, tagger in self._open().items()}))
        return chunks

    @staticmethod
    def _marginals(tagger: pycrfsuite.Tagger, features: pycrfsuite.ItemSequence, size: int) -> tuple[np.ndarray, np.ndarray]:
        tagger.set(features)
        known = set(tagger.labels())
        inside = np.array([1.0 - tagger.marginal(OUTSIDE, i) if OUTSIDE in known else 1.0 for i in range(size)])
        begin = np.array([tagger.marginal(BEGIN, i) if BEGIN in known else 0.0 for i in range(size)])
        return inside, begin


def sentence_tokens(text: str) -> list[list[Token]]:
    """The tokens of each sentence, with offsets into `text` (sentences without tokens left out)."""
    chunks = []
    for sentence in split_sentences(text):
        tokens = [
            token._replace(start=token.start + sentence.start, end=token.end + sentence.start)
            for token in tokens_of(text[sentence.start : sentence.end])
        ]
        if tokens:
            chunks.append(tokens)
    return chunks


def decode(tokens: Sequence[Token], inside: np.ndarray, begin: np.ndarray, label: str, threshold: float) -> list[PredictedSpan]:
    """Spans of tokens whose inside probability reaches `threshold`; a likely B starts a new span."""
    tags = []
    for index in range(len(tokens)):
        if inside[index] < threshold:
            tags.append(OUTSIDE)
        elif not tags or tags[-1] == OUTSIDE or begin[index] >= inside[index] - begin[index]:
            tags.append(BEGIN)
        else:
            tags.append(INSIDE)
    return [
        PredictedSpan(tokens[first].start, tokens[last].end, label, float(inside[first : last + 1].mean()))
        for first, last in runs(tags)
    ]


SPAN_THRESHOLDS = (0.5, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02)
HOLDOUT = 0.2


def tune_threshold(tagger: SpanTagger, examples: Sequence[Example]) -> tuple[float, float]:
    """The decoding threshold with the best span micro-F1 on `examples`, and that F1."""
    cached = [tagger.marginals(example.text) for example in examples]
    gold = [[(s.start, s.end, s.label) for s in example.spans or ()] for example in examples]
    scores = {}
    for threshold in SPAN_THRESHOLDS:
        predicted = [
            [
                (span.start, span.end, span.label)
                for tokens, marginals in chunks
                for label, (inside, begin) in marginals.items()
                for span in decode(tokens, inside, begin, label, threshold)
            ]
            for chunks in cached
        ]
        scores[threshold] = span_scores(gold, predicted).micro_f1
    best = max(scores, key=scores.get)
    return best, scores[best]


def train_span_tagger(
    train: Sequence[Example],
    dev: Sequence[Example] | None = None,
    min_spans: int = 15,
    c1: float = 0.0,
    c2: float = 0.3,
    max_iterations: int = 150,
    progress: Progress = _no_progress,
) -> tuple[SpanTagger, dict]:
    """Fit one CRF per technique with at least `min_spans` spans; tune the threshold; refit on everything.

    The threshold is tuned on `dev` when given, otherwise on a held-out fifth of `train`.
    """
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True}
    if dev:
        fit, tuning = list(train), list(dev)
    else:
        order = np.random.default_rng(13).permutation(len(train))
        cut = max(1, int(len(train) * HOLDOUT))
        tuning, fit = [train[i] for i in order[:cut]], [train[i] for i in order[cut:]]
    every = list(train) + list(dev or ())
    labels = _frequent_labels(every, min_spans)
    progress("CRFs for tuning", 0, 2)
    tagger = _fit_crfs(fit, labels, params)
    threshold, tuned_f1 = tune_threshold(tagger, tuning)
    progress("CRFs on all data", 1, 2)
    final = _fit_crfs(every, labels, params)
    final.threshold = threshold
    progress("CRFs", 2, 2)
    report = {
        "tuned_on": "dev" if dev else f"a held-out {HOLDOUT:.0%} of train",
        "threshold": threshold,
        "tuning_span_f1": round(tuned_f1, 4),
        "params": params,
    }
    return final, report


def _frequent_labels(examples: Sequence[Example], min_spans: int) -> list[str]:
    counts = Counter(span.label for example in examples for span in example.spans or ())
    return sorted(label for label, count in counts.items() if count >= min_spans)


def _fit_crfs(examples: Sequence[Example], labels: Sequence[str], params: dict) -> SpanTagger:
    sequences = [
        (example.aligned_spans(), tokens, token_keys(example.text, tokens))
        for example in examples
        for tokens in sentence_tokens(example.text)
    ]
    models: dict[str, bytes] = {}
    counts = Counter(span.label for example in examples for span in example.aligned_spans())
    with tempfile.TemporaryDirectory(prefix="marsad-crf-") as folder:
        for label in labels:
            trainer = pycrfsuite.Trainer(verbose=False)
            trainer.set_params(params)
            for spans, tokens, features in sequences:
                chosen = [(s.start, s.end) for s in spans if s.label == label]
                trainer.append(features, bio_tags(tokens, chosen))
            path = Path(folder) / f"{len(models)}.crfsuite"
            trainer.train(str(path))
            models[label] = path.read_bytes()
    return SpanTagger(models, params, {label: counts[label] for label in labels})
