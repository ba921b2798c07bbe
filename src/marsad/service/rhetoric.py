"""Training and scoring the rhetoric systems: the facade behind `marsad train` and `marsad eval`.

Systems compared on a labelled file:

* `majority`: the most frequent answer in the training data (from the model's
  manifest, from `--train` files, or failing both from the evaluation file itself,
  which the result then says).  Documents: the most frequent label (task 1A: the
  most frequent class); spans: the whole text as one span of the most frequent
  span technique; emotions: the most frequent emotion.
* `lexicon`: the pipeline's `rhetoric` analyser (lexicons and patterns); its
  technique spans become document labels where the task is document level.
* `model`: a model directory made by `marsad train`.

Scores use the official metrics (`marsad.rhetoric.metrics`), restricted to the
labels of the evaluated data set's own scheme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, MarsadError
from ..model import Document
from ..pipeline import REGISTRY
from ..rhetoric import store
from ..rhetoric.datasets import (
    BINARY,
    EMOTION_LABELS,
    EMOTIONS,
    MULTILABEL,
    NO_TECHNIQUE,
    SPANS,
    Dataset,
    Example,
    emotion_part,
    is_test_split,
    read_dataset,
)
from ..rhetoric.metrics import Scores, multilabel_scores, single_label_scores, span_scores
from .analysis import pipeline_for

Progress = Callable[[str, int, int], None]
LEXICON_ANALYSER = "rhetoric"
SYSTEMS = ("majority", "lexicon", "model")


def _no_progress(step: str, done: int, total: int) -> None:
    pass


# ---------------------------------------------------------------- training


def _read_training(paths: Sequence[Path], allow_test_split: bool) -> list[Dataset]:
    datasets = []
    for path in paths:
        if is_test_split(Path(path)) and not allow_test_split:
            raise MarsadError(Errors.M223, path=path)
        datasets.append(read_dataset(path))
    return datasets


def train_techniques_model(
    data: Sequence[Path],
    out: Path,
    dev: Sequence[Path] = (),
    exclude: Sequence[Path] = (),
    allow_test_split: bool = False,
    progress: Progress = _no_progress,
) -> dict[str, Any]:
    """Fit the techniques part into `out` (other parts there are kept); returns its manifest entry."""
    train_sets = _read_training(data, allow_test_split)
    dev_sets = _read_training(dev, allow_test_split)
    exclude_sets = [read_dataset(path) for path in exclude]
    from ..rhetoric.training import train_techniques  # scikit-learn loads only when training

    payload, description = train_techniques(train_sets, dev_sets, exclude_sets, progress)
    store.save_part(Path(out), store.TECHNIQUES, payload, description)
    return store.read_manifest(Path(out))["parts"][store.TECHNIQUES]


def train_emotions_model(
    data: Sequence[Path], out: Path, dev: Sequence[Path] = (), progress: Progress = _no_progress
) -> dict[str, Any]:
    """Fit the emotions part into `out` from the train part of emotional-tone CSVs."""
    from ..rhetoric.training import train_emotions

    model, description = train_emotions([read_dataset(p) for p in data], [read_dataset(p) for p in dev], progress)
    store.save_part(Path(out), store.EMOTIONS, model, description)
    return store.read_manifest(Path(out))["parts"][store.EMOTIONS]


# ---------------------------------------------------------------- evaluation


@dataclass
class Evaluation:
    dataset: str
    task: str
    system: str
    scores: Scores
    note: str = ""

    @property
    def metric(self) -> str:
        return {
            BINARY: "micro-F1 (= accuracy)",
            MULTILABEL: "micro-F1",
            SPANS: "span micro-F1 (partial overlap)",
            EMOTIONS: "accuracy",
        }[self.task]

    @property
    def official(self) -> float:
        return self.scores.accuracy if self.task == EMOTIONS else self.scores.micro_f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "task": self.task,
            "system": self.system,
            "metric": self.metric,
            "official": round(self.official, 4),
            **{name: round(value, 4) for name, value in self.scores.headline().items()},
            "count": self.scores.count,
            "per_label": {
                label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4), "support": s.support}
                for label, s in self.scores.per_label.items()
            },
            "note": self.note,
        }


def lexicon_available() -> bool:
    return LEXICON_ANALYSER in REGISTRY


def default_systems(model_dir: Path | None) -> list[str]:
    systems = ["majority"]
    if lexicon_available():
        systems.append("lexicon")
    if model_dir is not None:
        systems.append("model")
    return systems


def _check_systems(systems: Sequence[str], model_dir: Path | None) -> None:
    for system in systems:
        if system not in SYSTEMS:
            raise MarsadError(Errors.M006, names=system, available=", ".join(SYSTEMS))
        if system == "lexicon" and not lexicon_available():
            raise MarsadError(Errors.M227)
        if system == "model" and model_dir is None:
            raise MarsadError(Errors.M232, what="--system model")


def evaluate(
    data: Path,
    systems: Sequence[str] | None = None,
    model_dir: Path | None = None,
    train: Sequence[Path] = (),
    expect: str | None = None,
    progress: Progress = _no_progress,
) -> list[Evaluation]:
    """Score each system on a labelled file (`expect`: "techniques" or "emotions", to refuse the other kind)."""
    systems = list(systems) if systems else default_systems(model_dir)
    _check_systems(systems, model_dir)
    dataset = read_dataset(data)
    if expect == "techniques" and dataset.task == EMOTIONS:
        raise MarsadError(Errors.M230, path=data, task=dataset.task, command="marsad eval techniques", hint="Use `marsad eval emotions`.")
    if expect == "emotions" and dataset.task != EMOTIONS:
        raise MarsadError(Errors.M230, path=data, task=dataset.task, command="marsad eval emotions", hint="Use `marsad eval techniques`.")
    model = store.load_model(model_dir) if model_dir is not None else None
    examples = emotion_part(dataset, "test") if dataset.task == EMOTIONS else list(dataset.examples)
    results = []
    for system in systems:
        predictor = _PREDICTORS[system]
        predictions, note = predictor(dataset, examples, model=model, train=train, progress=progress)
        results.append(Evaluation(dataset.name, dataset.task, system, _score(dataset, examples, predictions), note))
    return results


def _score(dataset: Dataset, examples: Sequence[Example], predictions: list) -> Scores:
    if dataset.task == BINARY:
        gold = ["true" if e.persuasive else "false" for e in examples]
        return single_label_scores(gold, ["true" if p else "false" for p in predictions], ("true", "false"))
    if dataset.task == MULTILABEL:
        gold = [e.labels or (NO_TECHNIQUE,) for e in examples]
        return multilabel_scores(gold, [_in_scheme(p, dataset) for p in predictions], dataset.label_set)
    if dataset.task == SPANS:
        gold = [[(s.start, s.end, s.label) for s in e.spans or ()] for e in examples]
        known = set(dataset.label_set)
        predicted = [[span for span in p if span[2] in known] for p in predictions]
        return span_scores(gold, predicted, [label for label in dataset.label_set if label != NO_TECHNIQUE])
    return single_label_scores([e.emotion for e in examples], predictions, EMOTION_LABELS)


def _in_scheme(labels: Sequence[str], dataset: Dataset) -> tuple[str, ...]:
    kept = tuple(label for label in labels if label in dataset.label_set and label != NO_TECHNIQUE)
    return kept or (NO_TECHNIQUE,)


# ------------------------------------------------------------ majority


@dataclass
class _Counts:
    documents: Counter = field(default_factory=Counter)  # label -> texts
    spans: Counter = field(default_factory=Counter)  # technique -> spans
    persuasive: Counter = field(default_factory=Counter)  # True/False -> texts
    emotions: Counter = field(default_factory=Counter)
    source: str = ""


def _training_counts(dataset: Dataset, model, train: Sequence[Path]) -> _Counts:
    counts = _Counts()
    if train:
        examples = [e for path in train for e in _train_part(read_dataset(path))]
        counts.source = "the --train files"
    elif model is not None and model.parts:
        return _manifest_counts(model)
    else:
        examples = _train_part(dataset)
        counts.source = (
            "the file's train part"
            if dataset.task == EMOTIONS
            else "the evaluated file itself (give --train for a fair baseline)"
        )
    for example in examples:
        if example.labels is not None:
            counts.documents.update(example.labels or (NO_TECHNIQUE,))
        if example.persuasive is not None:
            counts.persuasive[example.persuasive] += 1
        counts.spans.update(span.label for span in example.spans or ())
        if example.emotion:
            counts.emotions[example.emotion] += 1
    return counts


def _train_part(dataset: Dataset) -> list[Example]:
    return emotion_part(dataset, "train") if dataset.task == EMOTIONS else list(dataset.examples)


def _manifest_counts(model) -> _Counts:
    counts = _Counts(source=f"the training data of model {model.name}")
    techniques = model.parts.get(store.TECHNIQUES, {})
    counts.documents.update(techniques.get("label_counts", {}))
    rate = techniques.get("persuasive_rate")
    if rate is not None:
        counts.persuasive.update({True: rate, False: 1 - rate})
    counts.spans.update(techniques.get("span_counts", {}))
    counts.emotions.update(model.parts.get(store.EMOTIONS, {}).get("label_counts", {}))
    return counts


def _predict_majority(dataset: Dataset, examples: Sequence[Example], model, train, progress) -> tuple[list, str]:
    counts = _training_counts(dataset, model, train)
    note = f"majority of {counts.source}"
    if dataset.task == BINARY:
        answer = (counts.persuasive or Counter({True: 1})).most_common(1)[0][0]
        return [answer] * len(examples), f"{note}: always {'true' if answer else 'false'}"
    if dataset.task == MULTILABEL:
        known = [label for label, _ in counts.documents.most_common() if label in dataset.label_set]
        answer = known[0] if known else NO_TECHNIQUE
        return [(answer,)] * len(examples), f"{note}: always {answer}"
    if dataset.task == SPANS:
        spans = counts.spans or Counter({label: n for label, n in counts.documents.items() if label != NO_TECHNIQUE})
        answer = spans.most_common(1)[0][0] if spans else "Loaded_Language"
        predictions = [[(0, len(e.text), answer)] if e.text else [] for e in examples]
        return predictions, f"{note}: the whole text as one {answer} span"
    answer = counts.emotions.most_common(1)[0][0] if counts.emotions else "none"
    return [answer] * len(examples), f"{note}: always {answer}"


# ------------------------------------------------------------ lexicon


def _predict_lexicon(dataset: Dataset, examples: Sequence[Example], model, train, progress) -> tuple[list, str]:
    pipeline = pipeline_for([LEXICON_ANALYSER])
    predictions = []
    for done, example in enumerate(examples):
        progress("lexicon", done, len(examples))
        rhetoric = pipeline(Document(example.id, "", example.text)).rhetoric
        spans = [(t.start, t.end, t.label) for t in rhetoric.techniques]
        if dataset.task == BINARY:
            predictions.append(bool(spans))
        elif dataset.task == MULTILABEL:
            predictions.append(tuple(sorted({label for _, _, label in spans})))
        elif dataset.task == SPANS:
            predictions.append(spans)
        else:
            predictions.append(_top_emotion(rhetoric.emotions))
    return predictions, "the `rhetoric` analyser's lexicons and patterns"


def _top_emotion(emotions: dict[str, float]) -> str:
    """The lexicon's most probable label of the eight (`none` wins ties and empty distributions)."""
    scored = {label: score for label, score in emotions.items() if label in EMOTION_LABELS}
    return max(["none", *scored], key=lambda label: (scored.get(label, 0.0), label == "none"))


# ------------------------------------------------------------ model


def _predict_model(dataset: Dataset, examples: Sequence[Example], model, train, progress) -> tuple[list, str]:
    texts = [e.text for e in examples]
    note = f"model {model.name}"
    if dataset.task == EMOTIONS:
        model.require(store.EMOTIONS)
        return model.emotions.predict(texts), note
    model.require(store.TECHNIQUES)
    if dataset.task == SPANS or model.document is None:
        if model.spans is None:
            raise MarsadError(Errors.M226, path=model.path, component="span", command="techniques (with span data)")
        spans = []
        for done, text in enumerate(texts):
            progress("model", done, len(texts))
            spans.append([(s.start, s.end, s.label) for s in model.spans.predict(text)])
        if dataset.task == SPANS:
            return spans, note
        if dataset.task == BINARY:
            return [bool(found) for found in spans], f"{note} (span part: any span)"
        return [tuple(sorted({label for _, _, label in found})) for found in spans], f"{note} (span part)"
    predictions = model.document.predict(texts)
    if dataset.task == BINARY:
        return [p.is_persuasive for p in predictions], note
    return [tuple(p.labels) for p in predictions], note


_PREDICTORS = {"majority": _predict_majority, "lexicon": _predict_lexicon, "model": _predict_model}
