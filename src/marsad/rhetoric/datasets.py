"""Readers for the public labelled data sets of persuasion techniques and emotions.

These are training and evaluation data, not documents to analyse, so they live
here and not in `ingest/`.  One function, `read_dataset`, recognises the format
from the file itself:

* document level, binary: ArAIEval 2023 task 1A (`{id, text, label: "true"|"false"}`),
  ArMPro binary (`{paragraph_id, paragraph, label}`);
* document level, multi-label: ArAIEval 2023 task 1B (`{id, text, labels: [...]}`),
  ArMPro multilabel, WANLP 2022 task 1 (a JSON list, its own label names);
* spans: ArAIEval 2024 task 1 (`{id, text, labels: [{start, end, technique, text}]}`),
  ArMPro span, WANLP 2022 task 2 (a JSON list; fragments under `text` or `text_fragment`);
* emotions: the emotional-tone CSV (`ID, TWEET, LABEL`).

Technique labels are mapped to the ArAIEval names (resources/rhetoric/label_schemes.tsv);
a text with no technique has no labels (never a `no_technique` label).  Span
offsets are kept exactly as the file gives them (the official scorers use them);
`Example.aligned_spans()` repairs the few whose offsets disagree with their text,
for training only.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, MarsadError
from ..text import normalize

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "rhetoric"
NO_TECHNIQUE = "no_technique"

BINARY = "binary"
MULTILABEL = "multilabel"
SPANS = "spans"
EMOTIONS = "emotions"

ARAIEVAL = "araieval"
WANLP2022 = "wanlp2022"
EMOTIONAL_TONE = "emotional-tone"

EMOTION_LABELS = ("anger", "fear", "joy", "love", "sadness", "surprise", "sympathy", "none")
# The documented held-back split of the emotional-tone data (docs/conventions.md).
EMOTION_TEST_MODULUS = 5


@dataclass(frozen=True)
class SpanLabel:
    start: int
    end: int
    label: str
    text: str  # the fragment as the file gives it


@dataclass(frozen=True)
class Example:
    """One labelled text.  Which fields are set depends on the data set's task."""

    id: str
    text: str
    labels: tuple[str, ...] | None = None  # multilabel and spans: techniques present (ArAIEval names)
    spans: tuple[SpanLabel, ...] | None = None  # spans only
    persuasive: bool | None = None  # every technique task: does the text use any technique?
    emotion: str | None = None  # emotions only
    kind: str | None = None  # tweet | paragraph, when the file says

    def aligned_spans(self) -> tuple[SpanLabel, ...]:
        """The spans with offsets moved onto their fragment where the file's offsets are off."""
        return tuple(_align(self.text, span) for span in self.spans or ())


@dataclass(frozen=True)
class Dataset:
    name: str  # "<folder>/<file>", e.g. "araieval2023_task1/task1B_test.jsonl"
    path: Path
    task: str  # binary | multilabel | spans | emotions
    scheme: str  # araieval | wanlp2022 | emotional-tone
    examples: tuple[Example, ...] = field(repr=False)

    @property
    def label_set(self) -> tuple[str, ...]:
        """The labels the data set's official scorer counts, in ArAIEval names (with no_technique)."""
        if self.task == EMOTIONS:
            return EMOTION_LABELS
        if self.task == BINARY:
            return ("true", "false")
        return scheme_labels(self.scheme)

    def __len__(self) -> int:
        return len(self.examples)


# ---------------------------------------------------------------- taxonomy


@lru_cache(maxsize=1)
def _taxonomy() -> dict[str, dict[str, str]]:
    schemes: dict[str, dict[str, str]] = {}
    for line in (RESOURCES / "label_schemes.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        scheme, label, araieval = line.split("\t")
        schemes.setdefault(scheme, {})[label] = araieval
    return schemes


def araieval_name(label: str) -> str | None:
    """The ArAIEval name of a label written in any known scheme, or None."""
    for scheme in (ARAIEVAL, WANLP2022):
        if label in _taxonomy()[scheme]:
            return _taxonomy()[scheme][label]
    return None


def scheme_labels(scheme: str) -> tuple[str, ...]:
    """A scheme's labels in ArAIEval names, no_technique included, in file order."""
    return tuple(_taxonomy()[scheme].values())


def technique_labels() -> tuple[str, ...]:
    """The ArAIEval techniques (without no_technique)."""
    return tuple(label for label in scheme_labels(ARAIEVAL) if label != NO_TECHNIQUE)


def _scheme_of(labels: Iterable[str]) -> str:
    labels = set(labels)
    for scheme in (ARAIEVAL, WANLP2022):
        if labels <= _taxonomy()[scheme].keys():
            return scheme
    return ARAIEVAL


def _map_label(label: str, scheme: str, path: Path) -> str:
    try:
        return _taxonomy()[scheme][label]
    except KeyError:
        raise MarsadError(Errors.M222, path=path, label=label) from None


# ---------------------------------------------------------------- overlaps

_NOISE = re.compile(r"https?://\S+|\bLINK\b|\bURL\b|@\w+|\bRT\b")
_NOT_WORD = re.compile(r"[\W_]+")


def overlap_key(text: str) -> str:
    """A key equal for two copies of the same text in different data sets.

    The sets reprint each other's tweets with links replaced by «LINK», mentions
    dropped, spacing and hamza forms changed; the key ignores all of that.
    """
    return _NOT_WORD.sub("", normalize(_NOISE.sub(" ", text)))


def without_overlaps(examples: Iterable[Example], exclude: Iterable[str]) -> list[Example]:
    """`examples` minus those whose text is in `exclude` (overlap keys), and minus repeats."""
    seen = set(exclude)
    kept: list[Example] = []
    for example in examples:
        key = overlap_key(example.text)
        if key in seen:
            continue
        seen.add(key)
        kept.append(example)
    return kept


def is_test_split(path: Path) -> bool:
    """A file whose name says it is a test split (`task1A_test.jsonl`, `task1_dev_test.json`)."""
    return "test" in re.split(r"[^a-z0-9]+", path.stem.lower())


# ---------------------------------------------------------------- reading


def read_dataset(path: Path | str) -> Dataset:
    """Read any supported labelled file; raises MarsadError (M001, M220, M221, M222)."""
    path = Path(path)
    if not path.is_file():
        raise MarsadError(Errors.M001, path=path)
    name = dataset_name(path)
    if path.suffix.lower() == ".csv":
        return Dataset(name, path, EMOTIONS, EMOTIONAL_TONE, tuple(_read_emotions(path)))
    records = list(_records(path))
    if not records:
        raise MarsadError(Errors.M220, path=path, reason="no records")
    task = _task_of(path, records)
    scheme = _scheme_of(_raw_labels(records, task))
    examples = tuple(_example(path, line, record, task, scheme) for line, record in records)
    return Dataset(name, path, task, scheme, examples)


def dataset_name(path: Path) -> str:
    """The path below `external/` when the file is in the shared data folder, else folder/file."""
    parts = path.resolve().parts
    if "external" in parts[:-1]:
        return "/".join(parts[len(parts) - parts[::-1].index("external") :])
    return "/".join(parts[-2:])


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            raise MarsadError(Errors.M220, path=path, reason=f"invalid JSON: {error}") from None
        for index, item in enumerate(items, start=1):
            yield index, _as_object(path, index, item)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise MarsadError(Errors.M221, path=path, line=number, reason=f"invalid JSON: {error.msg}") from None
        yield number, _as_object(path, number, item)


def _as_object(path: Path, line: int, item: object) -> dict:
    if not isinstance(item, dict):
        raise MarsadError(Errors.M221, path=path, line=line, reason="not a JSON object")
    return item


def _task_of(path: Path, records: list[tuple[int, dict]]) -> str:
    if all("label" in record for _, record in records):
        return BINARY
    labels = [record.get("labels") for _, record in records]
    if not all(isinstance(item, list) for item in labels):
        raise MarsadError(Errors.M220, path=path, reason="records need `label` or a `labels` list")
    if any(isinstance(item, dict) for item_list in labels for item in item_list):
        return SPANS
    names = {str(item) for item_list in labels for item in item_list}
    if names and names <= _COARSE and names != {NO_TECHNIQUE}:
        raise MarsadError(
            Errors.M220, path=path, reason="ArMPro coarse classes are not techniques; use the multilabel or span file"
        )
    return MULTILABEL


_COARSE = {"Manipulative_Wording", "Reputation", "Justification", "Simplification", "Call", "Distraction", NO_TECHNIQUE}


def _raw_labels(records: list[tuple[int, dict]], task: str) -> set[str]:
    if task == BINARY:
        return set()
    found: set[str] = set()
    for _, record in records:
        for item in record.get("labels") or ():
            found.add(item.get("technique", "") if isinstance(item, dict) else str(item))
    return found


def _example(path: Path, line: int, record: dict, task: str, scheme: str) -> Example:
    text = record.get("text", record.get("paragraph"))
    if not isinstance(text, str):
        raise MarsadError(Errors.M221, path=path, line=line, reason="no `text` (or `paragraph`) string")
    identifier = str(record.get("id", record.get("paragraph_id", line)))
    kind = record.get("type")
    if task == BINARY:
        value = str(record["label"]).strip().lower()
        if value not in ("true", "false"):
            raise MarsadError(Errors.M221, path=path, line=line, reason=f"label {value!r} is not true/false")
        return Example(identifier, text, persuasive=value == "true", kind=kind)
    if task == MULTILABEL:
        labels = _technique_set((_map_label(str(label), scheme, path) for label in record["labels"]))
        return Example(identifier, text, labels=labels, persuasive=bool(labels), kind=kind)
    spans = tuple(_span(path, line, text, item, scheme) for item in record["labels"])
    labels = _technique_set(span.label for span in spans)
    return Example(identifier, text, labels=labels, spans=spans, persuasive=bool(spans), kind=kind)


def _technique_set(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({label for label in labels if label != NO_TECHNIQUE}))


def _span(path: Path, line: int, text: str, item: dict, scheme: str) -> SpanLabel:
    try:
        start, end = int(item["start"]), int(item["end"])
        label = _map_label(str(item["technique"]), scheme, path)
    except (KeyError, TypeError, ValueError) as error:
        raise MarsadError(Errors.M221, path=path, line=line, reason=f"span without {error}") from None
    if not 0 <= start < end:
        raise MarsadError(Errors.M221, path=path, line=line, reason=f"span {start}-{end} is empty or negative")
    # A few official spans end past the text; they are kept as given, since the
    # official scorers count them that way (aligned_spans() repairs them for training).
    fragment = item.get("text", item.get("text_fragment", text[start:end]))
    return SpanLabel(start, end, label, str(fragment))


def _align(text: str, span: SpanLabel) -> SpanLabel:
    """Move a span onto the nearest occurrence of its fragment when the offsets are off."""
    if text[span.start : span.end] == span.text:
        return span
    fragment = span.text.strip()
    found = [match.start() for match in re.finditer(re.escape(fragment), text)] if fragment else []
    if not found:
        end = min(span.end, len(text))
        return replace(span, end=end, text=text[span.start : end])
    start = min(found, key=lambda at: abs(at - span.start))
    return replace(span, start=start, end=start + len(fragment), text=fragment)


# ---------------------------------------------------------------- emotions


def _read_emotions(path: Path) -> Iterator[Example]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [cell.strip().upper() for cell in next(reader, [])]
        if header[:3] != ["ID", "TWEET", "LABEL"]:
            raise MarsadError(Errors.M220, path=path, reason="a CSV needs the header ID, TWEET, LABEL")
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) < 3:
                raise MarsadError(Errors.M221, path=path, line=number, reason="fewer than 3 columns")
            label = row[2].strip().lower()
            if label not in EMOTION_LABELS:
                raise MarsadError(Errors.M221, path=path, line=number, reason=f"unknown emotion {label!r}")
            yield Example(row[0].strip(), row[1], emotion=label)


def emotion_split(example: Example) -> str:
    """`test` for the held-back tweets (ID a multiple of 5), else `train`."""
    try:
        return "test" if int(example.id) % EMOTION_TEST_MODULUS == 0 else "train"
    except ValueError:
        return "train"


def emotion_part(dataset: Dataset, part: str) -> list[Example]:
    """The `train` or `test` part of an emotions data set (docs/conventions.md, Data splits)."""
    return [example for example in dataset.examples if emotion_split(example) == part]
