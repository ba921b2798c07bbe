"""Frames with their evidence span, on our own sentences."""

from __future__ import annotations

import pytest

from marsad.rhetoric import FrameFinder
from marsad.rhetoric.document import DocumentView
from marsad.text import split_sentences, tokenize


@pytest.fixture(scope="module")
def finder() -> FrameFinder:
    return FrameFinder()


def frames(finder: FrameFinder, text: str) -> list[tuple[str, str]]:
    view = DocumentView(text, tokenize(text), list(split_sentences(text)))
    found = finder.find(view)
    for frame in found:
        assert text[frame.start : frame.end] == frame.text and frame.cue
    return [(f.label, f.text) for f in found]


@pytest.mark.parametrize(
    ("text", "label", "evidence"),
    [
        ("قال البيان إن المسلمين يتعرضون لإبادة في الإقليم.", "victimhood", "يتعرضون لإبادة في الإقليم"),
        ("وتوعد التنظيم خصومه بهجمات جديدة.", "threat_intimidation", "وتوعد"),
        ("ونفى المتحدث أن تكون الحركة قد تعرضت لهزيمة.", "denial_of_defeat", "ونفى المتحدث أن تكون الحركة قد تعرضت لهزيمة"),
        ("وقال القائد: سنعود إلى المدينة قريبًا.", "promise_of_victory_or_return", "سنعود"),
        ("وقال إن القتال فريضة شرعية على أتباعه.", "religious_legitimation", "فريضة شرعية"),
        ("ووصف الخطيب خصومه بأنهم أحفاد القردة.", "dehumanisation", "أحفاد القردة"),
        ("ودعا المتحدث الشباب إلى الالتحاق بصفوف التنظيم.", "call_to_action", "ودعا المتحدث الشباب إلى الالتحاق بصفوف"),
        ("وأضاف أن الغرب لا يهتم بضحايانا.", "grievance_against_west", "الغرب لا يهتم"),
    ],
)
def test_each_frame_with_its_evidence(finder, text, label, evidence):
    assert (label, evidence) in frames(finder, text)


def test_no_frame_in_plain_news(finder):
    assert frames(finder, "افتتح المحافظ مدرسة جديدة في الحي الشرقي يوم الأحد.") == []


@pytest.mark.parametrize(
    "text",
    [
        "ودعا الاتحاد الأوروبي إسرائيل إلى وقف خطة تنفيذ الترحيل.",  # a diplomatic call, not a call to arms
        "وقال إن الحيوانات البرية تتعرض لعمليات إبادة في الغابات.",  # wildlife, not a persecuted group
        "ودعا إلى سياسات تحمي الفقراء والمستضعفين من الغلاء.",  # development language
        "وأصيب اللاعب بقطع في الرباط الصليبي.",  # not the crusaders
        "يا أمة الإسلام، كل عام وأنتم بخير.",  # a holiday greeting
    ],
)
def test_everyday_uses_are_not_frames(finder, text):
    assert frames(finder, text) == []
