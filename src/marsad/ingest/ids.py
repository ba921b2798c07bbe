"""Stable document ids.

A Document's id is a hash of where it came from (its *origin*) and what it says
(title and text), so that:

* the same article re-read from the same source gets the same id, whatever the
  encoding, the working directory or the folder the archive was copied to (the store
  uses the id for idempotent re-ingest);
* an article edited at its source is a new document (a new version, which the store
  links to the old one as a near-duplicate);
* the same text from two sources (an agency story re-posted by a channel) is two
  documents, which the store links as duplicates.

The origin is the most stable name the reader knows for the document: its URL (canonical
link, feed item link or id, t.me link), else a record's own id within its source, else
the file name (not the full path, so that moving an archive changes nothing).
"""

from __future__ import annotations

import hashlib

ID_BYTES = 10  # 20 hex digits: collisions stay improbable far beyond 10^9 documents


def document_id(origin: str, title: str, text: str) -> str:
    """The id of a document read from `origin` (see the module docstring)."""
    payload = "\x1f".join((origin, title, text)).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=ID_BYTES).hexdigest()


def content_id(title: str, text: str) -> str:
    """The id of a text given directly, with no source (API, notebooks)."""
    digest = hashlib.blake2b(f"{title}\n{text}".encode("utf-8"), digest_size=8)
    return digest.hexdigest()
