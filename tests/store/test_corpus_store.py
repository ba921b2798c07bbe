"""The store contract, run on SQLite and on PostgreSQL: the same tests, the same answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from store_backends import corpus_store, store_target  # noqa: F401  (fixtures: each test on SQLite and PostgreSQL)
from store_articles import ALEPPO, AID, BAGHOUZ, BAGHOUZ_REPOST, MOGADISHU, aleppo_analysis, baghouz_analysis
from marsad.errors import MarsadError
from marsad.model import Analysis, Technique
from marsad.service.indexing import analysis_rows, index_document
from marsad.service.keys import name_key
from marsad.service.neardup import NearDuplicates
from marsad.service.query import parse_query
from marsad.store import Filters, open_store

NEAR = NearDuplicates()


def add(store, document, analysis=None, cluster=None):
    with store.writer() as writer:
        return writer.add(index_document(document, analysis, NEAR), cluster)


def ids(documents):
    return [document.id for document in documents]


def found(store, query=None, filters=Filters()):
    return sorted(ids(store.candidates(parse_query(query) if query else None, filters)))


def test_a_new_store_is_at_the_latest_schema_and_empty(corpus_store):
    assert corpus_store.schema_version() == 1
    stats = corpus_store.stats()
    assert (stats.documents, stats.clusters, stats.analysed) == (0, 0, 0)


def test_reopening_keeps_documents_and_does_not_migrate_twice(store_target):
    with open_store(store_target) as store:
        add(store, BAGHOUZ)
    with open_store(store_target) as store:
        assert store.schema_version() == 1
        assert store.get(BAGHOUZ.id).text == BAGHOUZ.text


def test_a_document_reads_back_exactly_with_its_analysis(corpus_store):
    analysis = baghouz_analysis()
    add(corpus_store, BAGHOUZ, analysis)
    stored = corpus_store.get(BAGHOUZ.id)
    assert (stored.title, stored.text, stored.source, stored.url, stored.published) == (
        BAGHOUZ.title, BAGHOUZ.text, BAGHOUZ.source, BAGHOUZ.url, BAGHOUZ.published,
    )
    assert stored.cluster_id == BAGHOUZ.id
    restored = Analysis.from_dict(stored.analysis)
    assert restored.to_dict() == analysis.to_dict()
    for entity in restored.entities:
        assert restored.text[entity.start : entity.end] == entity.text


def test_existing_reports_stored_ids_and_whether_they_were_analysed(corpus_store):
    add(corpus_store, BAGHOUZ)
    with corpus_store.writer() as writer:
        existing = writer.existing(BAGHOUZ.id)
        assert existing is not None and not existing.analysed
        assert writer.existing("no-such-id") is None
        writer.add_analysis(existing.pk, analysis_rows(baghouz_analysis()))
        assert writer.existing(BAGHOUZ.id).analysed


def test_search_matches_clitic_and_spelling_variants(corpus_store):
    for document in (BAGHOUZ, ALEPPO, AID, MOGADISHU):
        add(corpus_store, document)
    # «الباغوز» in BAGHOUZ (also «بالباغوز»), «للباغوز» in AID
    assert found(corpus_store, "الباغوز") == ["baghouz-aid", "baghouz-fall"]
    assert found(corpus_store, "للباغوز") == ["baghouz-aid", "baghouz-fall"]
    assert found(corpus_store, "باغوز") == ["baghouz-aid", "baghouz-fall"]
    # ta marbuta, alef and ya variants, diacritics
    assert found(corpus_store, "الوكاله") == ["aleppo-offensive", "baghouz-fall"]
    assert found(corpus_store, "وكالة") == ["aleppo-offensive", "baghouz-fall"]
    assert found(corpus_store, "ادلب") == ["aleppo-offensive"]
    assert found(corpus_store, "مَقْدِيشُو") == ["mogadishu-siege"]
    assert found(corpus_store, "قندهار") == []


def test_boolean_queries(corpus_store):
    for document in (BAGHOUZ, ALEPPO, AID, MOGADISHU):
        add(corpus_store, document)
    assert found(corpus_store, "الباغوز المدنيين") == ["baghouz-fall"]
    assert found(corpus_store, "الباغوز AND الأطفال") == ["baghouz-aid"]
    assert found(corpus_store, "حلب OR مقديشو") == ["aleppo-offensive", "mogadishu-siege"]
    assert found(corpus_store, "الباغوز NOT الأطفال") == ["baghouz-fall"]
    assert found(corpus_store, "الباغوز -المدنيين") == ["baghouz-aid"]
    assert found(corpus_store, "(حلب OR الباغوز) NOT الأطفال") == ["aleppo-offensive", "baghouz-fall"]


def test_a_phrase_candidate_set_holds_every_true_match(corpus_store):
    """SQLite returns a superset (checked word by word in the service); PostgreSQL is exact."""
    for document in (BAGHOUZ, ALEPPO):
        add(corpus_store, document)
    assert found(corpus_store, '"قوات سوريا الديمقراطية"') == ["baghouz-fall"]
    assert "baghouz-fall" in found(corpus_store, '"بلدة الباغوز"')
    reversed_phrase = found(corpus_store, '"الديمقراطية سوريا"')
    if corpus_store.exact_phrases:
        assert reversed_phrase == []


def test_title_words_are_searchable(corpus_store):
    add(corpus_store, ALEPPO)
    add(corpus_store, MOGADISHU)
    assert found(corpus_store, "فندق") == ["mogadishu-siege"]  # only in the title


def test_actor_and_place_filters_use_canonical_names_and_surfaces(corpus_store):
    add(corpus_store, BAGHOUZ, baghouz_analysis())
    add(corpus_store, ALEPPO, aleppo_analysis())
    add(corpus_store, MOGADISHU)
    actor = lambda *names: Filters(actors=(tuple(name_key(n) for n in names),))  # noqa: E731
    assert found(corpus_store, filters=actor("Islamic State")) == ["baghouz-fall"]
    assert found(corpus_store, filters=actor("islamic state")) == ["baghouz-fall"]
    assert found(corpus_store, filters=actor("تنظيم الدولة")) == ["baghouz-fall"]  # the surface
    assert found(corpus_store, filters=actor("Syrian Arab Army")) == ["aleppo-offensive"]  # an event's actor2
    assert found(corpus_store, filters=actor("Aleppo")) == []  # a place is not an actor
    place = Filters(places=((name_key("Aleppo"),),))
    assert found(corpus_store, filters=place) == ["aleppo-offensive"]
    assert found(corpus_store, filters=Filters(places=((name_key("إدلب"),),))) == ["aleppo-offensive"]
    both = Filters(actors=((name_key("Islamic State"),), (name_key("Syrian Democratic Forces"),)))
    assert found(corpus_store, filters=both) == ["baghouz-fall"]
    assert found(corpus_store, "حلب", filters=actor("Islamic State")) == []


def test_event_type_technique_and_date_filters(corpus_store):
    add(corpus_store, BAGHOUZ, baghouz_analysis())
    add(corpus_store, ALEPPO, aleppo_analysis())
    add(corpus_store, MOGADISHU)
    assert found(corpus_store, filters=Filters(event_types=("armed clash",))) == ["aleppo-offensive"]
    assert found(corpus_store, filters=Filters(event_types=("Battles",))) == ["aleppo-offensive", "baghouz-fall"]
    assert found(corpus_store, filters=Filters(techniques=("Exaggeration-Minimisation",))) == ["baghouz-fall"]
    assert found(corpus_store, filters=Filters(since=dt.date(2020, 1, 1))) == ["aleppo-offensive", "mogadishu-siege"]
    assert found(corpus_store, filters=Filters(until=dt.date(2022, 8, 20))) == ["baghouz-fall", "mogadishu-siege"]


def test_without_a_query_newest_come_first(corpus_store):
    for document in (BAGHOUZ, ALEPPO, MOGADISHU):
        add(corpus_store, document)
    assert ids(corpus_store.candidates(None, Filters())) == ["aleppo-offensive", "mogadishu-siege", "baghouz-fall"]


def test_ranking_puts_the_document_that_is_about_the_word_first(corpus_store):
    add(corpus_store, AID)
    add(corpus_store, BAGHOUZ)
    best = next(iter(corpus_store.candidates(parse_query("الباغوز"), Filters())))
    assert best.id == "baghouz-fall"  # three mentions and the title, against one


def test_clusters_copies_and_counts(corpus_store):
    first = add(corpus_store, BAGHOUZ)
    add(corpus_store, BAGHOUZ_REPOST, cluster=first)
    add(corpus_store, ALEPPO)
    query = parse_query("الباغوز")
    assert corpus_store.count(query, Filters()) == (1, True)
    assert corpus_store.count(query, Filters(), clusters=False) == (2, True)
    assert corpus_store.count(query, Filters(since=dt.date(2019, 3, 24))) == (1, True)
    assert corpus_store.copies([first]) == {first: 2}
    repost = corpus_store.get(BAGHOUZ_REPOST.id)
    assert repost.cluster_id == BAGHOUZ.id
    stats = corpus_store.stats()
    assert (stats.documents, stats.clusters, stats.copies) == (3, 2, 1)
    assert stats.largest_clusters[0].cluster_id == BAGHOUZ.id and stats.largest_clusters[0].copies == 2


def test_near_duplicate_lookups_find_a_stored_copy(corpus_store):
    add(corpus_store, BAGHOUZ)
    indexed = index_document(BAGHOUZ_REPOST, None, NEAR)
    with corpus_store.writer() as writer:
        assert writer.same_content(index_document(BAGHOUZ, None, NEAR).content_hash) is not None
        assert writer.same_content(indexed.content_hash) is None
        neighbours = writer.neighbours(indexed.bands)
        cluster = NEAR.best_cluster(indexed.signature, neighbours)
        assert cluster == writer.existing(BAGHOUZ.id).pk


def test_stats_count_actors_and_places_once_per_cluster(corpus_store):
    first = add(corpus_store, BAGHOUZ, baghouz_analysis())
    repost = dataclasses.replace(baghouz_analysis(), id=BAGHOUZ_REPOST.id)
    add(corpus_store, dataclasses.replace(BAGHOUZ, id=BAGHOUZ_REPOST.id), repost, cluster=first)
    add(corpus_store, ALEPPO, aleppo_analysis())
    stats = corpus_store.stats()
    actors = {count.name: count.documents for count in stats.top_actors}
    places = {count.name: count.documents for count in stats.top_places}
    assert actors["Islamic State"] == 1
    assert places == {"Baghouz": 1, "Aleppo": 1, "Idlib": 1}
    assert (stats.first_published, stats.last_published) == (dt.date(2019, 3, 23), dt.date(2024, 11, 29))


def test_a_failed_batch_rolls_back_and_leaves_nothing_half_written(corpus_store):
    with pytest.raises(RuntimeError):
        with corpus_store.writer() as writer:
            writer.add(index_document(BAGHOUZ, baghouz_analysis(), NEAR), None)
            raise RuntimeError("crash in the middle of a batch")
    assert corpus_store.get(BAGHOUZ.id) is None
    assert found(corpus_store, "الباغوز") == []
    assert corpus_store.stats().documents == 0
    add(corpus_store, BAGHOUZ)
    assert found(corpus_store, "الباغوز") == ["baghouz-fall"]


def test_readers_see_committed_batches_while_the_writer_works(corpus_store):
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read():
        try:
            while not stop.is_set():
                seen.append(corpus_store.count(None, Filters(), clusters=False).count)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        with corpus_store.writer() as writer:
            for number in range(30):
                document = dataclasses.replace(ALEPPO, id=f"copy-{number}", text=ALEPPO.text + f" ({number})")
                writer.add(index_document(document, None, NEAR), None)
                if number % 10 == 9:
                    writer.commit()
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert not errors
    assert set(seen) <= {0, 10, 20, 30}  # only whole batches are ever visible
    assert corpus_store.count(None, Filters(), clusters=False) == (30, True)


def test_one_writer_at_a_time_in_a_process(corpus_store):
    order: list[str] = []

    def second_writer():
        with corpus_store.writer() as writer:
            order.append("second writes")
            writer.add(index_document(ALEPPO, None, NEAR), None)

    with corpus_store.writer() as writer:
        thread = threading.Thread(target=second_writer)
        thread.start()
        thread.join(timeout=0.3)
        assert thread.is_alive() and order == []  # waiting for the first writer
        writer.add(index_document(BAGHOUZ, None, NEAR), None)
        order.append("first done")
    thread.join(timeout=10)
    assert order == ["first done", "second writes"]
    assert found(corpus_store) == ["aleppo-offensive", "baghouz-fall"]


def test_sqlite_refuses_a_file_that_is_not_a_corpus(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("هذه ملاحظات وليست قاعدة بيانات\n" * 50, encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        open_store(path)
    assert caught.value.code == "M329"


def test_opening_a_missing_corpus_for_reading_says_how_to_create_it(tmp_path):
    with pytest.raises(MarsadError) as caught:
        open_store(tmp_path / "missing.db", create=False)
    assert caught.value.code == "M320"
    assert "marsad ingest" in str(caught.value)


def test_a_newer_schema_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')")
    with pytest.raises(MarsadError) as caught:
        open_store(path)
    assert caught.value.code == "M321"


def test_a_convention_tier_technique_does_not_make_a_match(corpus_store):
    analysis = aleppo_analysis()
    words = ALEPPO.text.split()[0]
    analysis.rhetoric.techniques = [Technique("Appeal_to_Values", 0, len(words), words, 0.2, "a convention-tier cue")]
    add(corpus_store, ALEPPO, analysis)
    add(corpus_store, BAGHOUZ, baghouz_analysis())
    assert found(corpus_store, filters=Filters(techniques=("Appeal_to_Values",))) == []
    assert found(corpus_store, filters=Filters(techniques=("Exaggeration-Minimisation",))) == ["baghouz-fall"]
