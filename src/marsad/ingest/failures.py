"""What a reader yields when one input (a file, a record) cannot become a Document."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import MarsadError


@dataclass(frozen=True)
class ReadFailure:
    source: str
    error: MarsadError
