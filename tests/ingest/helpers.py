"""Helpers shared by the reader tests."""

from __future__ import annotations

from pathlib import Path

from marsad.ingest import ReadFailure

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def split(items) -> tuple[list, list[ReadFailure]]:
    """(documents, failures) from a reader's output, each in order."""
    items = list(items)
    return [i for i in items if not isinstance(i, ReadFailure)], [i for i in items if isinstance(i, ReadFailure)]


def assert_one_line_coded(failure: ReadFailure, code: str, *phrases: str) -> None:
    message = str(failure.error)
    assert failure.error.code == code, message
    assert message.startswith(f"[{code}] ") and "\n" not in message, message
    for phrase in phrases:
        assert phrase in message, message
