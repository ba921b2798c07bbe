"""Paths to Documents: walk directories, pick a reader by suffix, keep going on errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .failures import ReadFailure
from .jsonl import read_jsonl
from .plaintext import read_plaintext

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path | ReadFailure]:
    """Files named directly (any suffix) and readable files under directories, sorted."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child, path) and child.suffix.lower() in READABLE_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            yield ReadFailure(str(path), MarsadError(Errors.M001, path=str(path)))


def read_documents(paths: Iterable[Path], published: dt.date | None = None) -> Iterator[Document | ReadFailure]:
    """Every Document under `paths`; unreadable inputs come out as ReadFailure, in order."""
    for item in iter_input_files(paths):
        if isinstance(item, ReadFailure):
            yield item
            continue
        try:
            if item.suffix.lower() in JSONL_SUFFIXES:
                yield from read_jsonl(item, published)
            else:
                yield read_plaintext(item, published)
        except MarsadError as error:
            yield ReadFailure(str(item), error)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
