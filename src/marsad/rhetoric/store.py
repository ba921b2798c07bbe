"""Trained rhetoric models on disk: a directory with a JSON manifest and one file per part.

```
MODEL_DIR/
  manifest.json        format, versions, and per part: file, checksum, labels,
                       training data, tuning figures
  techniques.joblib    {"document": DocumentClassifier | None, "spans": SpanTagger | None}
  emotions.joblib      EmotionClassifier
```

Training one part (`marsad train techniques` or `marsad train emotions`) replaces
that part and keeps the other, so one directory can hold both.  Loading checks the
manifest first and refuses, with a coded error, a model made by another format or
by another scikit-learn release (pickled estimators do not travel between them),
or a part whose file changed since training.  joblib files are pickles: load only
models you or your colleagues trained.

A directory with a Hugging Face `config.json` and no manifest loads as a span
model through `hf_tagger` (optional; needs transformers and torch).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import Errors, MarsadError

FORMAT = "marsad.rhetoric-model/1"
MANIFEST = "manifest.json"
TECHNIQUES = "techniques"
EMOTIONS = "emotions"
FILES = {TECHNIQUES: "techniques.joblib", EMOTIONS: "emotions.joblib"}
COMMANDS = {TECHNIQUES: "techniques", EMOTIONS: "emotions"}
# Libraries whose objects are pickled inside the parts; major.minor must match to load.
PICKLED_WITH = ("scikit-learn",)
RECORDED = ("scikit-learn", "python-crfsuite", "numpy", "scipy", "joblib")


@dataclass
class RhetoricModel:
    """What a model directory holds, loaded."""

    path: Path
    manifest: dict[str, Any]
    document: Any = None  # DocumentClassifier
    spans: Any = None  # SpanTagger or HuggingFaceTagger
    emotions: Any = None  # EmotionClassifier
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    def require(self, part: str) -> None:
        present = {TECHNIQUES: self.document is not None or self.spans is not None, EMOTIONS: self.emotions is not None}
        if not present[part]:
            raise MarsadError(Errors.M226, path=self.path, component=part, command=COMMANDS[part])


def library_versions() -> dict[str, str]:
    versions = {}
    for name in RECORDED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def _checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST
    if not path.is_file():
        raise MarsadError(Errors.M224, path=directory)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MarsadError(Errors.M225, path=directory, reason=f"unreadable manifest: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise MarsadError(Errors.M225, path=directory, reason=f"format {found!r}, this version reads {FORMAT!r}")
    return manifest


def save_part(directory: Path, part: str, payload: Any, description: dict[str, Any]) -> Path:
    """Write one part and record it in the manifest (created if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest_path = directory / MANIFEST
    manifest = read_manifest(directory) if manifest_path.is_file() else {"format": FORMAT, "parts": {}}
    file = directory / FILES[part]
    import joblib  # with numpy behind it: loaded only when a model is saved or loaded

    joblib.dump(payload, file, compress=3)
    versions = library_versions()
    manifest["parts"][part] = {
        **description,
        "file": FILES[part],
        "sha256": _checksum(file),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "marsad": __version__,
        "python": platform.python_version(),
        "libraries": versions,
    }
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return file


def load_model(directory: Path | str) -> RhetoricModel:
    """A model directory made by `marsad train`, or a Hugging Face token-classification directory."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MarsadError(Errors.M001, path=directory)
    if not (directory / MANIFEST).is_file() and (directory / "config.json").is_file():
        from .hf_tagger import load_hf_tagger  # optional dependency, imported only when asked for

        tagger = load_hf_tagger(directory)
        manifest = {"format": "huggingface", "parts": {TECHNIQUES: {"span_labels": tagger.labels}}}
        return RhetoricModel(directory, manifest, spans=tagger, parts=manifest["parts"])
    manifest = read_manifest(directory)
    model = RhetoricModel(directory, manifest, parts=manifest.get("parts", {}))
    for part, description in model.parts.items():
        payload = _load_part(directory, part, description)
        if part == TECHNIQUES:
            model.document, model.spans = payload.get("document"), payload.get("spans")
        elif part == EMOTIONS:
            model.emotions = payload
    return model


def _load_part(directory: Path, part: str, description: dict[str, Any]) -> Any:
    _check_versions(directory, description.get("libraries", {}))
    file = directory / str(description.get("file", FILES.get(part, "")))
    if not file.is_file():
        raise MarsadError(Errors.M225, path=directory, reason=f"{file.name} is missing")
    if description.get("sha256") != _checksum(file):
        raise MarsadError(Errors.M225, path=directory, reason=f"{file.name} changed since training (checksum differs)")
    import joblib

    try:
        return joblib.load(file)
    except Exception as error:  # a pickle that does not load says nothing more useful than this
        raise MarsadError(Errors.M225, path=directory, reason=f"{file.name}: {type(error).__name__}: {error}") from None


def _check_versions(directory: Path, trained_with: dict[str, str]) -> None:
    current = library_versions()
    for name in PICKLED_WITH:
        then, now = trained_with.get(name), current.get(name)
        if then and now and _minor(then) != _minor(now):
            raise MarsadError(Errors.M225, path=directory, reason=f"trained with {name} {then}, this is {name} {now}")


def _minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])
