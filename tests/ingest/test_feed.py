"""RSS 2.0 and Atom feeds from files; broken and foreign XML."""

import datetime as dt

from marsad.ingest import read_feed

from .helpers import FIXTURES, assert_one_line_coded, split

RSS = FIXTURES / "sinai-and-iraq.rss.xml"
ATOM = FIXTURES / "hajin-and-mogadishu.atom.xml"


def test_rss_full_content_preferred_html_stripped_and_local_dates():
    documents, failures = split(read_feed(RSS))
    rawda, iraq = documents
    assert rawda.title == "مقتل أكثر من ثلاثمئة مصلٍّ في هجوم على مسجد الروضة بشمال سيناء"
    assert rawda.text.startswith("قُتل أكثر من ثلاثمئة شخص وأصيب العشرات، الجمعة، في هجوم شنه مسلحون على مسجد الروضة في قرية")
    assert rawda.text.count("\n\n") == 2  # three paragraphs, not the one-line description
    assert rawda.text.endswith('بالرد على الهجوم "بقوة غاشمة".')  # entities decoded
    assert "<" not in rawda.text and "&" not in rawda.text
    assert rawda.published == dt.date(2017, 11, 24)
    assert (rawda.url, rawda.source) == ("https://example.net/ar/2017/11/24/rawda", "نشرة الشرق الأوسط الإخبارية")
    assert rawda.meta == {"author": "مراسل العريش", "guid": "mena-2017-11-24-0001"}
    # an escaped-HTML description is the text when there is no full content
    assert iraq.text.startswith("أعلن رئيس الوزراء العراقي حيدر العبادي، السبت، انتهاء الحرب ضد تنظيم داعش")
    assert iraq.text.endswith("إن «قواتنا تسيطر بالكامل على الحدود».")
    assert iraq.published == dt.date(2017, 12, 9)
    (failure,) = failures
    assert_one_line_coded(failure, "M307", "item 3", "عنوان بلا نص", "only a title")


def test_atom_content_over_summary_published_over_updated():
    (hajin, mogadishu), failures = split(read_feed(ATOM))
    assert failures == []
    assert hajin.title == "«قسد» تسيطر على بلدة هجين في ريف دير الزور الشرقي"
    assert hajin.text.startswith("سيطرت قوات سوريا الديمقراطية، الجمعة، على بلدة هجين")
    assert "\n\nويتحصن ما تبقى من مسلحي التنظيم" in hajin.text
    assert hajin.published == dt.date(2018, 12, 14)  # the local date of <published>, not UTC, not <updated>
    assert hajin.source == "موجز النزاعات" and hajin.url == "https://example.com/ar/2018/12/14/hajin"
    assert mogadishu.published == dt.date(2017, 10, 15)  # only <updated>
    assert "مقديشو، بعد ظهر السبت" in mogadishu.text and "\nولم تتبن أي جهة" in mogadishu.text


def test_a_cut_feed_gives_the_items_before_the_fault_then_m306(tmp_path):
    data = RSS.read_text(encoding="utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(data[: data.index("<title>عنوان بلا نص")], encoding="utf-8")
    items = list(read_feed(cut))
    documents, failures = split(items)
    assert [d.url for d in documents] == ["https://example.net/ar/2017/11/24/rawda", "https://example.net/ar/2017/12/09/iraq-victory"]
    assert items[-1] is failures[-1]
    assert_one_line_coded(failures[-1], "M306", str(cut), "2 item(s) read before the fault")


def test_xml_that_is_not_a_feed_and_text_that_is_not_xml(tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.org/</loc></url></urlset>', encoding="utf-8")
    (failure,) = read_feed(sitemap)
    assert_one_line_coded(failure, "M306", "neither RSS nor Atom")
    prose = tmp_path / "prose.rss"
    prose.write_text("هذا ليس موجزًا بل نص عادي محفوظ باسم خاطئ.\n", encoding="utf-8")
    (failure,) = read_feed(prose)
    assert_one_line_coded(failure, "M306", str(prose), "0 item(s)")


def test_the_same_feed_read_twice_gives_the_same_ids():
    first, _ = split(read_feed(RSS))
    again, _ = split(read_feed(RSS))
    assert [d.id for d in first] == [d.id for d in again] and len({d.id for d in first}) == 2
