"""The gold set: our own articles and their annotations (see docs/conventions.md).

Annotations name each span by its exact text (and, when it repeats, its 1-based
occurrence) in the article body; `load_gold()` turns them into offsets and refuses
any annotation whose text is not in the article.  Used by the tests and by the
benchmarks (`benchmarks/ner_eval.py`, `benchmarks/event_eval.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent
ARTICLES = GOLD / "articles"
ANNOTATIONS = GOLD / "annotations"
SPAN_LAYERS = ("entities", "dates", "quotes")


class GoldError(ValueError):
    pass


@dataclass
class GoldArticle:
    stem: str
    path: Path
    title: str
    text: str
    published: dt.date | None
    entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def locate(text: str, needle: str, occurrence: int = 1, where: str = "") -> tuple[int, int]:
    """(start, end) of the `occurrence`-th appearance of `needle` in `text`."""
    if not needle:
        raise GoldError(f"{where}: empty span text")
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            raise GoldError(f"{where}: {needle!r} occurrence {occurrence} not found in the article")
    return position, position + len(needle)


def _with_offsets(text: str, item: dict[str, Any], where: str) -> dict[str, Any]:
    start, end = locate(text, item["text"], int(item.get("occurrence", 1)), where)
    resolved = {key: value for key, value in item.items() if key != "occurrence"}
    resolved.update(start=start, end=end)
    return resolved


def load_article(stem: str, folder: Path = GOLD, annotations: Path | None = None) -> GoldArticle:
    """One article of a gold folder (its `articles/` and `annotations/`); `annotations` reads
    the annotation from another folder instead (a second annotator's, tests/gold/agreement/)."""
    from marsad.ingest import read_plaintext

    path = folder / "articles" / f"{stem}.txt"
    document = read_plaintext(path)
    annotation_path = (annotations or folder / "annotations") / f"{stem}.json"
    data = json.loads(annotation_path.read_text(encoding="utf-8"))
    article = GoldArticle(stem, path, document.title, document.text, document.published)
    for layer in SPAN_LAYERS:
        items = data.get(layer, [])
        setattr(article, layer, [_with_offsets(document.text, item, f"{stem} {layer}[{i}]") for i, item in enumerate(items)])
    for index, event in enumerate(data.get("events", [])):
        resolved = dict(event)
        resolved["evidence"] = [
            _with_offsets(document.text, span, f"{stem} events[{index}].evidence") for span in event.get("evidence", [])
        ]
        if not resolved["evidence"]:
            raise GoldError(f"{stem} events[{index}]: an event needs at least one evidence span")
        article.events.append(resolved)
    return article


def stems(folder: Path = GOLD) -> list[str]:
    return sorted(path.stem for path in (folder / "articles").glob("*.txt"))


def load_gold(folder: Path = GOLD) -> list[GoldArticle]:
    """Every article of a gold folder (the gold set by default; also tests/gold/dev_events/)
    with resolved offsets; raises GoldError on a bad annotation."""
    missing = [stem for stem in stems(folder) if not (folder / "annotations" / f"{stem}.json").exists()]
    if missing:
        raise GoldError(f"articles without annotations: {', '.join(missing)}")
    return [load_article(stem, folder) for stem in stems(folder)]


if __name__ == "__main__":
    # python tests/gold/gold.py  -> validates the whole gold set and prints counts
    articles = load_gold()
    counts = {layer: sum(len(getattr(a, layer)) for a in articles) for layer in (*SPAN_LAYERS, "events")}
    types = sorted({e["type"] for a in articles for e in a.events})
    print(f"{len(articles)} articles; " + ", ".join(f"{n} {layer}" for layer, n in counts.items()))
    print(f"{len(types)} event types: {', '.join(types)}")
    sys.exit(0)
