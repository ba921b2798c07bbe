"""Markdown articles (`.md`, `.markdown`).

Decision: a Document's text is the article as a reader of the rendered page sees it,
not the Markdown source.  Emphasis markers, link targets, heading hashes, table rules
and raw HTML are markup, not words: if they stayed, quotes and names would be cut by
`**` and the analysers would read URLs.  So the readers keep every word as written
and in order (no reflow: line breaks inside a paragraph stay), and drop only the
markup: links keep their text, images their alt text, list items keep their marker
(`-`, `1.`), table rows become `cell | cell` lines, code keeps its content; blocks are
separated by a blank line.  Spans therefore point into this rendered text, like the
text of an HTML page.

The title is the front matter's `title`, else the first block when it is a heading,
else the first line (as for plain text).  A YAML-style front matter block (`---`)
may also give `date`/`published`, `url` and `source` as `key: value` lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import Errors, MarsadError
from ..model import Document
from .dates import parse_published
from .decode import read_text_file
from .ids import document_id
from .options import ReadOptions
from .plaintext import date_from_name, split_title

_FRONT_MATTER_MARK = "---"
_FRONT_MATTER_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "source": "source",
}
_PARSER = MarkdownIt("commonmark").enable("table")


def read_markdown(path: Path, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    raw = read_text_file(path)
    front, markdown = split_front_matter(raw)
    blocks, first_is_heading = render_blocks(_PARSER.parse(markdown))
    title = front.get("title", "")
    if title:
        if blocks and first_is_heading and blocks[0].strip() == title:
            blocks = blocks[1:]
        body = "\n\n".join(blocks)
    elif blocks and first_is_heading:
        title, body = blocks[0].strip(), "\n\n".join(blocks[1:]) or blocks[0]
    else:
        title, body = split_title("\n\n".join(blocks))
    if not body.strip():
        raise MarsadError(Errors.M002, path=str(path))
    try:
        published = parse_published(front.get("published"))
    except ValueError:
        published = None
    url = front.get("url") or None
    return Document(
        id=document_id(url or path.name, title, body),
        title=title,
        text=body,
        source=front.get("source") or str(path),
        url=url,
        published=published or date_from_name(path) or options.published,
    )


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """({field: value}, the Markdown after the front matter)."""
    lines = raw.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != _FRONT_MATTER_MARK:
        return {}, raw
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in (_FRONT_MATTER_MARK, "..."):
            return _front_fields(lines[1:end]), "".join(lines[end + 1 :])
    return {}, raw


def _front_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        key, colon, value = line.partition(":")
        name = _FRONT_MATTER_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'").strip()
        if colon and name and value and name not in fields:
            fields[name] = value
    return fields


def render_blocks(tokens: Iterable[Token]) -> tuple[list[str], bool]:
    """The visible text of each block, and whether the first block is a heading."""
    blocks: list[str] = []
    first_is_heading = False
    list_lines: list[str] | None = None
    list_depth = 0
    marker: str | None = None
    table_rows: list[str] | None = None
    row: list[str] | None = None
    heading = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_lines = [] if list_depth == 0 else list_lines
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0 and list_lines:
                blocks.append("\n".join(list_lines))
                list_lines = None
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup}" if token.info else token.markup
        elif kind == "table_open":
            table_rows = []
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table_rows is not None and row is not None:
            table_rows.append(" | ".join(row))
            row = None
        elif kind == "table_close" and table_rows:
            blocks.append("\n".join(table_rows))
            table_rows = None
        elif kind == "heading_open":
            heading = True
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            if list_lines is not None:
                list_lines.append(code)
            elif code.strip():
                blocks.append(code)
        elif kind == "inline":
            text = render_inline(token.children or [])
            if row is not None:
                row.append(text.strip())
            elif list_lines is not None:
                indent = "  " * (list_depth - 1)
                list_lines.append(f"{indent}{marker} {text}" if marker else f"{indent}  {text}")
                marker = None
            elif text.strip():
                if not blocks:
                    first_is_heading = heading
                blocks.append(text)
            heading = False
    return blocks, first_is_heading


def render_inline(children: Iterable[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
