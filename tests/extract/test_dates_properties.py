"""Property tests for the dates layer: on any text, every span slices the text, every
value matches its precision and lies inside [earliest, latest], and nothing raises."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Document
from marsad.pipeline import build_pipeline

PIPELINE = build_pipeline(["dates"])
PATTERNS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
WORDS = (
    "أمس اليوم غدا بعد غد أول من الأربعاء الخميس الجمعة الماضية المقبل الجاري يوم فجر مساء "
    "مارس آذار كانون الثاني تشرين الأول رجب شوال رمضان هـ م عام العام سنة شهر الشهر الأسبوع "
    "منذ قبل يومين أيام ثلاثة سنوات التاسع الحادي والعشرين في حتى ذلك صلاة ثورة قال الجيش"
).split()
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.integers(min_value=0, max_value=2100).map(str),
    st.sampled_from(["/", "-", ".", "(", ")", "،", "\n", "\n\n", "٢٠", "١٤٤٠", "20.3.2019"]),
)
texts = st.one_of(st.lists(TOKENS, max_size=40).map(" ".join), st.text(max_size=200))
published = st.one_of(st.none(), st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31)))

@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(texts, published)
def test_every_date_slices_the_text_and_matches_its_precision(text, anchor):
    analysis = PIPELINE(Document("p", "", text, published=anchor))
    previous_end = 0
    for date in analysis.dates:
        assert 0 <= date.start < date.end <= len(text)
        assert text[date.start : date.end] == date.text
        assert date.start >= previous_end  # in order, never overlapping
        previous_end = date.end
        if date.value is None:
            assert date.precision is None and date.earliest is None and date.latest is None
            continue
        assert re.fullmatch(PATTERNS[date.precision], date.value)
        assert date.earliest <= date.latest
        assert date.earliest[: len(date.value)] <= date.value <= date.latest[: len(date.value)]
