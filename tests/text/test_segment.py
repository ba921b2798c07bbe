import pytest

from marsad.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_arabic_terminal_punctuation_not_commas():
    text = "وصل الوفد، ثم بدأ الاجتماع. هل انتهى؟ نعم! وانتهى كل شيء؛ لأن الوقت مضى."
    assert sentences(text) == ["وصل الوفد، ثم بدأ الاجتماع.", "هل انتهى؟", "نعم!", "وانتهى كل شيء؛ لأن الوقت مضى."]


def test_never_splits_inside_guillemets():
    text = "قال المتحدث: «سنعود. والنصر قريب». وأضاف أن المعركة مستمرة."
    assert sentences(text) == ["قال المتحدث: «سنعود. والنصر قريب».", "وأضاف أن المعركة مستمرة."]


def test_hard_wrapped_lines_join_into_one_sentence():
    text = "بدأت معارك طرد المسلحين من البلدة الصغيرة باقتحام\n«القوات» للمنطقة بمعاونة الطيران، واستمرت\nلساعات.\nوقال مصدر إن المعركة انتهت."
    assert sentences(text) == [
        "بدأت معارك طرد المسلحين من البلدة الصغيرة باقتحام\n«القوات» للمنطقة بمعاونة الطيران، واستمرت\nلساعات.",
        "وقال مصدر إن المعركة انتهت.",
    ]


def test_short_line_without_punctuation_is_a_heading():
    text = "انتهى الاجتماع دون اتفاق.\nخطاب عاطفي\nتأتي هذه النتائج بعد أيام من الخطاب."
    assert sentences(text) == ["انتهى الاجتماع دون اتفاق.", "خطاب عاطفي", "تأتي هذه النتائج بعد أيام من الخطاب."]


def test_short_line_ending_with_a_preposition_is_a_wrap():
    text = "انسحب المقاتلون من\nالمدينة فجرا."
    assert sentences(text) == ["انسحب المقاتلون من\nالمدينة فجرا."]


def test_mid_line_ellipsis_is_not_a_sentence_end():
    text = "للمزيد.. «حروب البادية».. مرحلة متوقعة بعد «الباغوز»"
    assert sentences(text) == [text]


def test_ellipsis_at_line_end_ends_the_sentence():
    text = "وانتظر الجميع...\nثم جاء الخبر."
    assert sentences(text) == ["وانتظر الجميع...", "ثم جاء الخبر."]


@pytest.mark.parametrize("text", ["بلغت النسبة 3.5 في المئة.", "التقى د. محمد بالوفد.", "زار U.S. Army القاعدة."])
def test_decimals_and_abbreviations_do_not_split(text):
    assert sentences(text) == [text]


def test_missing_space_after_full_stop_between_arabic_words():
    assert sentences("انتهت المعركة.وقال القائد إنها الأخيرة.") == ["انتهت المعركة.", "وقال القائد إنها الأخيرة."]


def test_blank_lines_separate_paragraphs_and_whitespace_is_trimmed():
    text = "  الفقرة الأولى بلا نقطة في آخرها ولكنها طويلة بما يكفي  \n\n\n  الفقرة الثانية.  \n"
    assert sentences(text) == ["الفقرة الأولى بلا نقطة في آخرها ولكنها طويلة بما يكفي", "الفقرة الثانية."]


def test_unclosed_guillemet_does_not_swallow_the_paragraph():
    text = "قال «سنعود. ثم غادر. وانتهى الأمر."
    assert len(sentences(text)) == 3


def test_bullets_start_new_segments():
    text = "أبرز النقاط التي وردت في البيان الختامي للقمة\n- وقف إطلاق النار\n- تبادل الأسرى"
    assert sentences(text)[-2:] == ["- وقف إطلاق النار", "- تبادل الأسرى"]


def test_crlf_line_endings():
    assert sentences("السطر الأول.\r\nالسطر الثاني.\r\n") == ["السطر الأول.", "السطر الثاني."]
