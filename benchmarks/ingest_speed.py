"""Reader throughput and memory: Marsad's readers against the bare parser of each
format, side by side in one process, on the same files.

The articles (SaudiNewsNet from ../shared, else the bundled examples repeated) are
written once to a temporary folder in every format the readers take; then, per format:

  marsad    read_sources([file or folder]) -> Documents (decoding, field mapping,
            dates, ids, HTML stripping, failure handling)
  baseline  the bare parser alone: json.loads per line (JSONL), json.load (JSON and
            Telegram), csv.DictReader (CSV), feedparser.parse (RSS), Path.read_text
            (.txt/.md), trafilatura.extract (HTML)

Reported: documents/s for both and the ratio marsad time / baseline time (the readers'
overhead; < 1 means faster than the bare parser).  Memory: tracemalloc peak while
reading JSONL, JSON and CSV at two sizes (flat = streaming), against json.load.

    python benchmarks/ingest_speed.py [--limit 20000] [--files 2000] [--pages 300] [--rounds 2]
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import html
import json
import re
import tempfile
import time
import tracemalloc
from email.utils import format_datetime
from pathlib import Path

from corpus import load_articles

from marsad.ingest import read_sources

PUBLISHED = "2019-03-21"


def write_formats(folder: Path, articles, files: int, pages: int) -> dict[str, tuple[Path, int]]:
    records = [
        {"id": n, "title": a.title, "text": a.text, "published": PUBLISHED, "url": f"https://news.example/{n}", "source": "SaudiNewsNet"}
        for n, a in enumerate(articles)
    ]
    made = {}
    jsonl = folder / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    made["jsonl"] = (jsonl, len(records))
    gz = folder / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes(), compresslevel=6))
    made["jsonl.gz"] = (gz, len(records))
    array = folder / "corpus.json"
    array.write_text(json.dumps({"articles": records}, ensure_ascii=False), encoding="utf-8")
    made["json"] = (array, len(records))
    table = folder / "corpus.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    made["csv"] = (table, len(records))
    made["rss"] = (_write_rss(folder / "feed.xml", articles[:5000]), min(len(articles), 5000))
    made["telegram"] = (_write_telegram(folder / "result.json", articles), len(articles))
    made["txt"] = (_write_files(folder / "txt", articles[:files], ".txt"), min(files, len(articles)))
    made["md"] = (_write_files(folder / "md", articles[:files], ".md"), min(files, len(articles)))
    made["html"] = (_write_pages(folder / "html", articles[:pages]), min(pages, len(articles)))
    return made


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # a few SaudiNewsNet texts hold control characters


def _write_rss(path: Path, articles) -> Path:
    import datetime as dt

    date = format_datetime(dt.datetime(2019, 3, 21, 12, tzinfo=dt.timezone.utc))
    items = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>https://news.example/{n}</link><pubDate>{date}</pubDate>"
        f"<description>{html.escape(''.join(f'<p>{html.escape(p)}</p>' for p in a.text.splitlines() if p.strip()))}</description></item>"
        for n, a in enumerate(articles)
    )
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
    path.write_text(_NOT_XML.sub(" ", feed), encoding="utf-8")
    return path


def _write_telegram(path: Path, articles) -> Path:
    messages = [
        {"id": n, "type": "message", "date": f"{PUBLISHED}T12:00:00", "from": "x", "text": [{"type": "bold", "text": a.title}, "\n" + a.text]}
        for n, a in enumerate(articles, start=1)
    ]
    path.write_text(json.dumps({"name": "x", "type": "public_channel", "id": 1, "messages": messages}, ensure_ascii=False), encoding="utf-8")
    return path


def _write_files(folder: Path, articles, suffix: str) -> Path:
    folder.mkdir()
    for n, a in enumerate(articles):
        (folder / f"{n:06d}{suffix}").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    return folder


def _write_pages(folder: Path, articles) -> Path:
    folder.mkdir()
    for n, a in enumerate(articles):
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a.text.splitlines() if p.strip())
        (folder / f"{n:06d}.html").write_text(
            f'<html><head><meta charset="utf-8"><title>{html.escape(a.title)}</title></head><body>'
            f'<nav><a href="/">الرئيسية</a> <a href="/x">أخبار</a></nav><article><h1>{html.escape(a.title)}</h1>{body}</article>'
            "<footer>جميع الحقوق محفوظة</footer></body></html>",
            encoding="utf-8",
        )
    return folder


def baselines():
    import feedparser
    import trafilatura

    def jsonl(path):
        with path.open("rb") as handle:
            return sum(1 for line in handle if json.loads(line))

    def jsonl_gz(path):
        with gzip.open(path, "rb") as handle:
            return sum(1 for line in handle if json.loads(line))

    def files(path):
        return sum(1 for child in sorted(path.iterdir()) if child.read_text(encoding="utf-8"))

    return {
        "jsonl": jsonl,
        "jsonl.gz": jsonl_gz,
        "json": lambda path: len(json.loads(path.read_bytes())["articles"]),
        "csv": lambda path: sum(1 for _ in csv.DictReader(path.open(encoding="utf-8", newline=""))),
        "rss": lambda path: len(feedparser.parse(path.read_bytes()).entries),
        "telegram": lambda path: len(json.loads(path.read_bytes())["messages"]),
        "txt": files,
        "md": files,
        "html": lambda path: sum(1 for child in sorted(path.iterdir()) if trafilatura.extract(child.read_text(encoding="utf-8"))),
    }


def marsad_count(path: Path) -> int:
    failures = 0
    documents = 0
    for item in read_sources([path]):
        if hasattr(item, "error"):
            failures += 1
        else:
            documents += 1
    if failures:
        raise SystemExit(f"{path}: {failures} failure(s) while benchmarking")
    return documents


def timed(function, path: Path) -> tuple[float, int]:
    began = time.perf_counter()
    count = function(path)
    return time.perf_counter() - began, count


def peak(function) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=20000, help="articles in the record formats")
    parser.add_argument("--files", type=int, default=2000, help="one-article files (.txt, .md)")
    parser.add_argument("--pages", type=int, default=300, help="HTML pages")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    articles = [a for a in articles if a.text.strip()]  # a few SaudiNewsNet records are blank
    mean = sum(len(a.text) for a in articles) / len(articles)
    print(f"corpus: {origin}; mean {mean:,.0f} characters")
    with tempfile.TemporaryDirectory() as tmp:
        made = write_formats(Path(tmp), articles, args.files, args.pages)
        base = baselines()
        print(f"\n{'format':10} {'docs':>7} {'marsad docs/s':>14} {'baseline docs/s':>16} {'ratio (time)':>13}")
        for name, (path, expected) in made.items():
            best_marsad = best_base = float("inf")
            for _ in range(args.rounds):
                seconds, count = timed(marsad_count, path)
                assert count == expected, (name, count, expected)
                best_marsad = min(best_marsad, seconds)
                best_base = min(best_base, timed(base[name], path)[0])
            print(f"{name:10} {expected:7d} {expected / best_marsad:14,.0f} {expected / best_base:16,.0f} {best_marsad / best_base:13.2f}")
        print("\npeak memory while reading (tracemalloc), MB:")
        small_limit = max(len(articles) // 4, 1)
        with tempfile.TemporaryDirectory() as small_tmp:
            small = write_formats(Path(small_tmp), articles[:small_limit], 1, 1)
            print(f"{'format':10} {small_limit:>9} docs {len(articles):>9} docs   json.load of the larger")
            for name in ("jsonl.gz", "json", "csv"):
                small_peak = peak(lambda: marsad_count(small[name][0]))
                large_peak = peak(lambda: marsad_count(made[name][0]))
                loaded = peak(lambda: json.loads(made["json"][0].read_bytes()))
                print(f"{name:10} {small_peak / 1e6:14.2f} {large_peak / 1e6:14.2f} {loaded / 1e6:14.1f}")


if __name__ == "__main__":
    main()
