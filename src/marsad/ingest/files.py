"""Walking inputs: files named directly, and readable files under directories
(recursively, sorted, hidden files and folders skipped)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from .failures import ReadFailure
from .sniff import SUFFIX_KINDS, is_readable_name

READABLE_SUFFIXES = frozenset(SUFFIX_KINDS) | {""}


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path | ReadFailure]:
    """Files named directly (any suffix) and readable files under directories, sorted."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child, path) and is_readable_name(child):
                    yield child
        elif path.exists():
            yield path
        else:
            yield ReadFailure(str(path), MarsadError(Errors.M001, path=str(path)))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
