"""`marsad ingest / search / export / stats` end to end, through the real console script."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

MARSAD = shutil.which("marsad", path=str(Path(sys.executable).parent)) or "marsad"


def run(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "MARSAD_DB"}
    environment.update({"COLUMNS": "120", "PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run([MARSAD, *args], capture_output=True, text=True, env=environment, timeout=300, cwd=cwd)


@pytest.fixture
def examples_folder(tmp_path):
    """The example articles only (no ../shared needed)."""
    root = tmp_path / "incoming"
    shutil.copytree(EXAMPLES, root / "examples")
    return root


@pytest.fixture
def folder(tmp_path, seed_path):
    """The seed and the example articles in one folder."""
    root = tmp_path / "incoming"
    shutil.copytree(EXAMPLES, root / "examples")
    shutil.copy(seed_path, root / "2019-03-21_seed.txt")
    return root


FORMAT_SUFFIXES = {".html", ".rss", ".json"}


def other_format_copies(root: Path, seed_path: Path) -> list[str]:
    """An HTML page, an RSS feed and a Telegram export carrying the seed, written here
    at test time; their source suffixes."""
    from html import escape

    title, _, body = seed_path.read_text(encoding="utf-8").strip().partition("\n")
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body.splitlines() if line.strip())
    copies = root / "copies"
    (copies / "telegram").mkdir(parents=True)
    (copies / "baghouz.html").write_text(
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body><nav>الرئيسية</nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    (copies / "feed.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع</title>'
        f"<item><title>{escape(title)}</title><link>https://example.org/baghouz</link>"
        f"<pubDate>Thu, 21 Mar 2019 09:00:00 +0000</pubDate><description>{escape(body)}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    export = {"name": "قناة الأخبار", "type": "public_channel", "id": 1001, "messages": [
        {"id": 7, "type": "message", "date": "2019-03-21T09:00:00", "text": body},
    ]}
    (copies / "telegram" / "result.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return ["baghouz.html", "feed.rss", "result.json"]


def test_done_when_ingest_once_rerun_adds_nothing_and_search_finds_the_seed(tmp_path, folder, seed_path):
    from marsad.ingest import READABLE_SUFFIXES

    assert FORMAT_SUFFIXES <= set(READABLE_SUFFIXES)
    copies = other_format_copies(folder, seed_path)
    db = str(tmp_path / "corpus.db")
    first = run("ingest", str(folder), "--db", db)
    assert first.returncode == 0, first.stderr
    count = len(list(folder.rglob("*.txt")))
    assert f"{count} new" in first.stderr and f"{len(copies)} near-duplicate" in first.stderr
    assert "0 failed" in first.stderr

    again = run("ingest", str(folder), "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr and f"{count + len(copies)} duplicate" in again.stderr

    found = run("search", "الباغوز", "--db", db, "--json")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    seed = [hit for hit in result["hits"] if hit["source"].endswith("2019-03-21_seed.txt")]
    if not seed:  # a copy in another format may be the cluster's best match
        every = json.loads(run("search", "الباغوز", "--db", db, "--json", "--all-copies").stdout)["hits"]
        seed = [hit for hit in every if hit["source"].endswith("2019-03-21_seed.txt")]
    assert len(seed) == 1 and seed[0]["published"] == "2019-03-21"
    marked = [snippet["text"][s - snippet["start"] : e - snippet["start"]] for snippet in seed[0]["snippets"] for s, e in snippet["highlights"]]
    assert marked and all("الباغوز" in word for word in marked)

    every = json.loads(run("search", "الباغوز", "--db", db, "--json", "--all-copies").stdout)["hits"]
    linked = [hit for hit in every if hit["cluster_id"] == seed[0]["cluster_id"]]  # every copy kept, in the seed's cluster
    assert len(linked) == len(copies) + 1, [hit["source"] for hit in linked]  # the seed, HTML, RSS, Telegram
    assert seed[0]["copies"] == len(copies) + 1

    shown = run("search", "الباغوز", "--db", db)
    assert shown.returncode == 0 and "**الباغوز**" in shown.stdout and "للباغوز" in shown.stdout

    by_actor = json.loads(run("search", "--actor", "Islamic State", "--db", db, "--json").stdout)
    assert any(hit["cluster_id"] == seed[0]["cluster_id"] for hit in by_actor["hits"])  # the seed or a copy
    by_alias = json.loads(run("search", "--actor", "داعش", "--db", db, "--json").stdout)
    assert {hit["id"] for hit in by_actor["hits"]} == {hit["id"] for hit in by_alias["hits"]}


def test_marsad_db_environment_variable_and_then_marsad_db_here_are_the_defaults(tmp_path, examples_folder):
    db = tmp_path / "from-env.db"
    result = run("ingest", str(examples_folder / "examples"), "--no-analyze", env={"MARSAD_DB": str(db)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db.exists() and not (tmp_path / "marsad.db").exists()
    stats = run("stats", "--json", env={"MARSAD_DB": str(db)})
    assert json.loads(stats.stdout)["documents"] == len(list((examples_folder / "examples").glob("*.txt")))
    result = run("ingest", str(examples_folder / "examples"), "--no-analyze", cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "marsad.db").exists()


def test_failures_are_reported_and_the_rest_goes_in(tmp_path, examples_folder):
    (examples_folder / "blob.txt").write_bytes(b"%PDF-1.4 binary")
    (examples_folder / "feed.jsonl").write_text('{"text": "نص قصير عن حلب"}\n{broken\n', encoding="utf-8")
    db = str(tmp_path / "corpus.db")
    result = run("ingest", str(examples_folder), str(tmp_path / "nowhere"), "--db", db)
    assert result.returncode == 1
    assert "3 failed" in result.stderr
    for code in ("[M003]", "[M004]", "[M001]"):
        assert code in result.stderr
    articles = len(list((examples_folder / "examples").glob("*.txt")))
    assert json.loads(run("stats", "--db", db, "--json").stdout)["documents"] == articles + 1  # + the good JSONL record


def test_search_export_and_stats_explain_a_missing_corpus(tmp_path):
    for command in (["search", "حلب"], ["stats"], ["export", "--format", "csv"]):
        result = run(*command, "--db", str(tmp_path / "none.db"))
        assert result.returncode == 1
        assert "[M320]" in result.stderr and "marsad ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_bad_query_and_bad_options_are_usage_errors(tmp_path, examples_folder):
    db = str(tmp_path / "corpus.db")
    run("ingest", str(examples_folder / "examples"), "--db", db, "--no-analyze")
    result = run("search", '"قوات سوريا', "--db", db)
    assert result.returncode == 2 and "[M323]" in result.stderr
    result = run("search", "--db", db)
    assert result.returncode == 2
    result = run("search", "حلب", "--since", "yesterday", "--db", db)
    assert result.returncode == 2 and "[M005]" in result.stderr
    result = run("export", "--format", "xlsx", "--out", str(tmp_path / "x"), "--db", db)
    assert result.returncode == 2 and "[M325]" in result.stderr


def test_export_and_stats_commands(tmp_path, folder):
    db = str(tmp_path / "corpus.db")
    run("ingest", str(folder), "--db", db)
    out = tmp_path / "baghouz.jsonl"
    result = run("export", "--format", "jsonl", "--query", "الباغوز", "--out", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["title"].startswith("بعد اقتحام «قسد» للباغوز")
    stats = run("stats", "--db", db)
    assert stats.returncode == 0 and "documents" in stats.stdout and "clusters" in stats.stdout


def test_help_shows_examples():
    for command in ("ingest", "search", "export", "stats"):
        result = run(command, "--help")
        assert result.returncode == 0 and "Examples" in result.stdout


def _big_feed(path: Path, count: int) -> None:
    """`count` distinct articles built from the examples' paragraphs (our own writing)."""
    paragraphs = [p.strip() for f in sorted(EXAMPLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()]
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            picked = [paragraphs[(number * 7 + k * 3) % len(paragraphs)] for k in range(3)]
            text = f"البيان رقم {number} الصادر في اليوم {number % 28 + 1}. " + " ".join(picked)
            handle.write(json.dumps({"id": f"doc-{number}", "title": f"خبر {number}", "text": text}, ensure_ascii=False) + "\n")


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path):
    feed, db, count = tmp_path / "feed.jsonl", tmp_path / "corpus.db", 4000
    _big_feed(feed, count)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    environment.pop("MARSAD_DB", None)
    process = subprocess.Popen([MARSAD, "ingest", str(feed), "--db", str(db)], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _committed(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    stored = _committed(db)
    assert 0 < stored < count

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert connection.execute("SELECT count(*) FROM analyses").fetchone()[0] == documents
        assert connection.execute("SELECT count(*) FROM search_docsize").fetchone()[0] == documents
        assert connection.execute("SELECT count(*) FROM signatures").fetchone()[0] == documents
        orphans = connection.execute(
            "SELECT count(*) FROM lsh_bands WHERE doc NOT IN (SELECT pk FROM documents)"
        ).fetchone()[0]
        assert orphans == 0

    rerun = run("ingest", str(feed), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{documents:,} duplicate" in rerun.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (count, count)
    found = json.loads(run("search", "البيان", "--db", str(db), "--json", "--limit", "1", "--all-copies").stdout)
    assert found["total"] == count


@pytest.mark.slow
def test_ctrl_c_keeps_what_was_read_and_says_how_to_finish(tmp_path):
    feed, db, count = tmp_path / "feed.jsonl", tmp_path / "corpus.db", 4000
    _big_feed(feed, count)
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    environment.pop("MARSAD_DB", None)
    process = subprocess.Popen([MARSAD, "ingest", str(feed), "--db", str(db), "--no-analyze"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _committed(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Interrupted" in stderr and "Run the same command again" in stderr
    stored = _committed(db)
    assert 0 < stored < count
    rerun = run("ingest", str(feed), "--db", str(db), "--no-analyze")
    assert rerun.returncode == 0 and f"{stored:,} duplicate" in rerun.stderr
    assert _committed(db) == count


def test_ingest_reads_a_csv_through_a_column_mapping_and_refuses_a_bad_one(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text(
        "المعرف,العنوان,المحتوى,تاريخ_النشر\n"
        "1,اشتباكات في ريف حلب,اندلعت اشتباكات عنيفة أمس في ريف حلب الشمالي بين فصائل مسلحة.,2024-11-28\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "corpus.db")
    mapping = "text=المحتوى,title=العنوان,published=تاريخ_النشر,id=المعرف"
    bad = run("ingest", str(table), "--db", db, "--map", "text")
    assert bad.returncode == 2 and "[M305]" in bad.stderr
    result = run("ingest", str(table), "--db", db, "--no-analyze", "--map", mapping)
    assert result.returncode == 0 and "1 new" in result.stderr, result.stderr
    found = json.loads(run("search", "حلب", "--db", db, "--json").stdout)["hits"]
    assert [(hit["title"], hit["published"]) for hit in found] == [("اشتباكات في ريف حلب", "2024-11-28")]


def test_ingest_published_fills_the_date_of_documents_that_carry_none(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "clash.txt").write_text("اشتباكات في حلب\nاندلعت اشتباكات في ريف حلب.\n", encoding="utf-8")
    db = str(tmp_path / "corpus.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db, "--no-analyze", "--published", "2020-05-05").returncode == 0
    found = json.loads(run("search", "حلب", "--db", db, "--json").stdout)["hits"]
    assert [hit["published"] for hit in found] == ["2020-05-05"]
