"""Plain-text articles: the first non-empty line is the title, the rest is the body,
exactly as written (the id's origin is the file name: see ids.py)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .decode import read_text_file
from .ids import document_id

_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\D|$)")


def split_title(raw: str) -> tuple[str, str]:
    """(title, body).  A one-line file is its own body: a post has no headline."""
    lines = raw.splitlines(keepends=True)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        return "", ""
    title = lines[index].strip()
    rest = lines[index + 1 :]
    while rest and not rest[0].strip():
        rest.pop(0)
    body = "".join(rest).rstrip()
    return title, body or title


def date_from_name(path: Path) -> dt.date | None:
    """`2019-03-21_baghouz.txt` was published on 2019-03-21 (a common archive habit)."""
    match = _NAME_DATE.match(path.name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_plaintext(path: Path, published: dt.date | None = None) -> Document:
    """Read one article; its date comes from a leading YYYY-MM-DD in the file name, else `published`."""
    raw = read_text_file(path)
    title, body = split_title(raw)
    if not body.strip():
        raise MarsadError(Errors.M002, path=str(path))
    return Document(
        id=document_id(path.name, title, body),
        title=title,
        text=body,
        source=str(path),
        published=date_from_name(path) or published,
    )
