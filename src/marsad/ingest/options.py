"""What a caller can tell the readers: a default publication date, which record fields
or columns hold what (`--map`), and how patient to be with URLs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import Errors, MarsadError

# The Document fields a record's fields or a table's columns can fill.
MAPPABLE_FIELDS = ("text", "title", "published", "url", "source", "id")

DEFAULT_TIMEOUT = 15.0  # seconds to connect, and between two reads
DEFAULT_DEADLINE = 120.0  # seconds for a whole download
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by every reader; the defaults suit most sources."""

    published: dt.date | None = None  # for documents that carry no date
    mapping: dict[str, str] = field(default_factory=dict)  # Document field -> record field / column
    timeout: float = DEFAULT_TIMEOUT
    deadline: float = DEFAULT_DEADLINE
    max_bytes: int = DEFAULT_MAX_BYTES
    telegram_username: str | None = None  # for t.me links when the export does not say it


def parse_mapping(value: str | None) -> dict[str, str]:
    """`text=content,title=headline` -> {"text": "content", "title": "headline"}, or M305.

    A column name may contain spaces and Arabic letters (`text=نص الخبر`); a dotted name
    reaches into nested JSON objects (`text=body.content`).
    """
    if value is None or not value.strip():
        return {}
    mapping: dict[str, str] = {}
    for pair in value.split(","):
        name, equals, column = pair.partition("=")
        name, column = name.strip().lower(), column.strip()
        if not equals or not name or not column:
            raise _bad_mapping(value, f"{pair.strip()!r} is not FIELD=COLUMN")
        if name not in MAPPABLE_FIELDS:
            raise _bad_mapping(value, f"unknown field {name!r}")
        if name in mapping:
            raise _bad_mapping(value, f"{name!r} is mapped twice")
        mapping[name] = column
    return mapping


def _bad_mapping(value: str, reason: str) -> MarsadError:
    return MarsadError(Errors.M305, value=value, reason=reason, fields=", ".join(MAPPABLE_FIELDS))
