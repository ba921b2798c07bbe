"""How each backend writes a parsed query, and the PostgreSQL vector literal."""

from __future__ import annotations

from marsad.service.query import parse_query
from marsad.store.postgres import MAX_POSITION, redact, tsquery, tsvector
from marsad.store.sqlite import fts5_query, terms_text


def test_fts5_expressions():
    assert fts5_query(parse_query("قسد")) == '"قسد"'
    assert fts5_query(parse_query("للباغوز")) == '("لباغوز" OR "باغوز")'
    assert fts5_query(parse_query("حلب OR قسد")) == '("حلب" OR "قسد")'
    assert fts5_query(parse_query("حلب -قسد")) == '(("حلب") NOT "قسد")'
    near = fts5_query(parse_query('"قوات سوريا"'))
    assert near.startswith("(NEAR(") and '"قوات" "سوريا"' in near
    assert fts5_query(parse_query('"قوات سوريا"'), near=False) == '("قوات" AND "سوريا")'


def test_tsquery_expressions_keep_phrases_exact():
    assert tsquery(parse_query("حلب -قسد")) == "(('حلب') & !('قسد'))"
    assert tsquery(parse_query('"قوات سوريا"')) == "(('قوات') <-> ('سوريا'))"


def test_every_reading_of_a_word_sits_at_its_position():
    literal = tsvector([("قسد",), ("لباغوز", "باغوز"), ("باغوز",)])
    assert literal == "'قسد':1 'لباغوز':2 'باغوز':2,3"
    long_text = tsvector([(f"w{i}",) for i in range(MAX_POSITION + 5)])
    assert long_text.endswith(f"'w{MAX_POSITION + 4}':{MAX_POSITION}")  # PostgreSQL's last position
    repeated = tsvector([("كلمة",)] * 1000)
    assert repeated.count(",") == 255  # PostgreSQL keeps 256 positions per lexeme


def test_fts_text_lists_keys_in_order():
    assert terms_text([("قسد",), ("لباغوز", "باغوز")]) == "قسد لباغوز باغوز"


def test_passwords_never_reach_messages():
    assert redact("postgresql://marsad:s3cret@db.local:5432/corpus") == "postgresql://marsad:***@db.local:5432/corpus"
    assert redact("postgresql://db.local/corpus") == "postgresql://db.local/corpus"
