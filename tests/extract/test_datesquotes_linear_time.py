"""The dates and quotes layers are not quadratic: work grows in proportion to length,
even in one endless sentence full of dates and quotes.  Measured as a ratio between
two sizes in the same process (linear is about 10x, quadratic about 100x; the bound
leaves room for a busy machine)."""

import datetime as dt
import time

import pytest

from marsad.model import Document
from marsad.pipeline import build_pipeline

PARAGRAPH = (
    "وقال المتحدث باسم الجيش أمس الأربعاء 20 مارس الجاري إن «القوات تتقدم نحو البلدة منذ يومين»، "
    "مؤكدًا أن «المعركة لن تتوقف قبل 15 رجب 1440 هـ» وأضاف: «سننتصر الأسبوع المقبل»\n"
)
ONE_SENTENCE = "قال الوزير «الهجوم وقع يوم الخميس» و«الخسائر كبيرة منذ عام 2014» ثم أضاف «لا» "


def _seconds(pipeline, text: str) -> float:
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        pipeline(Document("t", "", text, published=dt.date(2019, 3, 21)))
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("unit", [PARAGRAPH, ONE_SENTENCE], ids=["paragraphs", "one-sentence"])
def test_dates_and_quotes_grow_linearly(unit):
    pipeline = build_pipeline(["dates", "quotes"])
    small = unit * (50_000 // len(unit))
    large = unit * (500_000 // len(unit))
    ratio = _seconds(pipeline, large) / _seconds(pipeline, small)
    assert ratio < 40, f"10x the text took {ratio:.1f}x the time (linear is ~10x)"
