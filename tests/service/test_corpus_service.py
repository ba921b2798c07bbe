"""The corpus facade on both backends: ingest, near-duplicates, search, filters, export."""

from __future__ import annotations

import csv
import dataclasses
import json

import pytest

from store_backends import corpus_store, store_target  # noqa: F401  (fixtures: each test on SQLite and PostgreSQL)
from store_articles import ALEPPO, AID, BAGHOUZ, BAGHOUZ_REPOST, MOGADISHU, aleppo_analysis, baghouz_analysis
from marsad import service
from marsad.errors import MarsadError
from marsad.model import Analysis
from marsad.service.corpus import search
from marsad.service.names import build_filters
from marsad.service.ingestion import Ingestion
from marsad.service.export import ACLED_COLUMNS
from marsad.store import Filters, open_store
from marsad.service.indexing import index_document
from marsad.service.neardup import NearDuplicates


# Readers derive document ids from a record's origin and content, so these tests
# recognise stored documents by their titles.
NAMES = {d.title: d.id for d in (BAGHOUZ, BAGHOUZ_REPOST, ALEPPO, AID, MOGADISHU)}
NAMES["مقديشو: نسخة معاد نشرها"] = "mogadishu-forward"


def name(document) -> str:
    return NAMES[document.title if hasattr(document, "title") else document["title"]]


def stored(target, title):
    """The stored document with this title, with its analysis."""
    with open_store(target, create=False) as store:
        for document in store.candidates(None, Filters(), with_analysis=True):
            if document.title == title:
                return document
    raise AssertionError(f"no stored document titled {title!r}")


def write_jsonl(path, documents, extra_lines=()):
    lines = [
        json.dumps(
            {"id": d.id, "title": d.title, "text": d.text, "source": d.source, "url": d.url,
             "published": d.published.isoformat() if d.published else None},
            ensure_ascii=False,
        )
        for d in documents
    ]
    path.write_text("\n".join(list(lines) + list(extra_lines)) + "\n", encoding="utf-8")
    return path


def ingest(paths, target, **options):
    ingestion = Ingestion(paths, db=target, **options)
    steps = list(ingestion.run())
    return ingestion.report, steps


def test_ingest_is_idempotent_and_reports_each_kind(tmp_path, store_target):
    feed = write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ, ALEPPO, BAGHOUZ_REPOST, AID], extra_lines=["{not json"])
    report, steps = ingest([feed, tmp_path / "missing.txt"], store_target)
    assert report.counts == {"new": 3, "near-duplicate": 1, "failed": 2}
    assert sorted(error.code for _, error in report.failures) == ["M001", "M004"]
    assert [s.status for s in steps if s.source.endswith(":5")] == ["failed"]
    again, _ = ingest([feed], store_target)
    assert again.counts == {"duplicate": 4, "failed": 1}
    stats = service.corpus_stats(store_target)
    assert (stats.documents, stats.clusters, stats.copies) == (4, 3, 1)


def test_an_exact_copy_under_another_id_joins_the_first_cluster(tmp_path, store_target):
    copy = dataclasses.replace(MOGADISHU, id="mogadishu-forward", title="مقديشو: نسخة معاد نشرها", source="channel-z")
    report, _ = ingest([write_jsonl(tmp_path / "a.jsonl", [MOGADISHU, copy])], store_target)
    assert report.counts == {"new": 1, "near-duplicate": 1}
    forward, original = stored(store_target, copy.title), stored(store_target, MOGADISHU.title)
    assert forward.cluster_id == original.id != forward.id
    assert service.get_document(forward.id, store_target).text == MOGADISHU.text


def test_ingest_without_analysis_then_with_it_adds_the_analysis(tmp_path, store_target):
    feed = write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ])
    first, _ = ingest([feed], store_target, analyze=False)
    assert stored(store_target, BAGHOUZ.title).analysis is None
    second, _ = ingest([feed], store_target, analyze=True)
    assert second.counts == {"analysed": 1}
    document = stored(store_target, BAGHOUZ.title)
    assert document.analysis["layers"] == service.pipeline_for(None).names
    assert [document.text[s["start"] : s["end"]] for s in document.analysis["sentences"]][0].startswith("أعلنت")


def test_search_counts_a_cluster_once_unless_all_copies(tmp_path, store_target):
    ingest([write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ, BAGHOUZ_REPOST, AID])], store_target)
    result = search("الباغوز", db=store_target)
    first = stored(store_target, BAGHOUZ.title)
    assert [hit.document.cluster_id for hit in result.hits] == [first.id, stored(store_target, AID.title).id]  # either copy may rank first
    assert result.total == 2
    assert result.hits[0].copies == 2
    everything = search("الباغوز", db=store_target, all_copies=True)
    assert sorted(name(hit.document) for hit in everything.hits) == ["baghouz-aid", "baghouz-fall", "baghouz-repost"]


def test_search_highlights_point_at_the_original_words(tmp_path, store_target):
    ingest([write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ, AID])], store_target)
    for hit in search("الباغوز", db=store_target).hits:
        text = hit.document.text
        marked = [text[s:e] for snippet in hit.snippets for s, e in snippet.highlights]
        assert marked and all("باغوز" in word for word in marked)
        if name(hit.document) == "baghouz-aid":
            assert marked == ["للباغوز"]
    hit = search('"قوات سوريا الديمقراطية"', db=store_target).hits[0]
    assert [hit.document.text[s:e] for s, e in hit.snippets[0].highlights] == ["قوات سوريا الديمقراطية"]


def test_phrase_results_are_exact_on_every_backend(tmp_path, store_target):
    ingest([write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ, ALEPPO, AID])], store_target)
    assert [name(h.document) for h in search('"قوات سوريا الديمقراطية"', db=store_target).hits] == ["baghouz-fall"]
    assert search('"الديمقراطية سوريا"', db=store_target).hits == []
    assert search('"الديمقراطية سوريا"', db=store_target).total == 0
    assert [name(h.document) for h in search('الباغوز -"قوات سوريا"', db=store_target).hits] == ["baghouz-aid"]


def store_analysed(target, pairs):
    near = NearDuplicates()
    with open_store(target) as store, store.writer() as writer:
        for document, analysis in pairs:
            writer.add(index_document(document, analysis, near), None)


def test_actor_filter_resolves_names_through_the_hook(store_target):
    """«داعش» finds an article that only says «تنظيم الدولة», once a resolver knows both."""
    store_analysed(store_target, [(BAGHOUZ, baghouz_analysis()), (ALEPPO, aleppo_analysis()), (MOGADISHU, None)])
    aliases = {"داعش": "Islamic State", "الدولة الإسلامية": "Islamic State", "قسد": "Syrian Democratic Forces"}
    resolver = lambda name: [aliases[name]] if name in aliases else []  # noqa: E731
    assert "داعش" not in BAGHOUZ.text
    filters = build_filters(actors=["داعش"], resolver=resolver)
    assert [name(h.document) for h in search(None, db=store_target, filters=filters).hits] == ["baghouz-fall"]
    assert search(None, db=store_target, filters=build_filters(actors=["داعش"], resolver=lambda name: [])).hits == []
    filters = build_filters(actors=["قسد"], places=["حلب"], resolver=resolver)
    assert search(None, db=store_target, filters=filters).hits == []
    filters = build_filters(places=["Aleppo"], event_types=["Armed clash"], resolver=resolver)
    assert [name(h.document) for h in search("حلب", db=store_target, filters=filters).hits] == ["aleppo-offensive"]


def test_search_errors_are_coded(store_target, tmp_path):
    with pytest.raises(MarsadError) as caught:
        search("الباغوز", db=str(tmp_path / "nothing-here.db") if "postgres" not in store_target else store_target + "x")
    assert caught.value.code in ("M320", "M322")
    ingest([write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ])], store_target)
    with pytest.raises(MarsadError) as caught:
        search("الباغوز", db=store_target, limit=0)
    assert caught.value.code == "M330"


def test_exports(tmp_path, store_target):
    store_analysed(store_target, [(BAGHOUZ, baghouz_analysis()), (ALEPPO, aleppo_analysis())])
    ingest([write_jsonl(tmp_path / "feed.jsonl", [BAGHOUZ_REPOST, MOGADISHU])], store_target, analyze=False)

    report = service.export_documents("jsonl", tmp_path / "all.jsonl", db=store_target)
    lines = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert report.documents == report.rows == 3  # the repost counts once
    assert [name(line) for line in lines] == ["baghouz-fall", "aleppo-offensive", "mogadishu-siege"]
    assert Analysis.from_dict(lines[0]).to_dict() == baghouz_analysis().to_dict()
    assert lines[2]["layers"] == [] and lines[2]["text"] == MOGADISHU.text

    service.export_documents("jsonl", tmp_path / "copies.jsonl", db=store_target, all_copies=True)
    assert len((tmp_path / "copies.jsonl").read_text(encoding="utf-8").splitlines()) == 4

    service.export_documents("csv", tmp_path / "docs.csv", db=store_target, query="الباغوز")
    with (tmp_path / "docs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [name(row) for row in rows] == ["baghouz-fall"]
    assert rows[0]["actors"] == "Syrian Democratic Forces; Islamic State" and rows[0]["places"] == "Baghouz"
    assert rows[0]["text"] == BAGHOUZ.text

    filters = build_filters(actors=["Islamic State"], resolver=lambda name: [])
    report = service.export_documents("acled", tmp_path / "events.csv", db=store_target, filters=filters)
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        (event,) = list(csv.DictReader(handle))
    assert report.rows == 1
    assert list(event)[:13] == list(ACLED_COLUMNS)
    assert event["sub_event_type"] == "Non-state actor overtakes territory" and event["event_type"] == "Battles"
    assert event["actor1"] == "Syrian Democratic Forces" and event["location"] == "Baghouz"
    assert event["event_date"] == "2019-03-23"  # no event date: the publication date
    assert event["notes"] == "سيطرتها الكاملة على بلدة الباغوز"
    assert BAGHOUZ.text[int(event["marsad_start"]) : int(event["marsad_end"])] == event["notes"]

    pq = pytest.importorskip("pyarrow.parquet")
    service.export_documents("parquet", tmp_path / "docs.parquet", db=store_target)
    table = pq.read_table(tmp_path / "docs.parquet")
    assert table.num_rows == 3 and "analysis" in table.column_names
    assert table.column("title").to_pylist()[0] == BAGHOUZ.title


def test_export_refuses_unknown_formats_and_unwritable_paths(tmp_path, store_target):
    store_analysed(store_target, [(BAGHOUZ, None)])
    with pytest.raises(MarsadError) as caught:
        service.export_documents("xlsx", tmp_path / "x.xlsx", db=store_target)
    assert caught.value.code == "M325"
    with pytest.raises(MarsadError) as caught:
        service.export_documents("csv", tmp_path / "no" / "such" / "dir.csv", db=store_target)
    assert caught.value.code == "M326"
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_the_csv_export_lists_techniques_above_the_convention_tier(tmp_path):
    from marsad.model import Technique

    analysis = baghouz_analysis()
    analysis.rhetoric.techniques.append(Technique("Appeal_to_Authority", 0, 3, BAGHOUZ.text[:3], 0.2, "أكد"))
    target = str(tmp_path / "corpus.db")
    store_analysed(target, [(BAGHOUZ, analysis)])
    service.export_documents("csv", tmp_path / "docs.csv", db=target)
    with (tmp_path / "docs.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["techniques"] == "Exaggeration-Minimisation"  # the 0.2 convention cue is left out
