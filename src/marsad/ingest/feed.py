"""RSS and Atom feeds (files, or bytes fetched from a URL), with feedparser.

Each item is a Document: its full content when the feed carries it (content:encoded,
Atom content), else its summary, with the HTML stripped (htmltext.py); its title; its
date as written in the feed (the source's local date); its link; the feed's title as
source.  An item with no content or summary is reported (M307) and skipped.  A feed
that is not well-formed (cut short, bad XML) gives the items feedparser could recover,
then M306.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .dates import parse_published
from .failures import ReadFailure
from .htmltext import html_to_text
from .ids import document_id
from .options import ReadOptions
from .records import origin_name
from .streams import GZIP_ERRORS, open_binary, text_encoding

# feedparser's bozo exceptions that do not mean the feed is broken.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


def read_feed(path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    with open_binary(path) as stream:
        text_encoding(stream, str(path))  # M003 for binary data
        try:
            data = stream.read()
        except GZIP_ERRORS as error:
            raise MarsadError(Errors.M314, path=str(path), reason=str(error) or type(error).__name__) from None
    yield from feed_documents(data, str(path), options or ReadOptions(), origin=origin_name(path))


def feed_documents(data: bytes, where: str, options: ReadOptions, origin: str) -> Iterator[Document | ReadFailure]:
    """The items of a feed given as bytes; `where` (a path or URL) names it in errors."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    broken = parsed.get("bozo") and type(parsed.get("bozo_exception")).__name__ not in _HARMLESS
    if not parsed.get("version") and not parsed.entries:
        reason = _reason(parsed.get("bozo_exception")) if broken else "neither RSS nor Atom"
        yield ReadFailure(where, MarsadError(Errors.M306, path=where, reason=reason, count=0))
        return
    feed_title = html_to_text(parsed.feed.get("title", "")) or None
    count = 0
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _item(entry, number, where, feed_title, origin, options)
            count += 1
        except MarsadError as error:
            yield ReadFailure(f"{where}#{number}", error)
    if broken:
        yield ReadFailure(where, MarsadError(Errors.M306, path=where, reason=_reason(parsed.bozo_exception), count=count))


def _item(entry, number: int, where: str, feed_title: str | None, origin: str, options: ReadOptions) -> Document:
    title = html_to_text(entry.get("title", ""))
    text = ""
    for candidate in [part.get("value", "") for part in entry.get("content", [])] + [entry.get("summary", "")]:
        text = html_to_text(candidate or "")
        if text:
            break
    if not text:
        raise MarsadError(Errors.M307, path=where, item=_item_name(entry, number))
    link = entry.get("link") or None
    guid = entry.get("id") or None
    meta = {key: entry[key] for key in ("author",) if entry.get(key)}
    if guid:
        meta["guid"] = guid
    return Document(
        id=document_id(guid or link or f"{origin}#{title}", title, text),
        title=title,
        text=text,
        source=feed_title or where,
        url=link,
        published=_published(entry) or options.published,
        meta=meta,
    )


def _published(entry) -> object:
    # dict.get: feedparser's own get() maps a missing "updated" to "published", with a warning
    for key in ("published", "updated", "created"):
        try:
            date = parse_published(dict.get(entry, key))
        except ValueError:
            date = None
        if date:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            return parse_published(time.strftime("%Y-%m-%d", parsed))
    return None


def _item_name(entry, number: int) -> str:
    title = entry.get("title", "")
    return f"{number} ({title[:40]!r})" if title else str(number)


def _reason(error: object) -> str:
    text = str(error).strip().splitlines()[0] if error else "unknown error"
    return text.replace("<unknown>:", "line ")
