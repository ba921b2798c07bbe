"""The gold set itself is well formed: every span is found in its article."""

import pytest

from gold import GOLD, GoldError, load_gold, locate, stems

EVENT_FOLDERS = ("dev_events", "heldout_c")


def test_every_annotation_resolves_to_its_text():
    if not stems():
        pytest.skip("no gold articles yet")
    for article in load_gold():
        for layer in ("entities", "dates", "quotes"):
            for item in getattr(article, layer):
                assert article.text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize("folder", EVENT_FOLDERS)
def test_every_events_folder_loads_with_its_evidence_found(folder):
    articles = load_gold(GOLD / folder)
    assert articles and all(article.published is not None for article in articles)
    for article in articles:
        for event in article.events:
            for span in event["evidence"]:
                assert article.text[span["start"] : span["end"]] == span["text"]


def test_locate_refuses_missing_text():
    with pytest.raises(GoldError):
        locate("نص قصير", "غير موجود", 1, "test")
    with pytest.raises(GoldError):
        locate("داعش ثم داعش", "داعش", 3, "test")
    assert locate("داعش ثم داعش", "داعش", 2, "test") == (8, 12)
