"""HTML pages: main text, title, date, canonical URL; boilerplate dropped."""

import datetime as dt

import pytest

from marsad.errors import MarsadError
from marsad.ingest import ReadOptions, read_html
from marsad.ingest.html import html_document

from .helpers import FIXTURES

PAGE = (FIXTURES / "mosul-victory.html").read_text(encoding="utf-8")
BOILERPLATE = ("الأكثر قراءة", "جميع الحقوق محفوظة", "شارك الخبر", "أخبار ذات صلة", "الرئيسية", "أسعار النفط", "اتصل بنا")


def test_article_text_title_date_url_and_site_without_boilerplate():
    document = read_html(FIXTURES / "mosul-victory.html")
    assert document.title == "العبادي يعلن من الموصل النصر على «داعش»"
    assert document.url == "https://alrafidain.example/news/2017/07/10/mosul-victory"  # canonical, not og:url's utm
    assert document.published == dt.date(2017, 7, 10)
    assert document.source == "شبكة الرافدين الإخبارية"
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("أعلن رئيس الوزراء العراقي حيدر العبادي، مساء الاثنين")
    assert paragraphs[-1].endswith("في مناطق أخرى من محافظة نينوى.")
    assert "«الموصل عادت إلى حضن الوطن»" in document.text
    for words in BOILERPLATE:
        assert words not in document.text


def test_a_page_without_date_metadata_gets_no_date_from_its_footer():
    page = PAGE.replace('<meta property="article:published_time" content="2017-07-10T18:30:00+03:00">', "")
    page = page.replace('<time datetime="2017-07-10">10 يوليو 2017</time>', "").replace("2017/07/10/", "")
    document = html_document(page.encode("utf-8"), "page.html", ReadOptions(published=dt.date(2020, 1, 2)))
    assert document.published == dt.date(2020, 1, 2)  # not 2017-01-01 from "© 2017"


def test_windows_1256_page_declared_in_meta_charset():
    page = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    document = html_document(page.encode("cp1256"), "page.html", ReadOptions())
    assert document.title == "العبادي يعلن من الموصل النصر على «داعش»"
    assert "حيدر العبادي" in document.text


def test_relative_canonical_link_resolved_against_the_fetched_address():
    page = PAGE.replace("https://alrafidain.example/news/2017/07/10/mosul-victory", "/news/mosul")
    page = page.replace('<meta property="og:url"', '<meta property="og:x"')
    document = html_document(page.encode("utf-8"), "https://alrafidain.example/amp/1", ReadOptions(), fetched_from="https://alrafidain.example/amp/1")
    assert document.url == "https://alrafidain.example/news/mosul"


def test_a_page_with_no_article_is_m311(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text('<html><body><nav><a href="/">الرئيسية</a> | <a href="/a">رياضة</a></nav></body></html>', encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        read_html(path)
    assert caught.value.code == "M311" and str(path) in str(caught.value)


def test_the_same_page_read_twice_keeps_its_id(tmp_path):
    copy = tmp_path / "elsewhere.html"
    copy.write_bytes((FIXTURES / "mosul-victory.html").read_bytes())
    assert read_html(copy).id == read_html(FIXTURES / "mosul-victory.html").id  # the canonical URL is the origin
