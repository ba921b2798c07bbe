"""--map: FIELD=COLUMN pairs."""

import pytest

from marsad.errors import MarsadError
from marsad.ingest import parse_mapping


def test_pairs_with_arabic_columns_spaces_and_dotted_paths():
    assert parse_mapping(" text = نص الخبر , Title=headline,published=meta.date ") == {
        "text": "نص الخبر",
        "title": "headline",
        "published": "meta.date",
    }
    assert parse_mapping(None) == {} and parse_mapping("") == {}


@pytest.mark.parametrize(
    "value, phrase",
    [("text", "not FIELD=COLUMN"), ("body=content", "unknown field 'body'"), ("text=a,text=b", "mapped twice"), ("text=", "not FIELD=COLUMN")],
)
def test_bad_mappings_are_usage_errors_that_show_the_form(value, phrase):
    with pytest.raises(MarsadError) as caught:
        parse_mapping(value)
    message = str(caught.value)
    assert caught.value.code == "M305" and caught.value.exit_code == 2
    assert phrase in message and "--map text=content" in message and "\n" not in message
