"""A trained NER model on disk: `model.crfsuite` plus `manifest.json`.

The manifest says which feature sources (and versions) the model was trained with,
its labels, the training and dev files (with SHA-256), the chosen hyperparameters, the
search and the dev metrics.  A model loads only where the same features can be computed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import Errors, MarsadError
from .crf import CrfTagger
from .features import default_featuriser, featuriser_for

FORMAT = "marsad.ner-crf/1"
MODEL_FILE = "model.crfsuite"
MANIFEST_FILE = "manifest.json"


def write_manifest(directory: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (directory / MANIFEST_FILE).write_text(text, encoding="utf-8")


def read_manifest(directory: Path) -> dict:
    directory = Path(directory)
    if not directory.is_dir():
        raise MarsadError(Errors.M174, path=directory, reason="no such directory")
    missing = [name for name in (MANIFEST_FILE, MODEL_FILE) if not (directory / name).is_file()]
    if missing:
        raise MarsadError(Errors.M174, path=directory, reason=f"missing {', '.join(missing)}")
    try:
        manifest = json.loads((directory / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MarsadError(Errors.M174, path=directory, reason=f"unreadable {MANIFEST_FILE}: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise MarsadError(Errors.M174, path=directory, reason=f"format {found!r}, expected {FORMAT!r}")
    return manifest


def load_tagger(directory: Path) -> tuple[CrfTagger, dict]:
    """The model's tagger with the featuriser it was trained with, and its manifest."""
    manifest = read_manifest(directory)
    signature = manifest.get("features") or {}
    featuriser = featuriser_for(signature, directory)
    if featuriser is None:
        raise MarsadError(Errors.M175, path=directory, found=_show(signature), expected=_show(default_featuriser().signature))
    try:
        tagger = CrfTagger(Path(directory) / MODEL_FILE, featuriser)
    except (OSError, ValueError) as error:
        raise MarsadError(Errors.M174, path=directory, reason=f"cannot open {MODEL_FILE}: {error}") from None
    return tagger, manifest


def _show(signature: dict) -> str:
    return ", ".join(f"{name} v{version}" for name, version in signature.items()) or "none"
