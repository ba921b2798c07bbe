"""Corpus store benchmark: ingest throughput, search latency and peak memory, SQLite
against PostgreSQL on the same synthetic corpus and the same queries.

The corpus is generated from the example articles (our own writing): their
sentences are recombined into documents of about 1,700 characters with actors,
places, numbers and dates varied, and 3% of documents are lightly edited reposts of
an earlier one (to exercise near-duplicate clustering).

Figures, each measured in this process on this machine:
  * ingest without analysis, documents/s (wall clock), per backend; baseline: only
    reading the same JSON Lines file with marsad.ingest (ratio = ingest / reading);
  * ingest with the default analysis pipeline on the first --analysed documents;
    baseline: the pipeline alone over the same documents;
  * search latency p50/p95 over a fixed query set (words in clitic forms, phrases,
    boolean queries, filters) at the full corpus size, per backend; baseline: an SQL
    `LIKE '%word%'` scan of the stored texts for the single-word queries;
  * peak memory (max RSS) of `ingest` as the input grows (--memory sizes).

    python benchmarks/store_bench.py                          # 100,000 documents, SQLite and (if configured) PostgreSQL
    python benchmarks/store_bench.py --docs 20000 --no-pg     # quicker
    MARSAD_TEST_PG=postgresql://... python benchmarks/store_bench.py
    python benchmarks/store_bench.py --search-db corpus.db --rounds 3   # query set only, on an existing corpus

PostgreSQL runs when --pg DSN or $MARSAD_TEST_PG is given (scripts/test-postgres.sh
starts a throwaway server).  Every run starts from empty stores in --workdir.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from marsad.ingest import read_documents, read_plaintext
from marsad.service import pipeline_for, search
from marsad.service.names import build_filters
from marsad.service.ingestion import Ingestion
from marsad.store import open_store
from marsad.text import split_sentences

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

ACTORS = [
    "داعش", "تنظيم الدولة", "قوات سوريا الديمقراطية", "قسد", "هيئة تحرير الشام", "حركة الشباب",
    "الحوثيون", "جماعة أنصار الله", "القاعدة", "بوكو حرام", "الحشد الشعبي", "الجيش السوري",
    "القوات العراقية", "الجيش الصومالي", "التحالف الدولي", "ولاية سيناء", "طالبان", "حزب الله",
]
PLACES = [
    "الباغوز", "حلب", "إدلب", "الموصل", "الرقة", "دير الزور", "مقديشو", "صنعاء", "الحديدة", "بغداد",
    "سرت", "درنة", "كركوك", "تلعفر", "الفلوجة", "مأرب", "عدن", "كيسمايو", "مايدوغوري", "العريش",
]
VERBS = ["أعلن", "قال", "ذكر", "أفاد", "أكد", "نفى", "أوضح", "زعم"]
NAME_PATTERN = re.compile("|".join(sorted(map(re.escape, ACTORS + PLACES), key=len, reverse=True)))
QUERIES = [
    "الباغوز", "بالباغوز", "للباغوز", "داعش", "حلب", "الوكالة", "وكالة", "مقديشو",
    '"قوات سوريا الديمقراطية"', '"هيئة تحرير الشام"', '"التحالف الدولي"',
    "داعش AND الباغوز", "حلب OR إدلب", "داعش NOT الباغوز", "(مقديشو OR صنعاء) -الحوثيون",
    "هجوم الموصل", "اشتباكات",
]
FILTERED = [  # (query, since, until)
    ("الباغوز", "2019-01-01", "2019-12-31"),
    (None, "2020-03-01", "2020-03-31"),
    ("داعش", "2024-01-01", None),
]


# -- corpus --------------------------------------------------------------------------
def sentence_pool() -> list[str]:
    pool = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = read_plaintext(path)
        pool += [document.text[s.start : s.end].strip() for s in split_sentences(document.text)]
        pool.append(document.title)
    return [sentence for sentence in pool if len(sentence) > 30]


def vary(sentence: str, rng: random.Random) -> str:
    sentence = NAME_PATTERN.sub(lambda m: rng.choice(ACTORS if m.group() in ACTORS else PLACES), sentence)
    sentence = re.sub(r"\d+", lambda m: str(rng.randint(2, 400)), sentence)
    return sentence


def generate(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentence_pool()
    bodies: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            published = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if bodies and rng.random() < 0.03:  # a lightly edited repost of an earlier document
                body = rng.choice(bodies[-2000:])
                body = body + " " + vary(rng.choice(pool), rng)
                title = "عاجل: " + body[:60]
            else:
                opening = f"{rng.choice(VERBS)} {rng.choice(ACTORS)} في {rng.choice(PLACES)} يوم {rng.randint(1, 28)}."
                body = " ".join([opening] + [vary(rng.choice(pool), rng) for _ in range(rng.randint(9, 14))])
                title = vary(rng.choice(pool), rng)[:90]
                bodies.append(body)
            record = {"id": f"syn-{number}", "title": title, "text": body, "source": f"outlet-{rng.randint(1, 40)}", "published": published}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def corpus_file(workdir: Path, count: int) -> Path:
    path = workdir / f"synthetic-{count}.jsonl"
    if not path.exists():
        generate(path, count)
    return path


# -- measurements --------------------------------------------------------------------
def reading_rate(path: Path) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in read_documents([path]))
    return count / (time.perf_counter() - started)


def ingest_rate(path: Path, target: str, analyze: bool) -> tuple[float, dict, str]:
    """(documents/s wall clock, counts, CPU per document of each thread and the rate they bound)."""
    ingestion = Ingestion([path], db=target, analyze=analyze)
    started = time.perf_counter()
    for _ in ingestion.run():
        pass
    elapsed = time.perf_counter() - started
    report = ingestion.report
    reading, writing = report.reading_cpu / report.processed, report.writing_cpu / report.processed
    cpu = (
        f"CPU/doc: read+index {reading * 1e6:.0f} us, write {writing * 1e6:.0f} us (in-process only) -> "
        f"{1 / (reading + writing):,.0f} docs/s on one free core, {1 / max(reading, writing):,.0f} on two"
    )
    return report.processed / elapsed, dict(report.counts), cpu


def pipeline_rate(path: Path) -> float:
    pipeline = pipeline_for(None)
    documents = [d for d in read_documents([path])]
    started = time.perf_counter()
    for document in documents:
        pipeline(document)
    return len(documents) / (time.perf_counter() - started)


def latencies(target: str, rounds: int, cpu_times: list[float]) -> tuple[list[float], dict[str, int]]:
    """Wall-clock seconds per search (and CPU seconds into `cpu_times`; SQLite works in this thread)."""
    from marsad.service import parse_published

    times: list[float] = []
    totals: dict[str, int] = {}
    with open_store(target, create=False) as store:
        for round_number in range(rounds + 1):
            cases = [(q, q, build_filters(resolver=lambda name: [])) for q in QUERIES]
            cases += [
                (f"{q} [{s}..{u}]", q, build_filters(since=parse_published(s), until=parse_published(u), resolver=lambda name: []))
                for q, s, u in FILTERED
            ]
            for label, query, filters in cases:
                started, cpu = time.perf_counter(), time.thread_time()
                result = search(query, db=store, filters=filters, limit=20)
                elapsed = time.perf_counter() - started
                if round_number:  # the first round warms caches and is not counted
                    times.append(elapsed)
                    cpu_times.append(time.thread_time() - cpu)
                totals[label] = result.total
    return times, totals


def like_scan(path: str, words: list[str]) -> float:
    """Mean seconds for `LIKE '%word%'` (count and first 20), the search one would do without an index."""
    with sqlite3.connect(path) as db:
        started = time.perf_counter()
        for word in words:
            db.execute("SELECT count(*) FROM document_texts WHERE text LIKE ?", (f"%{word}%",)).fetchone()
            db.execute("SELECT doc FROM document_texts WHERE text LIKE ? LIMIT 20", (f"%{word}%",)).fetchall()
        return (time.perf_counter() - started) / len(words)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def peak_memory(path: Path, count: int, workdir: Path) -> float:
    """Max RSS (MiB) of a fresh process ingesting the first `count` documents without analysis."""
    subset = workdir / f"subset-{count}.jsonl"
    with path.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number >= count:
                break
            out.write(line)
    db = workdir / f"memory-{count}.db"
    code = (
        "import resource, sys\n"
        "from marsad.service.ingestion import Ingestion\n"
        f"for _ in Ingestion([{str(subset)!r}], db={str(db)!r}, analyze=False).run(): pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr)
    output = result.stdout
    return int(output.split()[-1]) / 1024


def real_news(workdir: Path, count: int) -> None:
    """Ingest throughput on real articles (SaudiNewsNet, read from ../shared, never copied)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import load_articles

    articles, description = load_articles(count)
    path = workdir / f"real-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number, article in enumerate(articles):
            out.write(json.dumps({"id": f"real-{number}", "title": article.title, "text": article.text}, ensure_ascii=False) + "\n")
    for analyze in (False, True):
        target = workdir / f"real-{analyze}.db"
        rate, counts, cpu = ingest_rate(path, str(target), analyze=analyze)
        print(f"sqlite    {description}, {'with' if analyze else 'no'} analysis: {rate:,.0f} docs/s  {counts}")
        print(f"          {cpu}")
    path.unlink()


def search_only(target: str, rounds: int) -> None:
    cpu_times: list[float] = []
    times, _ = latencies(target, rounds, cpu_times)
    print(f"search on {target}: wall p50 {percentile(times, 0.5) * 1000:.1f} ms  p95 {percentile(times, 0.95) * 1000:.1f} ms; "
          f"CPU p50 {percentile(cpu_times, 0.5) * 1000:.1f} ms  p95 {percentile(cpu_times, 0.95) * 1000:.1f} ms "
          f"({len(times)} searches)")


def fresh_postgres(dsn: str) -> str:
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in dsn else "?"
    return f"{dsn}{separator}options={quote(f'-csearch_path={schema}')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--analysed", type=int, default=5_000, help="documents ingested with analysis")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the query set")
    parser.add_argument("--memory", default="10000,30000,100000", help="input sizes for peak memory ('' to skip)")
    parser.add_argument("--pg", default=os.environ.get("MARSAD_TEST_PG"), help="PostgreSQL DSN")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only (with --pg)")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--real", type=int, default=0, help="also ingest the first N SaudiNewsNet articles (../shared)")
    parser.add_argument("--search-db", help="only time the query set on this existing corpus (e.g. to compare two "
                        "versions of Marsad on the same file: run this with each one's Python)")
    args = parser.parse_args()
    if args.search_db:
        search_only(args.search_db, args.rounds)
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="marsad-store-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("*.db*"):
        stale.unlink()

    path = corpus_file(workdir, args.docs)
    print(f"corpus: {args.docs:,} synthetic documents, {path.stat().st_size / 2**20:.0f} MiB, in {workdir}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start "
          "(wall-clock figures slow down with other work on the machine; CPU figures much less)")
    baseline = reading_rate(path)
    print(f"baseline  reading the JSONL only         {baseline:9,.0f} docs/s")

    backends = [] if args.no_sqlite else [("sqlite", str(workdir / "corpus.db"))]
    if args.pg and not args.no_pg:
        backends.append(("postgres", fresh_postgres(args.pg)))
    results = {}
    for name, target in backends:
        rate, counts, cpu = ingest_rate(path, target, analyze=False)
        results[name] = target
        print(f"{name:9s} ingest, no analysis            {rate:9,.0f} docs/s  ({rate / baseline:.2f}x reading)  {counts}")
        print(f"          {cpu}")

    if args.no_sqlite:
        args.analysed = 0
    small = workdir / f"subset-{args.analysed}.jsonl"
    with path.open(encoding="utf-8") as source, small.open("w", encoding="utf-8") as out:
        for number, line in zip(range(args.analysed), source):
            out.write(line)
    if args.analysed:
        alone = pipeline_rate(small)
        rate, _, cpu = ingest_rate(small, str(workdir / "analysed.db"), analyze=True)
        print(f"sqlite    ingest with analysis ({args.analysed:,})     {rate:9,.0f} docs/s  ({rate / alone:.2f}x the pipeline alone, {alone:,.0f} docs/s)")
        print(f"          {cpu}")

    for name, target in results.items():
        cpu_times: list[float] = []
        times, totals = latencies(target, args.rounds, cpu_times)
        print(
            f"{name:9s} search at {args.docs:,} docs: p50 {percentile(times, 0.5) * 1000:6.1f} ms  "
            f"p95 {percentile(times, 0.95) * 1000:6.1f} ms  max {max(times) * 1000:6.1f} ms  "
            f"({len(times)} searches, mean {statistics.mean(times) * 1000:.1f} ms)"
        )
        if name == "sqlite":
            print(f"          CPU time of the same searches: p50 {percentile(cpu_times, 0.5) * 1000:.1f} ms  "
                  f"p95 {percentile(cpu_times, 0.95) * 1000:.1f} ms")
        if name == "sqlite":
            scan = like_scan(target, ["الباغوز", "حلب", "مقديشو", "داعش"])
            print(f"baseline  LIKE scan of the texts (one word)   {scan * 1000:6.1f} ms per query "
                  f"({scan / percentile(times, 0.5):.0f}x the p50 search, and it misses «بالباغوز»-style forms)")
        print(f"          totals: {json.dumps(totals, ensure_ascii=False)}")

    if args.real:
        real_news(workdir, args.real)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    sizes = [int(size) for size in args.memory.split(",") if size.strip()]
    for size in sizes:
        if size <= args.docs:
            print(f"peak memory ingesting {size:>7,} documents   {peak_memory(path, size, workdir):7.0f} MiB")


if __name__ == "__main__":
    main()
