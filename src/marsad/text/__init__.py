"""The Arabic text layer: pure functions on `str`, every result in original offsets.

Nothing here imports the rest of Marsad.
"""

from .normalize import (
    DEFAULT_OPTIONS,
    Normalized,
    NormalizeOptions,
    normalize,
    normalize_with_offsets,
)
from .segment import Span, split_lines, split_sentences
from .stem import CliticSplit, clitic_splits, match_key, match_keys, split_clitics
from .tokenize import Token, tokenize, words

__all__ = [
    "DEFAULT_OPTIONS",
    "CliticSplit",
    "Normalized",
    "NormalizeOptions",
    "Span",
    "Token",
    "clitic_splits",
    "match_key",
    "match_keys",
    "normalize",
    "normalize_with_offsets",
    "split_clitics",
    "split_lines",
    "split_sentences",
    "tokenize",
    "words",
]
