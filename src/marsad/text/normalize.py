"""Normalisation for matching and search, with an offset map back to the original.

The normalised string is never shown to people: it exists so that «أحمد», «احمد»
and «أَحْمَد» compare equal.  `normalize_with_offsets` returns a `Normalized`
that maps any span of the normalised string back to the exact original characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path


CHARMAP_PATH = Path(__file__).resolve().parent.parent / "resources" / "text" / "charmap.tsv"

# Deleted characters that belong to the letter before them: a span ending on that
# letter takes them along, so `text[start:end]` never cuts a word's last vowel off.
_ATTACHED_CATEGORIES = {"Mn", "Me"}
_TATWEEL = "\u0640"


@dataclass(frozen=True)
class NormalizeOptions:
    """Which folds to apply.  The defaults are the ones search and gazetteers use."""

    alef: bool = True
    ya: bool = True
    ta_marbuta: bool = True
    hamza_carriers: bool = False
    letter_variants: bool = True
    tatweel: bool = True
    diacritics: bool = True
    invisibles: bool = True
    digits: bool = True
    punctuation: bool = True
    latin_case: bool = True
    presentation_forms: bool = True


DEFAULT_OPTIONS = NormalizeOptions()


def _parse_codepoints(field: str) -> list[int]:
    if "-" in field:
        low, high = (int(part, 16) for part in field.split("-"))
        return list(range(low, high + 1))
    return [int(field, 16)]


@lru_cache(maxsize=1)
def _charmap_rows() -> tuple[tuple[str, int, str], ...]:
    """(group, source codepoint, target string) for every row of charmap.tsv."""
    rows: list[tuple[str, int, str]] = []
    for line in CHARMAP_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, source, target = line.split("\t")[:3]
        sources = _parse_codepoints(source)
        targets = _parse_codepoints(target) if target else []
        for index, codepoint in enumerate(sources):
            if not targets:
                rows.append((group, codepoint, ""))
            elif len(targets) == len(sources):
                rows.append((group, codepoint, chr(targets[index])))
            else:
                rows.append((group, codepoint, chr(targets[0])))
    return tuple(rows)


def _presentation_form_rows() -> list[tuple[int, str]]:
    """Arabic presentation forms (isolated/final ligatures) decomposed by NFKC."""
    rows = []
    for low, high in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for codepoint in range(low, high + 1):
            char = chr(codepoint)
            decomposed = unicodedata.normalize("NFKC", char)
            if decomposed != char and decomposed.strip():
                rows.append((codepoint, decomposed))
    return rows


@lru_cache(maxsize=32)
def _table(options: NormalizeOptions) -> dict[int, str]:
    """The translate table for `options`, closed so that normalising twice changes nothing."""
    enabled = {f.name for f in fields(options) if getattr(options, f.name)}
    single: dict[int, str] = {cp: target for group, cp, target in _charmap_rows() if group in enabled}
    if "presentation_forms" in enabled:
        for codepoint, decomposed in _presentation_form_rows():
            single.setdefault(codepoint, decomposed)

    def close(target: str) -> str:
        for _ in range(4):
            folded = "".join(single.get(ord(ch), ch) for ch in target)
            if folded == target:
                return folded
            target = folded
        return target

    return {cp: close(target) for cp, target in single.items() if close(target) != chr(cp)}


@lru_cache(maxsize=32)
def _irregular_pattern(options: NormalizeOptions) -> re.Pattern[str]:
    """Characters whose image is not exactly one character (deleted or expanded)."""
    irregular = sorted(cp for cp, target in _table(options).items() if len(target) != 1)
    if not irregular:
        return re.compile(r"(?!)")
    char_class = "".join(re.escape(chr(cp)) for cp in irregular)
    return re.compile(f"[{char_class}]+")


@lru_cache(maxsize=32)
def _substitution(options: NormalizeOptions):
    """A (pattern, replacement) pair equivalent to str.translate with the table.

    News text changes only a few percent of its characters, and the `re` engine finds
    them far faster than str.translate walks a dict for every character.
    """
    images = {chr(cp): target for cp, target in _table(options).items()}
    if not images:
        return re.compile(r"(?!)"), ""
    char_class = "".join(re.escape(char) for char in sorted(images))
    lookup = images.__getitem__
    return re.compile(f"[{char_class}]"), lambda match: lookup(match.group())


# id(options) -> (options, pattern.sub, replacement): hashing the dataclass's twelve fields
# on every call cost more than normalising a word.  The options are kept alive with their
# entry, so an id is never reused while it is in the table.
_SUBSTITUTIONS: dict[int, tuple] = {}
_SUBSTITUTIONS_LIMIT = 64


def normalize(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> str:
    """The normalised string only (fast path when offsets are not needed)."""
    found = _SUBSTITUTIONS.get(id(options))
    if found is None:
        pattern, replacement = _substitution(options)
        found = (options, pattern.sub, replacement)
        if len(_SUBSTITUTIONS) < _SUBSTITUTIONS_LIMIT:
            _SUBSTITUTIONS[id(options)] = found
    return found[1](found[2], text)


@dataclass(frozen=True)
class Normalized:
    """A normalised string plus a piecewise-linear map back to `original`.

    Between breakpoints, normalised index n maps to
    ``orig_starts[k] + (n - norm_starts[k])``.
    """

    text: str
    original: str
    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]

    def to_original(self, index: int) -> int:
        """Original index of the character at normalised `index` (or len(original) at the end)."""
        if index >= len(self.text):
            return len(self.original)
        k = bisect_right(self.norm_starts, index) - 1
        return self.orig_starts[k] + (index - self.norm_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) covering normalised [start, end), with trailing marks kept."""
        if end <= start:
            position = self.to_original(start)
            return position, position
        orig_start = self.to_original(start)
        last = self.to_original(end - 1) + 1
        next_kept = self.to_original(end)
        while last < next_kept and _is_attached(self.original[last]):
            last += 1
        return orig_start, last


def _is_attached(char: str) -> bool:
    return char == _TATWEEL or unicodedata.category(char) in _ATTACHED_CATEGORIES


def normalize_with_offsets(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> Normalized:
    """Normalise `text` and keep a map from normalised offsets to original offsets.

    Work is linear: only runs of deleted or expanded characters create breakpoints.
    """
    table = _table(options)
    normalized = normalize(text, options)
    norm_starts = [0]
    orig_starts = [0]
    shift = 0  # len(normalized prefix) - len(original prefix) so far
    for match in _irregular_pattern(options).finditer(text):
        position = match.start()
        for offset, char in enumerate(match.group()):
            source = position + offset
            image = table[ord(char)]
            norm_at = source + shift
            for i in range(len(image)):
                _add_break(norm_starts, orig_starts, norm_at + i, source)
            shift += len(image) - 1
            _add_break(norm_starts, orig_starts, source + 1 + shift, source + 1)
    return Normalized(normalized, text, tuple(norm_starts), tuple(orig_starts))


def _add_break(norm_starts: list[int], orig_starts: list[int], norm_at: int, orig_at: int) -> None:
    if norm_starts[-1] == norm_at:
        orig_starts[-1] = orig_at
    else:
        norm_starts.append(norm_at)
        orig_starts.append(orig_at)
