"""Readers: sources in, `Document`s out.  Readers never analyse.

`read_sources(sources, published=None, options=None)` (alias `read_documents`) is the
entry point: paths, directories and http(s) URLs in; a stream of `Document |
ReadFailure` out, in order and in constant memory.  One module per format.
"""

from .decode import decode_bytes, read_text_file
from .failures import ReadFailure
from .feed import read_feed
from .files import READABLE_SUFFIXES, iter_input_files
from .html import read_html
from .ids import content_id, document_id
from .jsonfile import read_json
from .jsonl import read_jsonl
from .markdown import read_markdown
from .options import MAPPABLE_FIELDS, ReadOptions, parse_mapping
from .plaintext import read_plaintext, split_title
from .sources import read_documents, read_file, read_sources, read_url
from .table import read_table
from .telegram import read_telegram

__all__ = [
    "MAPPABLE_FIELDS",
    "READABLE_SUFFIXES",
    "ReadFailure",
    "ReadOptions",
    "content_id",
    "decode_bytes",
    "document_id",
    "iter_input_files",
    "parse_mapping",
    "read_documents",
    "read_feed",
    "read_file",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_markdown",
    "read_plaintext",
    "read_sources",
    "read_table",
    "read_telegram",
    "read_text_file",
    "read_url",
    "split_title",
]
