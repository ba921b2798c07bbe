"""Shared fixtures.  Data outside the repository (../shared) is optional: tests that
need it skip cleanly when it is absent."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
SEED_PATH = SHARED / "seeds" / "000_b6db9413ef99c6f9.txt"
SEED_PUBLISHED = dt.date(2019, 3, 21)
EXAMPLES = REPO / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
EXTERNAL = SHARED / "data" / "external"


def regenerate_golden() -> bool:
    """Set MARSAD_REGEN_GOLDEN=1 (or run `make golden`) after a deliberate change."""
    return os.environ.get("MARSAD_REGEN_GOLDEN") == "1"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED_PATH.exists():
        pytest.skip(f"seed article not found at {SEED_PATH} (../shared is absent)")
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_body(seed_path: Path) -> str:
    from marsad.ingest import read_plaintext

    return read_plaintext(seed_path).text


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def external(*parts: str) -> Path:
    """A path under ../shared/data/external, or skip the test."""
    path = EXTERNAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is absent)")
    return path


sys.path.insert(0, str(Path(__file__).resolve().parent / "gold"))
