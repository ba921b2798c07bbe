"""HTML pages (`.html`, `.htm`, or fetched from a URL): the article's main text, title,
date and URL, with navigation, sidebars, share bars and footers dropped (trafilatura).

* Text: trafilatura's main text, one paragraph per block, paragraphs separated by a
  blank line (as in our plain-text articles); a first line repeating the title is
  dropped, since the title is its own field.
* URL: the canonical link, else og:url, else the address the page was fetched from.
* Date: from the page's metadata and URL (htmldate without its free-text guessing,
  which takes a footer's "© 2017" for a date), else the file name, else --published.
* Source: the site's declared name (og:site_name, application-name), else the host
  name of its URL, else the file path.
* Encoding: a BOM, else the page's <meta charset>, else UTF-8 / Windows-1256 / a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import Errors, MarsadError
from ..model import Document
from .dates import parse_published
from .decode import decode_bytes
from .ids import document_id
from .options import ReadOptions
from .plaintext import date_from_name

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_html(path: Path, options: ReadOptions | None = None) -> Document:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=str(path)) from None
    except OSError as error:
        raise MarsadError(Errors.M010, path=str(path), reason=error.strerror or str(error)) from None
    return html_document(data, str(path), options or ReadOptions(), file_name=path.name, date_hint=date_from_name(path))


def html_document(
    data: bytes,
    where: str,
    options: ReadOptions,
    fetched_from: str | None = None,
    file_name: str | None = None,
    date_hint: dt.date | None = None,
) -> Document:
    """A Document from a page's bytes; `where` names it in errors (a path or URL)."""
    import trafilatura  # imported here: it takes a quarter of a second
    from trafilatura.utils import load_html

    tree = load_html(decode_html(data, where))
    if tree is None:
        raise MarsadError(Errors.M311, path=where)
    declared_url = _declared_url(tree, fetched_from)
    site_name = _first(tree, _SITE_NAME_DECLARATIONS)
    boilerplate = _boilerplate_words(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        url=fetched_from,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_SEARCH,
    )
    lines = [line.strip() for line in (extracted.text or "").splitlines() if line.strip()] if extracted else []
    if not lines or set(_WORD.findall(" ".join(lines))) <= boilerplate:
        raise MarsadError(Errors.M311, path=where)
    title = (extracted.title or "").strip() or lines[0]
    if lines[0] == title and len(lines) > 1:
        lines = lines[1:]
    text = "\n\n".join(lines)
    url = declared_url or extracted.url or fetched_from
    try:
        published = parse_published(extracted.date)
    except ValueError:
        published = None
    return Document(
        id=document_id(url or file_name or where, title, text),
        title=title,
        text=text,
        source=site_name or _host(url) or where,
        url=url,
        published=published or date_hint or options.published,
    )


def decode_html(data: bytes, where: str) -> str:
    """The page's text: a BOM or <meta charset> decides, else decode_bytes' detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data, where)


_URL_DECLARATIONS = (
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href",
    "//meta[@property='og:url']/@content",
)


def _declared_url(tree, base: str | None) -> str | None:
    """The canonical link, else og:url, made absolute against the page's address."""
    for xpath in _URL_DECLARATIONS:
        for value in tree.xpath(xpath):
            value = value.strip()
            absolute = urljoin(base, value) if base and value else value
            if absolute.startswith(("http://", "https://")):
                return absolute
    return None


_SITE_NAME_DECLARATIONS = ("//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content")


def _first(tree, xpaths: tuple[str, ...]) -> str | None:
    """The first non-empty value of the first xpath that has one (trafilatura's own
    site-name guess takes a headline from <title> for the site's name)."""
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            if value.strip():
                return value.strip()
    return None


def _boilerplate_words(tree) -> set[str]:
    """Words of links, menus, headers and footers: a page whose "main text" has no
    other word has no article (trafilatura then falls back to the menus)."""
    words: set[str] = set()
    for element in tree.iter("a", "nav", "header", "footer", "aside", "title", "option", "button"):
        words.update(_WORD.findall(element.text_content()))
    return words


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
