"""Markdown articles: the rendered text, title, front matter."""

import datetime as dt

import pytest

from marsad.errors import MarsadError
from marsad.ingest import read_markdown

from .helpers import FIXTURES


def test_front_matter_gives_title_date_url_and_source_and_markup_is_dropped():
    document = read_markdown(FIXTURES / "2017-10-20_raqqa.md")
    assert document.title == "«قسد» تعلن الرقة محررة بعد أربعة أشهر من المعارك"
    assert document.published == dt.date(2017, 10, 20)
    assert document.url == "https://example.org/ar/2017/10/20/raqqa"
    assert document.source == "نشرة المرصد"
    text = document.text
    assert text.startswith("أعلنت قوات سوريا الديمقراطية (قسد)، الجمعة، في احتفال أقيم في الملعب البلدي\nوسط")
    for markup in ("**", "](", "#", "![", "---", "title:"):
        assert markup not in text
    assert "بدعم من التحالف الدولي." in text  # a link keeps its words
    assert "\n\nما بعد المعركة\n\n- نحو ثمانين" in text  # a sub-heading and a list, blocks apart
    assert text.endswith("صورة من الملعب البلدي في الرقة")  # an image keeps its alt text
    assert document.title not in text  # the heading repeating the title is not in the body


def test_without_front_matter_a_heading_or_else_the_first_line_is_the_title(tmp_path):
    heading = tmp_path / "2019-03-23_a.md"
    heading.write_text("## بيان **القيادة**\n\nالفقرة الأولى من البيان.\n\n1. بند\n2. بند آخر\n", encoding="utf-8")
    document = read_markdown(heading)
    assert document.title == "بيان القيادة"
    assert document.text == "الفقرة الأولى من البيان.\n\n1. بند\n2. بند آخر"
    assert document.published == dt.date(2019, 3, 23)  # from the file name
    plain = tmp_path / "b.md"
    plain.write_text("عنوان في السطر الأول\n\nوهذا _نص_ الخبر.\n", encoding="utf-8")
    document = read_markdown(plain)
    assert (document.title, document.text) == ("عنوان في السطر الأول", "وهذا نص الخبر.")


def test_tables_and_code_keep_their_words(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("# جدول\n\n| المدينة | التاريخ |\n|---|---|\n| الموصل | 2017 |\n\n```\nسطر كما هو\n```\n", encoding="utf-8")
    assert read_markdown(path).text == "المدينة | التاريخ\nالموصل | 2017\n\nسطر كما هو"


def test_an_empty_markdown_file_is_m002(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: فارغ\n---\n\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        read_markdown(path)
    assert caught.value.code == "M002"
