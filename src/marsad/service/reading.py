"""Reading sources for the front ends: options from user-given values, and the stream
of Documents and failures (`marsad analyze`, `marsad ingest`, the API)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..ingest import ReadFailure, ReadOptions, parse_mapping
from ..ingest import read_sources as _read_sources
from ..ingest.options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from ..model import Document


def read_options(
    published: dt.date | None = None,
    mapping: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    telegram_username: str | None = None,
) -> ReadOptions:
    """ReadOptions from the values a user typed; a bad --map raises MarsadError M305."""
    return ReadOptions(
        published=published,
        mapping=parse_mapping(mapping),
        timeout=timeout,
        max_bytes=max_bytes,
        telegram_username=telegram_username or None,
    )


def read_sources(sources: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    """Every Document in `sources` (files, directories, http(s) URLs), failures in line."""
    return _read_sources(sources, options=options)
