"""Which field of a record holds what, and the Documents records become."""

import datetime as dt

import pytest

from marsad.errors import MarsadError
from marsad.ingest import ReadOptions
from marsad.ingest.records import RecordDocuments, RecordFields, SourceRefused


def test_common_names_are_recognised_in_arabic_and_english_whatever_the_spelling():
    fields = RecordFields("x.csv", ["رقم", "العنوان", "نص_الخبر", "تاريخ النشر", "الرابط", "المصدر"], ReadOptions())
    assert fields.columns == {
        "id": "رقم", "title": "العنوان", "text": "نص_الخبر", "published": "تاريخ النشر", "url": "الرابط", "source": "المصدر",
    }
    fields = RecordFields("x.csv", ["Headline", "Full-Text", "PubDate", "Link", "Outlet"], ReadOptions())
    assert fields.columns == {"title": "Headline", "text": "Full-Text", "published": "PubDate", "url": "Link", "source": "Outlet"}


def test_the_first_listed_name_wins_when_several_are_present():
    fields = RecordFields("x.json", ["summary", "text", "description"], ReadOptions())
    assert fields.columns["text"] == "text"


def test_a_mapping_overrides_and_a_wrong_one_names_the_columns():
    fields = RecordFields("x.csv", ["text", "المتن"], ReadOptions(mapping={"text": "المتن"}))
    assert fields.columns["text"] == "المتن"
    with pytest.raises(MarsadError) as caught:
        RecordFields("x.csv", ["headline", "content"], ReadOptions(mapping={"text": "contnt"}))
    assert caught.value.code == "M303"
    assert "'contnt'" in str(caught.value) and "headline, content" in str(caught.value)


def test_no_text_column_is_refused_with_the_columns_listed():
    with pytest.raises(MarsadError) as caught:
        RecordFields("x.csv", ["a", "b"], ReadOptions())
    assert caught.value.code == "M304" and "a, b" in str(caught.value) and "--map text=COLUMN" in str(caught.value)


def test_documents_from_records_with_ids_dates_and_defaults():
    to_document = RecordDocuments("feed.jsonl", ReadOptions(published=dt.date(2020, 1, 1)), "feed.jsonl")
    with_id = to_document({"id": 7, "text": "نص", "source": "وكالة"}, "line 1")
    assert with_id.meta == {"record_id": "7"} and with_id.source == "وكالة" and with_id.published == dt.date(2020, 1, 1)
    other_file = RecordDocuments("other.jsonl", ReadOptions(), "other.jsonl")
    # the same record id from the same outlet is the same document, whichever file holds it
    assert other_file({"id": "7", "text": "نص", "source": "وكالة"}, "line 9").id == with_id.id
    assert other_file({"id": "7", "text": "نص", "source": "وكالة أخرى"}, "line 9").id != with_id.id
    nested = RecordDocuments("x.json", ReadOptions(mapping={"text": "body.main"}), "x.json")
    assert nested({"body": {"main": "نص داخلي"}}, "record 1").text == "نص داخلي"


def test_record_faults_are_m302_and_a_first_record_without_text_refuses_the_source():
    to_document = RecordDocuments("x.jsonl", ReadOptions(), "x.jsonl")
    with pytest.raises(SourceRefused):
        to_document({"headline": "بلا نص"}, "line 1")
    to_document = RecordDocuments("x.jsonl", ReadOptions(), "x.jsonl")
    to_document({"text": "أول"}, "line 1")
    for record, phrase in (({"headline": "بلا نص"}, "no text field"), ({"text": "  "}, "no text"), ({"text": "x", "date": "أمس"}, "not a date"), ([1], "got an array")):
        with pytest.raises(MarsadError) as caught:
            to_document(record, "line 2")
        assert caught.value.code == "M302" and phrase in str(caught.value) and "line 2" in str(caught.value)
