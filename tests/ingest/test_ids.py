"""Document ids: a hash of origin and content, stable across runs."""

from marsad.ingest import content_id, document_id


def test_same_origin_and_content_give_the_same_id_and_any_change_another():
    base = document_id("https://example.org/a", "عنوان", "نص الخبر")
    assert base == document_id("https://example.org/a", "عنوان", "نص الخبر")
    assert len(base) == 20 and int(base, 16) >= 0
    others = {
        document_id("https://example.org/b", "عنوان", "نص الخبر"),  # another source
        document_id("https://example.org/a", "عنوان آخر", "نص الخبر"),  # edited title
        document_id("https://example.org/a", "عنوان", "نص الخبر."),  # edited text
    }
    assert base not in others and len(others) == 3


def test_fields_cannot_run_into_each_other():
    assert document_id("ab", "c", "d") != document_id("a", "bc", "d")


def test_the_id_of_a_text_given_directly_is_kept_as_it_was():
    # analyse_text() ids: 16 hex digits, unchanged by the readers' ids
    assert content_id("t", "x") == content_id("t", "x") and len(content_id("t", "x")) == 16
