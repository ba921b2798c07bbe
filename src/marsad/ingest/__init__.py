"""Readers: sources in, `Document`s out.  Readers never analyse."""

from .decode import decode_bytes, read_text_file
from .failures import ReadFailure
from .files import READABLE_SUFFIXES, iter_input_files, read_documents
from .ids import content_id
from .jsonl import read_jsonl
from .plaintext import read_plaintext, split_title

__all__ = [
    "READABLE_SUFFIXES",
    "ReadFailure",
    "content_id",
    "decode_bytes",
    "iter_input_files",
    "read_documents",
    "read_jsonl",
    "read_plaintext",
    "read_text_file",
    "split_title",
]
