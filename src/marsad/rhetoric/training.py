"""Fitting the trainable rhetoric models from labelled data sets.

`train_techniques` takes any mix of the public formats: span data trains the CRF
span tagger (and, through the techniques it contains, the document classifier
too); document data trains the document classifier; binary data trains only its
"any technique" head.  Texts that also appear in a `--dev` or `--exclude` set are
dropped from training (the public sets reprint each other's texts; see
`datasets.overlap_key`), and so are repeats.  When there is span data, the span
tagger's per-document evidence becomes part of the document features.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import Errors, MarsadError
from .datasets import BINARY, EMOTIONS, MULTILABEL, NO_TECHNIQUE, SPANS, Dataset, Example, emotion_part, overlap_key, without_overlaps
from .doc_classifier import train_document_classifier
from .emotion_classifier import train_emotion_classifier
from .span_tagger import train_span_tagger

Progress = Callable[[str, int, int], None]
TECHNIQUE_TASKS = (BINARY, MULTILABEL, SPANS)


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def _check_task(datasets: Sequence[Dataset], allowed: Sequence[str], command: str, hint: str) -> None:
    for dataset in datasets:
        if dataset.task not in allowed:
            raise MarsadError(Errors.M230, path=dataset.path, task=dataset.task, command=command, hint=hint)


def _keys(datasets: Sequence[Dataset]) -> set[str]:
    return {overlap_key(example.text) for dataset in datasets for example in dataset.examples}


def _describe(datasets: Sequence[Dataset], kept: Sequence[Example]) -> list[dict[str, Any]]:
    kept_ids = {id(example) for example in kept}
    return [
        {
            "name": dataset.name,
            "task": dataset.task,
            "scheme": dataset.scheme,
            "examples": len(dataset),
            "used": sum(id(example) in kept_ids for example in dataset.examples),
        }
        for dataset in datasets
    ]


def _richest_first(datasets: Sequence[Dataset]) -> list[Example]:
    """Every example, span-labelled ones first, then multi-label, then binary.

    A text in several sets is kept once (`without_overlaps` keeps the first copy), and
    the copy with spans teaches both the span tagger and the document classifier.
    """
    rank = {SPANS: 0, MULTILABEL: 1, BINARY: 2}
    ordered = sorted(datasets, key=lambda dataset: rank.get(dataset.task, 3))
    return [example for dataset in ordered for example in dataset.examples]


def label_counts(examples: Sequence[Example]) -> dict[str, int]:
    """Document-level label counts (no_technique included), for the majority baseline."""
    counts: Counter[str] = Counter()
    for example in examples:
        if example.labels is not None:
            counts.update(example.labels or (NO_TECHNIQUE,))
    return dict(counts.most_common())


def train_techniques(
    train: Sequence[Dataset],
    dev: Sequence[Dataset] = (),
    exclude: Sequence[Dataset] = (),
    progress: Progress = _no_progress,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The techniques part of a model ({"document", "spans"}) and its manifest description."""
    hint = "Use `marsad train emotions` for the emotional-tone CSV."
    _check_task([*train, *dev], TECHNIQUE_TASKS, "marsad train techniques", hint)
    dev_examples = without_overlaps(_richest_first(dev), _keys(exclude))
    examples = without_overlaps(_richest_first(train), _keys(exclude) | _keys(dev))
    if not examples:
        raise MarsadError(Errors.M229, what="techniques", reason="every training text is also in --dev or --exclude")
    span_train = [e for e in examples if e.spans is not None]
    span_dev = [e for e in dev_examples if e.spans is not None]
    reports: dict[str, Any] = {}
    tagger = None
    if span_train:
        tagger, reports["spans"] = train_span_tagger(span_train, span_dev or None, progress=_prefixed(progress, "spans"))
    document, reports["document"] = train_document_classifier(
        examples, dev_examples or None, tagger, progress=_prefixed(progress, "documents")
    )
    description = {
        "document_labels": document.labels,
        "span_labels": tagger.labels if tagger else [],
        "span_counts": dict(Counter(s.label for e in span_train for s in e.spans or ()).most_common()),
        "uses_span_evidence": tagger is not None,
        "training_data": _describe(train, examples),
        "dev_data": _describe(dev, dev_examples),
        "excluded": [{"name": d.name, "examples": len(d)} for d in exclude],
        "label_counts": label_counts(examples),
        "persuasive_rate": round(sum(bool(e.persuasive) for e in examples) / len(examples), 4),
        "tuning": reports,
    }
    return {"document": document, "spans": tagger}, description


def train_emotions(
    train: Sequence[Dataset], dev: Sequence[Dataset] = (), progress: Progress = _no_progress
) -> tuple[Any, dict[str, Any]]:
    """The emotions part of a model and its description; only the train part of each CSV is used."""
    hint = "Use `marsad train techniques` for persuasion-technique data."
    _check_task([*train, *dev], (EMOTIONS,), "marsad train emotions", hint)
    examples = [e for d in train for e in emotion_part(d, "train")]
    dev_examples = [e for d in dev for e in emotion_part(d, "train")] or None
    if not examples:
        raise MarsadError(Errors.M229, what="emotions", reason="no tweets in the train part (ID not a multiple of 5)")
    model, report = train_emotion_classifier(examples, dev_examples, progress=_prefixed(progress, "emotions"))
    description = {
        "labels": model.labels,
        "training_data": [
            {"name": d.name, "task": d.task, "examples": len(d), "used": len(emotion_part(d, "train"))} for d in train
        ],
        "split": "train part only: tweets whose ID is not a multiple of 5 (docs/conventions.md)",
        "label_counts": dict(Counter(e.emotion for e in examples).most_common()),
        "tuning": report,
    }
    return model, description


def _prefixed(progress: Progress, prefix: str) -> Progress:
    return lambda step, done, total: progress(f"{prefix}: {step}", done, total)
