"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1256 (common on Arabic sites), then
charset-normalizer's guess; binary files are refused with the reason."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import Errors, MarsadError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
ARABIC_CODEPAGE = "cp1256"
# Share of characters that may be control characters or U+FFFD in real text.
MAX_GARBAGE_SHARE = 0.02


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes, or raise MarsadError M003 (binary) / M009 (undecodable)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise MarsadError(Errors.M003, path=path, reason=f"it is {what}")
    text = _decode(data, path)
    if _garbage_share(text) > MAX_GARBAGE_SHARE:
        raise MarsadError(Errors.M003, path=path, reason="too many control characters")
    return text


def read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=str(path)) from None
    except OSError as error:
        raise MarsadError(Errors.M010, path=str(path), reason=error.strerror or str(error)) from None
    return decode_bytes(data, str(path))


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise MarsadError(Errors.M009, path=path, reason=f"bad {encoding}: {error.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, path)
    arabic = _try_arabic_codepage(data)
    if arabic is not None:
        return arabic
    best = from_bytes(data).best()
    if best is None:
        raise MarsadError(Errors.M003, path=path, reason="no text encoding fits its bytes")
    return str(best)


def _decode_utf16_without_bom(data: bytes, path: str) -> str:
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = max(len(data) // 2, 1)
    if max(even_zeros, odd_zeros) / half < 0.2 or min(even_zeros, odd_zeros) / half > 0.05:
        best = from_bytes(data).best()
        if best is not None and best.encoding.startswith("utf_16"):
            return str(best)
        raise MarsadError(Errors.M003, path=path, reason="it contains NUL bytes")
    encoding = "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise MarsadError(Errors.M009, path=path, reason=f"bad {encoding}: {error.reason}") from None


def _try_arabic_codepage(data: bytes) -> str | None:
    """Windows-1256 when its high bytes read as Arabic letters and Arabic punctuation."""
    try:
        text = data.decode(ARABIC_CODEPAGE)
    except UnicodeDecodeError:
        return None
    high = [char for char in text if ord(char) > 0x7F]
    if not high:
        return None
    arabic = sum(1 for char in high if "\u0600" <= char <= "\u06ff" or char in "«»“”‘’–—…\u00a0\u200c\u200d\u200e\u200f")
    return text if arabic / len(high) >= 0.9 else None


def _garbage_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:100_000]
    bad = sum(
        1
        for char in sample
        if char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v")
    )
    return bad / len(sample)
