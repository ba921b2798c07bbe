"""Files as streams: transparent gzip, an encoding chosen from the first bytes, and
decoded lines, so that multi-gigabyte JSON Lines, JSON and CSV files are read in
constant memory."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, MarsadError
from .decode import ARABIC_CODEPAGE, decode_bytes, known_binary, looks_arabic_codepage

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 64 * 1024
# Control bytes other than whitespace: text has next to none, binary data plenty.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.02
_BOM_ENCODINGS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Errors a truncated or corrupt gzip member raises while it is read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@contextmanager
def open_binary(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes, gunzipped when it is gzip (by its magic bytes, not its name)."""
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=str(path)) from None
    except OSError as error:
        raise MarsadError(Errors.M010, path=str(path), reason=error.strerror or str(error)) from None
    with raw:
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped
        else:
            raw.seek(0)
            yield raw


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def peek(stream: BinaryIO, size: int = HEAD_BYTES) -> bytes:
    """The first `size` bytes, leaving the stream where it was (streams here are seekable)."""
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head


def sniff_encoding(head: bytes) -> str | None:
    """The encoding of a stream from its first bytes (a BOM, UTF-16 without BOM, UTF-8,
    Windows-1256), or None when they are not text.  Lines that do not fit are decoded
    one by one later (decode_line)."""
    for bom, encoding in _BOM_ENCODINGS:
        if head.startswith(bom):
            return encoding
    sample = head[:4096]
    if b"\x00" in sample:
        return _utf16_without_bom(sample)
    if len(_CONTROL_BYTES.findall(sample)) > MAX_CONTROL_SHARE * max(len(sample), 1):
        return None
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:  # a character cut by the end of the sample
            return "utf-8"
    if looks_arabic_codepage(head):
        return ARABIC_CODEPAGE
    return "utf-8"


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without BOM has NULs on one side only (the high bytes of Latin and
    ASCII characters); binary data has them anywhere."""
    half = max(len(sample) // 2, 1)
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if max(even, odd) >= 0.2 and min(even, odd) <= 0.05:
        return "utf-16-be" if even > odd else "utf-16-le"
    return None


def text_encoding(stream: BinaryIO, path: str) -> str:
    """sniff_encoding of the stream's first bytes, or MarsadError M003 for binary data."""
    head = peek(stream)
    what = known_binary(head)
    encoding = None if what else sniff_encoding(head)
    if encoding is None:
        raise MarsadError(Errors.M003, path=path, reason=f"it is {what}" if what else "it contains control bytes")
    return encoding


def is_byte_oriented(encoding: str) -> bool:
    """True when b"\\n" ends a line in this encoding (so lines can be split as bytes)."""
    return not encoding.startswith(("utf-16", "utf-32"))


def decode_line(raw: bytes, encoding: str, path: str) -> str:
    """One line in the stream's encoding, else in whatever decode_bytes finds for it,
    else with U+FFFD for the bytes no encoding explains (one corrupt line must not
    stop a file: the record it holds is then reported, or read as it can be)."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(raw, path)
    except MarsadError:
        return raw.decode(encoding, errors="replace")


def iter_lines(stream: BinaryIO, path: str) -> Iterator[tuple[int, str]]:
    """(line number, decoded line with its line ending), streaming; M003 for a binary stream."""
    encoding = text_encoding(stream, path)
    if is_byte_oriented(encoding):
        first = True
        for number, raw in enumerate(stream, start=1):
            if first and encoding == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
            first = False
            yield number, decode_line(raw, "utf-8" if encoding == "utf-8-sig" else encoding, path)
        return
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        yield from enumerate(text, start=1)
    except UnicodeDecodeError as error:
        raise MarsadError(Errors.M009, path=path, reason=f"bad {encoding}: {error.reason}") from None
    finally:
        text.detach()


class Utf8Reader(io.RawIOBase):
    """A byte stream re-encoded to UTF-8 on the fly (for parsers that read UTF-8 only)."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(stream, encoding=encoding, newline="")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._pending) < len(buffer):
            chunk = self._text.read(16 * 1024)
            if not chunk:
                break
            self._pending += chunk.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def utf8_stream(stream: BinaryIO, path: str) -> BinaryIO:
    """The stream itself when it is UTF-8 (BOM skipped), else a re-encoding reader;
    MarsadError M003 for binary data."""
    encoding = text_encoding(stream, path)
    if encoding == "utf-8":
        return stream
    if encoding == "utf-8-sig":
        stream.read(len(codecs.BOM_UTF8))
        return stream
    return io.BufferedReader(Utf8Reader(stream, encoding))
