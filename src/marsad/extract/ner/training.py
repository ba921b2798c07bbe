"""Training a CRF model directory: choose c1/c2 on a dev split, fit, write the manifest.

The dev split is the user's `--dev` file, or else the last `DEV_FRACTION` of each
training file's sentences (news corpora are in article order, so the carved part holds
articles the fit never saw, like a test split would).  Every (c1, c2) of the grid is
fitted on train and scored on dev (entity-level micro F1).

Then, unless `stack_folds` is 0, a second pass (document.py) is trained on the
best c1/c2: the first pass tags the training sentences by `stack_folds`-fold
cross-validation (contiguous blocks, so a block's articles are unseen by the model
that tags them), and the dev sentences with the model fitted on all of train, exactly
as unseen text will be tagged.  The second pass is kept only if it beats the first on
dev.  Finally the chosen passes are refitted on all the training data (train + carved
dev; a given --dev file is never trained on).

A CRF learns IOB2 tags, or BIOES with `scheme` (S- for one-token names, E- for name
ends); it answers in IOB2 either way.  BIOES did not help on ANERcorp's carved dev
(first pass 0.675 vs 0.676, second 0.689 vs 0.701), so IOB2 is the default.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ...errors import Errors, MarsadError
from ..scoring import OVERALL, Scores
from .clusters import CLUSTERS_FILE, ClusterFeatures
from .conll import ConllCorpus, ConllSource, LabelledSentence
from .crf import CrfTagger, Featurised, Hyperparameters, featurise, fit, with_document_features
from .document import DocumentFeatures
from .evaluation import score_tagged
from .features import Featuriser
from .model_dir import FIRST_PASS_FILE, FORMAT, MODEL_FILE, write_manifest
from .tags import TYPES

DEV_FRACTION = 0.1
DEFAULT_C1 = (0.05, 0.2)
DEFAULT_C2 = (0.01, 0.1)
DEFAULT_MAX_ITERATIONS = 150
DEFAULT_STACK_FOLDS = 5
DEFAULT_SCHEME = "IOB2"
MIN_SENTENCES = 20
SEARCH_DIR = ".search"

# (stage, done, total): stages are "features", "search c1=… c2=…", "first pass, fold i/k",
# "second pass", "final fit …".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TrainingPlan:
    train: Sequence[ConllCorpus]
    dev: Sequence[ConllCorpus] = ()
    c1: Sequence[float] = DEFAULT_C1
    c2: Sequence[float] = DEFAULT_C2
    max_iterations: int = DEFAULT_MAX_ITERATIONS
    stack_folds: int = DEFAULT_STACK_FOLDS  # 0: one pass only
    scheme: str = DEFAULT_SCHEME  # tags the CRF learns: BIOES or IOB2


@dataclass
class Trial:
    params: Hyperparameters
    scores: Scores
    seconds: float
    predicted: list[list[str]] = field(default_factory=list, repr=False)  # dev tags

    def to_dict(self) -> dict:
        return {**self.params.to_dict(), "dev": scores_to_dict(self.scores), "seconds": round(self.seconds, 1)}


@dataclass
class TrainingResult:
    manifest: dict
    trials: list[Trial] = field(default_factory=list)
    second_pass: Trial | None = None  # the two-pass model on dev, when one was trained

    @property
    def best(self) -> Trial:
        return max(self.trials, key=lambda trial: trial.scores[OVERALL].f1)

    @property
    def two_passes(self) -> bool:
        """Whether the saved model has a second pass (it beat the first on dev)."""
        second = self.second_pass
        return second is not None and second.scores[OVERALL].f1 > self.best.scores[OVERALL].f1

    @property
    def chosen_scores(self) -> Scores:
        return self.second_pass.scores if self.two_passes and self.second_pass else self.best.scores


def train_model(plan: TrainingPlan, out_dir: Path, featuriser: Featuriser, progress: Progress | None = None) -> TrainingResult:
    """Fit a model into `out_dir` (which must exist) and return its manifest and trials."""
    report = progress or (lambda stage, done, total: None)
    started = time.perf_counter()
    train, dev, carved = split_dev(plan)
    _check_trainable(train, dev)
    train_data = _featurise(train, featuriser, "features (train)", report)
    dev_data = _featurise(dev, featuriser, "features (dev)", report)
    search_dir = out_dir / SEARCH_DIR
    search_dir.mkdir(exist_ok=True)
    try:
        result = _search(plan, train_data, dev_data, search_dir, report)
        document = DocumentFeatures()
        if plan.stack_folds > 1:
            train_first = cross_validated_tags(train_data, result.best.params, plan.stack_folds, search_dir, report)
            train_doc = document.over_documents([s.tokens for s in train], train_first, [s.source for s in train])
            dev_doc = document.over_documents([s.tokens for s in dev], result.best.predicted, [s.source for s in dev])
            second_train = with_document_features(train_data, train_doc)
            second_dev = with_document_features(dev_data, dev_doc)
            result.second_pass = _trial(result.best.params, second_train, second_dev, search_dir / "second", "second pass", report)
        final_data = train_data + dev_data if carved else train_data
        stage = "final fit (train + carved dev)" if carved else "final fit (train)"
        fit(final_data, result.best.params, out_dir / MODEL_FILE, lambda done, total: report(stage, done, total))
        if result.two_passes:
            (out_dir / MODEL_FILE).rename(out_dir / FIRST_PASS_FILE)
            second_data = second_train + second_dev if carved else second_train
            stage = "final fit, second pass"
            fit(second_data, result.best.params, out_dir / MODEL_FILE, lambda done, total: report(stage, done, total))
    finally:
        shutil.rmtree(search_dir, ignore_errors=True)
    labels = CrfTagger(out_dir / MODEL_FILE, featuriser).labels
    data_files = _keep_data_files(featuriser, out_dir)
    result.manifest = _manifest(plan, featuriser, result, labels, train, dev, carved, time.perf_counter() - started)
    if result.two_passes:
        result.manifest["second_pass"] = {"file": MODEL_FILE, "first_pass_file": FIRST_PASS_FILE, "document": document.describe()}
    result.manifest["data_files"] = data_files
    write_manifest(out_dir, result.manifest)
    return result


def _search(plan: TrainingPlan, train_data, dev_data, search_dir: Path, report: Progress) -> TrainingResult:
    """One first-pass trial per (c1, c2) of the grid."""
    trials = []
    for c1 in plan.c1:
        for c2 in plan.c2:
            params = Hyperparameters(c1, c2, plan.max_iterations, plan.scheme)
            trials.append(_trial(params, train_data, dev_data, search_dir / f"c1={c1}_c2={c2}", f"search c1={c1:g} c2={c2:g}", report))
    return TrainingResult({}, trials)


def cross_validated_tags(
    data: Sequence[Featurised], params: Hyperparameters, folds: int, work_dir: Path, report: Progress
) -> list[list[str]]:
    """First-pass tags of every sentence from a model that never saw its block: `folds`
    contiguous blocks, each tagged by a fit on the others."""
    tags: list[list[str]] = [[] for _ in data]
    folds = max(2, min(folds, len(data)))
    for fold in range(folds):
        first, last = len(data) * fold // folds, len(data) * (fold + 1) // folds
        stage = f"first pass, fold {fold + 1}/{folds}"
        path = work_dir / f"fold{fold}.crfsuite"
        fit([*data[:first], *data[last:]], params, path, lambda done, total: report(stage, done, total))
        tagger = CrfTagger(path, None)
        for index in range(first, last):
            tags[index] = tagger.tag_featurised(data[index].features)
        path.unlink()
    return tags


def _keep_data_files(featuriser: Featuriser, out_dir: Path) -> dict[str, dict]:
    """Copy the sources' data files (word clusters) into the model directory."""
    kept = {}
    for source in featuriser.sources:
        if isinstance(source, ClusterFeatures) and source.path is not None:
            shutil.copyfile(source.path, out_dir / CLUSTERS_FILE)
            kept[CLUSTERS_FILE] = {"from": str(source.path), "sha256": _sha256(str(source.path)), "words": len(source.table)}
    return kept


def split_dev(plan: TrainingPlan) -> tuple[list[LabelledSentence], list[LabelledSentence], bool]:
    """(train sentences, dev sentences, whether dev was carved from train)."""
    if plan.dev:
        return _sentences(plan.train), _sentences(plan.dev), False
    train: list[LabelledSentence] = []
    dev: list[LabelledSentence] = []
    for corpus in plan.train:
        cut = len(corpus.sentences) - max(1, round(len(corpus.sentences) * DEV_FRACTION))
        train.extend(corpus.sentences[:cut])
        dev.extend(corpus.sentences[cut:])
    return train, dev, True


def _sentences(corpora: Sequence[ConllCorpus]) -> list[LabelledSentence]:
    return [sentence for corpus in corpora for sentence in corpus.sentences]


def _check_trainable(train: list[LabelledSentence], dev: list[LabelledSentence]) -> None:
    if len(train) < MIN_SENTENCES:
        raise MarsadError(Errors.M178, reason=f"only {len(train)} training sentences (at least {MIN_SENTENCES} needed)")
    if not any(tag != "O" for sentence in train for tag in sentence.tags):
        raise MarsadError(Errors.M178, reason="the training files tag no entity at all")
    if not dev:
        raise MarsadError(Errors.M178, reason="the dev split is empty")


def _featurise(sentences: list[LabelledSentence], featuriser: Featuriser, stage: str, report: Progress) -> list[Featurised]:
    data: list[Featurised] = []
    step = max(1, len(sentences) // 100)
    for start in range(0, len(sentences), step):
        data.extend(featurise(sentences[start : start + step], featuriser))
        report(stage, len(data), len(sentences))
    return data


def _trial(params, train_data, dev_data, path: Path, stage: str, report: Progress) -> Trial:
    """Fit on `train_data`, score on `dev_data` (the dev sentences' features and gold tags)."""
    started = time.perf_counter()
    model = path.parent / f"{path.name}.crfsuite"
    fit(train_data, params, model, lambda done, total: report(stage, done, total))
    tagger = CrfTagger(model, None)
    predicted = [tagger.tag_featurised(item.features) for item in dev_data]
    scores = score_tagged([item.tags for item in dev_data], predicted)
    model.unlink()
    return Trial(params, scores, time.perf_counter() - started, predicted)


def scores_to_dict(scores: Scores) -> dict[str, dict[str, float | int]]:
    ordered = [name for name in (*TYPES, OVERALL) if name in scores]
    return {
        name: {
            "precision": round(scores[name].precision, 4),
            "recall": round(scores[name].recall, 4),
            "f1": round(scores[name].f1, 4),
            "gold": scores[name].gold,
            "predicted": scores[name].predicted,
        }
        for name in ordered
    }


def _manifest(plan, featuriser, result: TrainingResult, labels, train, dev, carved: bool, seconds: float) -> dict:
    return {
        "format": FORMAT,
        "features": featuriser.signature,
        "labels": sorted(labels),
        "hyperparameters": result.best.params.to_dict(),
        "training_files": [_describe(corpus) for corpus in plan.train],
        "dev": {
            "source": "carved" if carved else "file",
            "fraction": DEV_FRACTION if carved else None,
            "files": [_describe(corpus) for corpus in plan.dev],
            "sentences": len(dev),
            "tokens": sum(len(sentence.tokens) for sentence in dev),
        },
        "trained_on": {
            "sentences": len(train) + (len(dev) if carved else 0),
            "tokens": sum(len(s.tokens) for s in train) + (sum(len(s.tokens) for s in dev) if carved else 0),
        },
        "passes": 2 if result.two_passes else 1,
        "metrics": {
            "dev": scores_to_dict(result.chosen_scores),
            "dev_first_pass": scores_to_dict(result.best.scores),
            **({"dev_second_pass": scores_to_dict(result.second_pass.scores)} if result.second_pass else {}),
        },
        "stack_folds": plan.stack_folds,
        "search": [trial.to_dict() for trial in result.trials],
        "seconds": round(seconds, 1),
        "trained_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "marsad_version": __version__,
    }


def _describe(corpus: ConllCorpus) -> dict:
    return {
        "path": corpus.source,
        "sha256": _sha256(corpus.source),
        "sentences": len(corpus.sentences),
        "tokens": corpus.token_count,
        "problems": corpus.problem_count,
    }


def _sha256(source: str) -> str | None:
    path = ConllSource.parse(source).path
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
