"""A trained NER model on disk: `model.crfsuite` plus `manifest.json`, and for a
two-pass model `first_pass.crfsuite` (model.crfsuite is then the second pass).

The manifest says which feature sources (and versions) the model was trained with,
its labels, the training and dev files (with SHA-256), the chosen hyperparameters, the
search and the dev metrics, and for two passes the document features' description
(`second_pass`).  A model loads only where the same features can be computed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import Errors, MarsadError
from .crf import CrfTagger, DocumentTagger
from .document import DocumentFeatures
from .features import default_featuriser, featuriser_for

FORMAT = "marsad.ner-crf/1"
MODEL_FILE = "model.crfsuite"
FIRST_PASS_FILE = "first_pass.crfsuite"
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


def load_tagger(directory: Path) -> tuple[DocumentTagger, dict]:
    """The model's tagger (one or two passes) with the features it was trained with,
    and its manifest."""
    manifest = read_manifest(directory)
    signature = manifest.get("features") or {}
    featuriser = featuriser_for(signature, directory)
    if featuriser is None:
        raise MarsadError(Errors.M175, path=directory, found=_show(signature), expected=_show(default_featuriser().signature))
    second_pass = manifest.get("second_pass")
    if not second_pass:
        return DocumentTagger(_open(directory, MODEL_FILE, featuriser)), manifest
    described = (second_pass.get("document") if isinstance(second_pass, dict) else None) or {}
    document = DocumentFeatures.from_description(described)
    if document is None:
        found = f"{_show(signature)}, second pass on {described.get('name')} v{described.get('version')}"
        expected = f"{_show(default_featuriser().signature)}, second pass on {DocumentFeatures.name} v{DocumentFeatures.version}"
        raise MarsadError(Errors.M175, path=directory, found=found, expected=expected)
    first = _open(directory, FIRST_PASS_FILE, featuriser)
    return DocumentTagger(first, _open(directory, MODEL_FILE, featuriser), document), manifest


def _open(directory: Path, name: str, featuriser) -> CrfTagger:
    try:
        return CrfTagger(Path(directory) / name, featuriser)
    except (OSError, ValueError) as error:
        raise MarsadError(Errors.M174, path=directory, reason=f"cannot open {name}: {error}") from None


def _show(signature: dict) -> str:
    return ", ".join(f"{name} v{version}" for name, version in signature.items()) or "none"
