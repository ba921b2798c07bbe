"""The readers' entry point: sources (paths, directories, http(s) URLs) in, a stream of
`Document | ReadFailure` out, in order, in constant memory.  A source that fails
(missing, binary, malformed, unreachable) comes out as ReadFailure and the rest goes on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .failures import ReadFailure
from .feed import feed_documents, read_feed
from .fetch import fetch, is_url
from .files import iter_input_files
from .html import html_document, read_html
from .jsonfile import read_json
from .jsonl import read_jsonl
from .markdown import read_markdown
from .options import ReadOptions
from .plaintext import read_plaintext
from .sniff import FEED, HTML, JSON, JSONL, MARKDOWN, TABLE, TELEGRAM, TEXT, bytes_kind, file_kind
from .table import read_table
from .telegram import read_telegram

Reader = Callable[[Path, ReadOptions], "Document | Iterator[Document | ReadFailure]"]
READERS: dict[str, Reader] = {
    TEXT: lambda path, options: read_plaintext(path, options.published),
    MARKDOWN: read_markdown,
    HTML: read_html,
    JSONL: read_jsonl,
    JSON: read_json,
    TABLE: read_table,
    FEED: read_feed,
    TELEGRAM: read_telegram,
}
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "application/feed+json"}
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_sources(
    sources: Iterable[str | Path],
    published: dt.date | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Document | ReadFailure]:
    """Every Document in `sources`; `published` (or options.published) fills missing dates."""
    options = options or ReadOptions()
    if published is not None:
        options = dataclasses.replace(options, published=published)
    for source in sources:
        if is_url(source):
            yield from _guarded(str(source), "URL", lambda: read_url(str(source), options))
            continue
        for item in iter_input_files([Path(source)]):
            if isinstance(item, ReadFailure):
                yield item
            else:
                yield from _guarded(str(item), "file", lambda path=item: read_file(path, options))


# The name the foundation used; both stay.
read_documents = read_sources


def read_file(path: Path, options: ReadOptions) -> Iterator[Document | ReadFailure]:
    kind = file_kind(path)
    result = READERS[kind](path, options)
    if isinstance(result, Document):
        yield result
    else:
        yield from result


def read_url(url: str, options: ReadOptions) -> Iterator[Document | ReadFailure]:
    """A feed's items or a page's article, fetched with the timeouts and cap of `options`."""
    fetched = fetch(url, options)
    kind = bytes_kind(fetched.data[:4096])
    if fetched.content_type in _FEED_TYPES and kind != HTML:
        kind = FEED
    elif fetched.content_type in _HTML_TYPES and kind != FEED:
        kind = HTML
    if kind == FEED:
        yield from feed_documents(fetched.data, url, options, origin=fetched.url)
    elif kind == HTML:
        yield html_document(fetched.data, url, options, fetched_from=fetched.url)
    else:
        raise MarsadError(Errors.M310, url=url, what=fetched.content_type or "content of an unknown type")


def _guarded(where: str, what: str, read: Callable[[], Iterator[Document | ReadFailure]]) -> Iterator[Document | ReadFailure]:
    """Run one source's reader; its failure, expected or not, is reported and the rest goes on."""
    try:
        yield from read()
    except MarsadError as error:
        yield ReadFailure(where, error)
    except Exception as error:  # noqa: BLE001 - one broken source must not stop an ingest
        reason = f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}"
        yield ReadFailure(where, MarsadError(Errors.M317, path=where, reader=what, reason=reason))
