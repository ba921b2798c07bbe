"""JSON files: arrays of records, objects holding one, single articles; broken JSON."""

import datetime as dt
import gzip
import json

import pytest

from marsad.ingest import ReadOptions, read_json

from .helpers import FIXTURES, assert_one_line_coded, split


def test_object_holding_articles_with_a_nested_text_field_mapped():
    documents, failures = split(read_json(FIXTURES / "articles.json", ReadOptions(mapping={"text": "content.body"})))
    assert failures == []
    assert [d.title for d in documents] == ["غارات على مواقع في محافظة الحديدة", "اعتقال خلية في ريف كركوك"]
    assert documents[0].text.startswith("شنت مقاتلات غارات على مواقع في محافظة الحديدة")
    assert documents[0].published == dt.date(2024, 2, 1) and documents[0].url == "https://news.example/ar/101"
    assert documents[0].meta == {"record_id": "101"}


def test_without_the_mapping_each_record_says_its_text_is_not_a_string():
    documents, failures = split(read_json(FIXTURES / "articles.json"))
    assert documents == [] and len(failures) == 2
    assert_one_line_coded(failures[0], "M302", "record 1", "no text in 'content'", "--map")


@pytest.mark.parametrize(
    "data",
    [
        [{"title": "أ", "text": "نص أ"}, {"title": "ب", "text": "نص ب"}],
        {"meta": {"total": 2}, "data": {"items": [{"title": "أ", "text": "نص أ"}, {"title": "ب", "text": "نص ب"}]}},
        {"status": "ok", "tags": ["x"], "results": [{"title": "أ", "text": "نص أ"}, {"title": "ب", "text": "نص ب"}]},
    ],
)
def test_the_records_are_the_first_array_of_objects(tmp_path, data):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    documents, failures = split(read_json(path))
    assert failures == [] and [(d.title, d.text) for d in documents] == [("أ", "نص أ"), ("ب", "نص ب")]


def test_a_single_article_object_and_an_empty_array(tmp_path):
    single, empty = tmp_path / "one.json", tmp_path / "none.json"
    single.write_text(json.dumps({"title": "مقال", "text": "نص المقال", "date": "2019-03-21"}, ensure_ascii=False), encoding="utf-8")
    empty.write_text("[]", encoding="utf-8")
    (document,) = read_json(single)
    assert (document.title, document.text, document.published) == ("مقال", "نص المقال", dt.date(2019, 3, 21))
    assert list(read_json(empty)) == []


def test_broken_json_keeps_the_records_before_the_fault(tmp_path):
    path = tmp_path / "cut.json"
    records = [{"text": f"نص رقم {n}"} for n in range(3)]
    path.write_text(json.dumps(records, ensure_ascii=False)[:-12], encoding="utf-8")
    documents, failures = split(read_json(path))
    assert [d.text for d in documents] == ["نص رقم 0", "نص رقم 1"]
    assert len(failures) == 1
    assert_one_line_coded(failures[0], "M300", str(path), "2 record(s) before the fault")


@pytest.mark.parametrize(
    "content, phrase",
    [('{"a": 1, "tags": ["x"]}', "its fields: a"), ('"just a string"', "a single string"), ("[1, 2]", "an array of no objects")],
)
def test_json_without_records_is_m301(tmp_path, content, phrase):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    (failure,) = read_json(path)
    assert_one_line_coded(failure, "M301", phrase)


def test_gzipped_and_utf16_json(tmp_path):
    data = json.dumps([{"text": "نص مضغوط"}], ensure_ascii=False)
    zipped, wide = tmp_path / "x.json.gz", tmp_path / "wide.json"
    zipped.write_bytes(gzip.compress(data.encode("utf-8")))
    wide.write_bytes(data.encode("utf-16"))
    assert [d.text for d in read_json(zipped)] == ["نص مضغوط"]
    assert [d.text for d in read_json(wide)] == ["نص مضغوط"]
