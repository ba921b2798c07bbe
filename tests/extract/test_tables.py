"""Resource files: a malformed row or a missing file is a coded error naming the file
and line, never a silently skipped row."""

from __future__ import annotations

import pytest

from marsad.errors import MarsadError
from marsad.extract import tables
from marsad.extract.dates import lexicon


@pytest.fixture
def resources(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "RESOURCES", tmp_path)
    (tmp_path / "dates").mkdir()
    return tmp_path


def test_rows_skip_comments_and_blank_lines(resources):
    (resources / "dates" / "weekdays.tsv").write_text("# weekday\tname\n\n3\tالخميس\n", encoding="utf-8")
    assert [row.fields for row in tables.read_rows("dates/weekdays.tsv", 2)] == [("3", "الخميس")]


def test_a_row_with_missing_columns_names_its_line(resources):
    (resources / "dates" / "weekdays.tsv").write_text("# header\n3\tالخميس\n4 الجمعة\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        list(tables.read_rows("dates/weekdays.tsv", 2))
    assert caught.value.code == "M120"
    assert "dates/weekdays.tsv, line 3" in str(caught.value)


def test_a_bad_value_names_its_line_and_value(resources, monkeypatch):
    (resources / "dates" / "weekdays.tsv").write_text("9\tالخميس\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        lexicon._weekdays()
    assert caught.value.code == "M120" and "'9'" in str(caught.value) and "0-6" in str(caught.value)


def test_a_missing_file_says_to_reinstall(resources):
    with pytest.raises(MarsadError) as caught:
        list(tables.read_rows("dates/nothing.tsv", 2))
    assert caught.value.code == "M121" and "pip install" in str(caught.value)


def test_the_shipped_date_lexicons_load():
    loaded = lexicon.load_lexicon()
    assert loaded.longest(["كانون", "الثاني"])[0] == 2
    assert loaded.longest(["اول", "من", "امس"])[0] == 3
    assert (11, 9) in loaded.named_dates


def test_a_table_is_read_by_its_header_row(resources):
    (resources / "ner").mkdir()
    (resources / "ner" / "tags.tsv").write_text("# spellings\nspelling\ttype\nPERS\tPER\nB-OEG\t\n", encoding="utf-8")
    assert tables.read_table("ner/tags.tsv", ("spelling", "type")) == [(3, {"spelling": "PERS", "type": "PER"}), (4, {"spelling": "B-OEG", "type": ""})]


def test_a_table_whose_header_differs_names_the_line(resources):
    (resources / "ner").mkdir()
    (resources / "ner" / "tags.tsv").write_text("# spellings\nspelling\tkind\nPERS\tPER\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        tables.read_table("ner/tags.tsv", ("spelling", "type"))
    assert caught.value.code == "M120" and "line 2" in str(caught.value) and "'type'" in str(caught.value)


def test_the_ner_tag_spellings_come_through_the_shared_reader():
    from marsad.extract.ner.tags import normalise_tag

    assert normalise_tag("B-PERS") == "B-PER" and normalise_tag("i-misc") == "I-MISC"
