"""A 1 MB article is not quadratic: work grows in proportion to length.

Measured as a ratio between two sizes in the same process; a quadratic step would
make the ratio about 100, linear work makes it about 10; the bound (40) leaves room
for a loaded machine.
"""

import time

import pytest

from marsad.text import normalize_with_offsets, split_sentences, tokenize

PARAGRAPH = (
    "أعلنت القوات سيطرتها على البلدة الصغيرة، آخر معاقل «التنظيم» في المنطقة، "
    "بعد اشتباكات دامت لعدة أيام. وقال المتحدث: «انتهت المعركة».\n"
    "وَبِحَسَبِ الوكـــالةِ فإنّ ٣٫٥ مليون شخص نزحوا\nمن المنطقة خلال الأشهر الماضية.\n\n"
)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        view = normalize_with_offsets(text)
        view.span_to_original(len(view.text) // 2, len(view.text) - 1)
        split_sentences(text)
        tokenize(text)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.slow
def test_text_layer_time_grows_linearly():
    small = PARAGRAPH * (100_000 // len(PARAGRAPH))
    large = PARAGRAPH * (1_000_000 // len(PARAGRAPH))
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 40, f"1 MB took {ratio:.1f}x the time of 100 KB (linear is ~10x, quadratic ~100x)"


@pytest.mark.slow
def test_one_megabyte_without_line_breaks_or_punctuation():
    small = "كلمة " * 20_000
    large = "كلمة " * 200_000
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 40, f"1 MB took {ratio:.1f}x the time of 100 KB (linear is ~10x, quadratic ~100x)"
    assert len(split_sentences(large)) == 1
