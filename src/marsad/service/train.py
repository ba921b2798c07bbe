"""Training statistical models from labelled files (`marsad train ...`)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from ..errors import Errors, MarsadError
from ..extract.ner.conll import ConllCorpus, read_conll
from ..extract.ner.features import default_featuriser
from ..extract.ner.model_dir import MANIFEST_FILE
from ..extract.ner.training import (
    DEFAULT_C1,
    DEFAULT_C2,
    DEFAULT_MAX_ITERATIONS,
    DEFAULT_SCHEME,
    DEFAULT_STACK_FOLDS,
    Progress,
    TrainingPlan,
    TrainingResult,
    train_model,
)


def parse_grid(value: str | None, option: str, default: Sequence[float]) -> tuple[float, ...]:
    """`"0.05,0.1"` -> (0.05, 0.1); MarsadError M179 on anything else."""
    if value is None or not value.strip():
        return tuple(default)
    try:
        numbers = tuple(float(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise MarsadError(Errors.M179, value=value, option=option) from None
    if not numbers or any(number < 0 for number in numbers):
        raise MarsadError(Errors.M179, value=value, option=option)
    return numbers


def read_corpora(specs: Sequence[str | Path]) -> list[ConllCorpus]:
    """Each `FILE` or `FILE:START-END` read as a CoNLL corpus."""
    return [read_conll(spec) for spec in specs]


def prepare_out_dir(out: Path, force: bool) -> None:
    """Create `out`; an existing non-empty one is replaced only with `force`, and only
    when it holds a Marsad model (never a directory of other files)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        is_model = out.is_dir() and (out / MANIFEST_FILE).is_file()
        if not (force and is_model):
            raise MarsadError(Errors.M177, path=out)
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def train_ner(
    conll: Sequence[str | Path],
    out: Path,
    dev: Sequence[str | Path] = (),
    c1: Sequence[float] = DEFAULT_C1,
    c2: Sequence[float] = DEFAULT_C2,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    force: bool = False,
    progress: Progress | None = None,
    clusters: Path | None = None,
    stack_folds: int = DEFAULT_STACK_FOLDS,
    scheme: str = DEFAULT_SCHEME,
) -> tuple[TrainingResult, list[ConllCorpus]]:
    """Train a CRF NER model directory at `out`; returns the result and the corpora read
    (whose `problems` the caller may show)."""
    train = read_corpora(conll)
    dev_corpora = read_corpora(dev)
    featuriser = default_featuriser(clusters)
    prepare_out_dir(out, force)
    plan = TrainingPlan(train, dev_corpora, tuple(c1), tuple(c2), max_iterations, stack_folds, scheme)
    try:
        result = train_model(plan, out, featuriser, progress)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)  # no half-written model left behind
        raise
    return result, [*train, *dev_corpora]
