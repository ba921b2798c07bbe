"""Stable document ids: the same content always gets the same id."""

from __future__ import annotations

import hashlib


def content_id(title: str, text: str) -> str:
    digest = hashlib.blake2b(f"{title}\n{text}".encode("utf-8"), digest_size=8)
    return digest.hexdigest()
