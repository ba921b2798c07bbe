"""Large inputs are read in constant memory: peak allocation while reading does not grow
with the file (tracemalloc, generous bounds)."""

import csv
import gc
import gzip
import json
import tracemalloc

import pytest

from marsad.ingest import read_sources

# About the length of a SaudiNewsNet article (mean 1,700 characters).
PARAGRAPH = "قالت مصادر محلية إن اشتباكات اندلعت بين الفصائل والقوات الحكومية في ريف المدينة، وأسفرت عن سقوط قتلى وجرحى. " * 16
PEAK_BOUND = 4 * 1024 * 1024


def records(count: int):
    for n in range(count):
        yield {"id": n, "title": f"خبر رقم {n}", "text": f"{n}: {PARAGRAPH}", "published": "2019-03-21", "source": "وكالة"}


def write(path, kind: str, count: int) -> None:
    if kind == "jsonl.gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            for record in records(count):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif kind == "json":
        with path.open("w", encoding="utf-8") as handle:
            handle.write('{"articles": [')
            for n, record in enumerate(records(count)):
                handle.write(("," if n else "") + json.dumps(record, ensure_ascii=False))
            handle.write("]}")
    elif kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["id", "title", "text", "published", "source"])
            writer.writeheader()
            writer.writerows(records(count))


def peak_while_reading(path) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_sources([path]))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["jsonl.gz", "json", "csv"])
def test_peak_memory_stays_flat_as_the_file_grows(tmp_path, kind):
    small, large = tmp_path / f"small.{kind}", tmp_path / f"large.{kind}"
    write(small, kind, 500)
    write(large, kind, 5_000)  # about 18 MB of text
    read_sources([small])  # imports and caches outside the measure
    list(read_sources([small]))
    small_count, small_peak = peak_while_reading(small)
    large_count, large_peak = peak_while_reading(large)
    assert (small_count, large_count) == (500, 5_000)
    assert large_peak < PEAK_BOUND, f"{large_peak / 1e6:.1f} MB"
    assert large_peak < 2 * small_peak + 512 * 1024, (small_peak, large_peak)
