"""Small HTML fragments (a feed item's content or summary) to the text a reader sees:
tags dropped, entities decoded, paragraphs separated by a blank line, `<br>` kept as a
line break, scripts and styles removed.  Whole pages go through html.py (trafilatura)."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

BLOCK_TAGS = frozenset(
    "p div section article header footer aside blockquote pre ul ol li dl dt dd table tr "
    "h1 h2 h3 h4 h5 h6 figure figcaption hr address main nav".split()
)
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object")
# Private-use marks for breaks made by tags, so they survive whitespace collapsing.
PARAGRAPH, LINE = "\ue000", "\ue001"
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_TAG_LIKE = re.compile(r"<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;")


def looks_like_html(text: str) -> bool:
    return bool(_TAG_LIKE.search(text))


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment; plain text is returned with spaces tidied."""
    if not looks_like_html(fragment):
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(fragment)
    for element in root.iter(*DROPPED_TAGS):
        element.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts))


def _walk(element, parts: list[str], pre: bool = False) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    pre = pre or tag == "pre"
    block = tag in BLOCK_TAGS
    if block:
        parts.append(PARAGRAPH)
    if tag == "br":
        parts.append(LINE)
    if element.text and tag:
        parts.append(_collapse(element.text, pre))
    for child in element:
        _walk(child, parts, pre)
        if child.tail:
            parts.append(_collapse(child.tail, pre))
    if block:
        parts.append(PARAGRAPH)
    elif tag in ("td", "th"):
        parts.append(" | ")


def _collapse(text: str, pre: bool) -> str:
    """HTML's white-space rule: a run of spaces and newlines shows as one space."""
    return text.replace("\n", LINE) if pre else _WHITESPACE.sub(" ", text)


def _tidy(text: str) -> str:
    """Spaces tidied in each line; paragraphs apart by exactly one blank line."""
    text = text.replace(PARAGRAPH, "\n\n").replace(LINE, "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
