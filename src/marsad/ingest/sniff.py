"""Which reader a source needs: by its suffix, and by its first bytes where the suffix
does not tell (`.json` may be a Telegram export; `.xml` or no suffix may be a feed or a
page; a fetched URL says little)."""

from __future__ import annotations

import re
from pathlib import Path

from .streams import open_binary, peek
from .telegram import is_telegram_export

TEXT, MARKDOWN, HTML, JSONL, JSON, TABLE, FEED, TELEGRAM = (
    "text", "markdown", "html", "jsonl", "json", "table", "feed", "telegram",
)
SUFFIX_KINDS = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".json": JSON,
    ".csv": TABLE, ".tsv": TABLE, ".tab": TABLE,
    ".xml": FEED, ".rss": FEED, ".atom": FEED, ".rdf": FEED,
}
# Formats read as streams, which may also come gzipped (`.jsonl.gz`).
GZIP_KINDS = frozenset({JSONL, JSON, TABLE, FEED, TELEGRAM})
TELEGRAM_FILE_NAME = "result.json"
_SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def suffix_of(path: Path) -> str:
    """The suffix that names the format: `.jsonl` for `feed.jsonl.gz`."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return path.suffix.lower()


def is_readable_name(path: Path) -> bool:
    """Whether a directory walk should read this file (plain text files may lack a suffix)."""
    suffix = suffix_of(path)
    if path.suffix.lower() == ".gz":
        return SUFFIX_KINDS.get(suffix) in GZIP_KINDS
    return suffix in SUFFIX_KINDS or path.suffix == ""


def file_kind(path: Path) -> str:
    """The reader for a file: the suffix decides, the first bytes settle .json, .xml and none."""
    kind = SUFFIX_KINDS.get(suffix_of(path))
    if kind in (TEXT, MARKDOWN, HTML, JSONL, TABLE):
        return kind
    with open_binary(path) as stream:
        head = peek(stream, _SNIFF_BYTES)
    if kind == JSON or path.name.lower() == TELEGRAM_FILE_NAME:
        return TELEGRAM if path.name.lower() == TELEGRAM_FILE_NAME or is_telegram_export(head) else JSON
    return bytes_kind(head) or (FEED if kind == FEED else TEXT)


def bytes_kind(head: bytes) -> str | None:
    """FEED, HTML, TELEGRAM or JSON from a source's first bytes; None when they do not say."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:_SNIFF_BYTES]
    feed, html = _FEED_ROOT.search(start), _HTML_ROOT.search(start)
    if feed or html:  # whichever root comes first: a page may mention a feed, not open one
        return FEED if feed and (not html or feed.start() < html.start()) else HTML
    if start[:1] in (b"{", b"["):
        return TELEGRAM if is_telegram_export(start) else JSON
    return None
