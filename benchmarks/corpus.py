"""The benchmark corpus: the first N articles of SaudiNewsNet (real Arabic news, read
from ../shared, never copied into the repository), or the bundled examples when
../shared is absent."""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
SAUDINEWSNET = SHARED / "data" / "external" / "saudinewsnet"


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    published: str | None = None  # YYYY-MM-DD the article was collected (SaudiNewsNet), if known


def _day(stamp: str | None) -> str | None:
    return stamp[:10] if stamp and len(stamp) >= 10 else None


def load_articles(limit: int = 3000) -> tuple[list[Article], str]:
    """(articles, description of where they came from)."""
    zips = sorted(SAUDINEWSNET.glob("*.zip")) if SAUDINEWSNET.is_dir() else []
    articles: list[Article] = []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                for record in json.loads(archive.read(name)):
                    if record.get("content"):
                        articles.append(Article(record.get("title") or "", record["content"], _day(record.get("date_extracted"))))
                    if len(articles) >= limit:
                        return articles, f"SaudiNewsNet, first {limit} articles"
    if articles:
        return articles, f"SaudiNewsNet, all {len(articles)} articles"
    from marsad.ingest import read_plaintext

    examples = [read_plaintext(path) for path in sorted((REPO / "examples").glob("*.txt"))]
    repeated = [Article(d.title, d.text) for d in examples] * max(1, limit // max(len(examples), 1))
    return repeated[:limit], f"bundled examples repeated to {min(limit, len(repeated))} articles (../shared absent)"


def print_sample(found: list, size: int, seed: int, describe, context: int = 60) -> None:
    """Print `size` hits drawn at random (seeded) from `found`, a list of
    (article number, article text, hit with .start/.end), each with `context`
    characters on either side of the [[hit]] and `describe(hit)` before it."""
    import random

    for number, text, hit in random.Random(seed).sample(found, min(size, len(found))):
        left = text[max(0, hit.start - context) : hit.start].replace("\n", " ")
        right = text[hit.end : hit.end + context].replace("\n", " ")
        print(f"[{number}] {describe(hit)}: …{left}[[{text[hit.start : hit.end]}]]{right}…")
