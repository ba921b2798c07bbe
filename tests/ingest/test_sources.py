"""read_sources: every kind of source in one call, dispatch by suffix and first bytes,
failures in line, ids stable across re-reads."""

import html
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from marsad.ingest import ReadFailure, read_plaintext, read_sources
from marsad.ingest import sources as sources_module

from .helpers import FIXTURES, assert_one_line_coded, split


def test_every_fixture_in_one_call_with_failures_in_line():
    items = list(read_sources([FIXTURES]))
    documents, failures = split(items)
    by_file = Counter(Path(d.source).name if d.source.startswith(str(FIXTURES)) else d.source for d in documents)
    assert by_file == Counter({
        "نشرة المرصد": 1,  # the Markdown article's front matter names its source
        "وكالة الأنباء المحلية": 1, 'صحيفة "الخليج اليوم"': 1, "arabic-headers.csv": 1,
        "موجز النزاعات": 2,
        "شبكة الرافدين الإخبارية": 1,
        "وكالة الخبر": 3,
        "نشرة الشرق الأوسط الإخبارية": 2,
        "نافذة الأخبار العاجلة": 5,
    })
    assert [f.error.code for f in failures] == ["M302", "M302", "M302", "M302", "M004", "M307", "M313"]
    assert len({d.id for d in documents}) == len(documents)


def test_sniffing_settles_what_the_suffix_does_not(tmp_path):
    shutil.copy(FIXTURES / "sinai-and-iraq.rss.xml", tmp_path / "feed")  # no suffix: a feed by its first bytes
    shutil.copy(FIXTURES / "telegram" / "result.json", tmp_path / "channel-export.json")  # a Telegram export by its content
    shutil.copy(FIXTURES / "mosul-victory.html", tmp_path / "saved_page")  # no suffix: a page
    (tmp_path / "result.json").write_text('{"messages": "none"}', encoding="utf-8")  # the name says Telegram, wrongly
    (tmp_path / "notes").write_text("ملاحظة\nنص ملاحظة عادية.\n", encoding="utf-8")  # no suffix: plain text
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("مخفي\nلا يقرأ\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    documents, failures = split(read_sources([tmp_path]))
    assert Counter(d.source for d in documents) == Counter({
        "نافذة الأخبار العاجلة": 5, "نشرة الشرق الأوسط الإخبارية": 2, str(tmp_path / "notes"): 1, "شبكة الرافدين الإخبارية": 1,
    })
    assert [f.error.code for f in failures] == ["M313", "M307", "M312"]


def test_a_reader_that_crashes_is_reported_and_the_rest_goes_on(tmp_path, monkeypatch):
    def crash(path, options):
        raise RuntimeError("unexpected\nmulti-line")

    monkeypatch.setitem(sources_module.READERS, "markdown", crash)
    (tmp_path / "a.md").write_text("# x\n\ny\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("عنوان\nنص\n", encoding="utf-8")
    items = list(read_sources([tmp_path]))
    assert_one_line_coded(items[0], "M317", "a.md", "RuntimeError: unexpected")
    assert items[1].title == "عنوان"


def test_missing_paths_and_directories_are_walked_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("ثان\nنص\n", encoding="utf-8")
    (tmp_path / "1.md").write_text("أول\n\nنص\n", encoding="utf-8")
    items = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    assert [getattr(i, "source", None) for i in items[:2]] == [str(tmp_path / "1.md"), str(tmp_path / "b" / "2.txt")]
    assert isinstance(items[2], ReadFailure) and items[2].error.code == "M001"


# --- One folder holding the seed, the examples, and HTML, RSS and Telegram copies of them


def html_page(title: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | موقع تجريبي</title>"
        '<link rel="canonical" href="https://mirror.example/seed"></head><body>'
        '<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a> <a href="/about">من نحن</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة للموقع التجريبي</footer></body></html>"
    )


def rss_feed(documents) -> str:
    items = "".join(
        f"<item><title>{html.escape(d.title)}</title><link>https://mirror.example/{n}</link>"
        f"<pubDate>{d.published.strftime('%a, %d %b %Y 12:00:00 +0300') if d.published else ''}</pubDate>"
        f"<description>{html.escape(''.join(f'<p>{html.escape(line)}</p>' for line in d.text.splitlines()))}</description></item>"
        for n, d in enumerate(documents)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>مرآة الأخبار</title>{items}</channel></rss>'


def telegram_export(documents) -> dict:
    messages = [{"id": 1, "type": "service", "date": "2019-01-01T00:00:00", "action": "create_channel", "text": ""}]
    for n, d in enumerate(documents, start=2):
        text = [{"type": "bold", "text": d.title}, "\n" + d.text]
        messages.append({"id": n, "type": "message", "date": f"{d.published}T12:00:00", "from": "مرآة", "text": text})
    return {"name": "مرآة", "type": "public_channel", "id": 1700000000, "messages": messages}


@pytest.fixture
def corpus_folder(tmp_path, seed_path, example_paths) -> tuple[Path, list]:
    folder = tmp_path / "corpus"
    (folder / "articles").mkdir(parents=True)
    originals = [read_plaintext(seed_path)] + [read_plaintext(path) for path in example_paths]
    shutil.copy(seed_path, folder / "articles" / seed_path.name)
    for path in example_paths:
        shutil.copy(path, folder / "articles" / path.name)
    seed = originals[0]
    (folder / "seed.html").write_text(html_page(seed.title, seed.text), encoding="utf-8")
    (folder / "mirror.xml").write_text(rss_feed(originals), encoding="utf-8")
    (folder / "telegram").mkdir()
    (folder / "telegram" / "result.json").write_text(json.dumps(telegram_export(originals), ensure_ascii=False), encoding="utf-8")
    return folder, originals


def test_a_folder_of_the_seed_examples_and_their_copies_reads_in_one_call(corpus_folder):
    folder, originals = corpus_folder
    documents, failures = split(read_sources([folder]))
    assert failures == []
    assert len(documents) == 6 + 1 + 6 + 6  # articles, the HTML copy, the feed items, the channel posts
    by_source = {}
    for document in documents:
        by_source.setdefault(document.source if not document.source.startswith(str(folder)) else "files", []).append(document)
    files, page, feed, channel = by_source["files"], by_source["mirror.example"], by_source["مرآة الأخبار"], by_source["مرآة"]
    assert sorted((d.title, d.text) for d in files) == sorted((d.title, d.text) for d in originals)
    (page,) = page
    seed = originals[0]
    assert page.title == seed.title and page.url == "https://mirror.example/seed"
    assert page.text.split() == seed.text.split()  # every word, in order, nothing from the menus
    assert [d.title for d in feed] == [d.title for d in originals]
    assert [d.published for d in feed] == [d.published for d in originals]
    assert all(f.text.split() == o.text.split() for f, o in zip(feed, originals))
    assert [d.text for d in channel] == [f"{o.title}\n{o.text}" for o in originals]  # exactly as posted
    assert [d.url for d in channel] == [f"https://t.me/c/1700000000/{n}" for n in range(2, 8)]
    assert len({d.id for d in documents}) == len(documents)  # the same text from two sources: two documents


def test_reading_the_folder_again_gives_the_same_ids(corpus_folder):
    folder, _ = corpus_folder
    first = [d.id for d in read_sources([folder])]
    moved = folder.parent / "moved"
    folder.rename(moved)
    assert [d.id for d in read_sources([moved])] == first  # ids do not depend on where the folder is


@pytest.mark.parametrize("name", ["blob.jsonl", "blob.json", "blob.csv", "blob.xml", "blob.md", "blob.html", "result.json"])
def test_binary_files_under_any_readable_name_are_one_m003_each(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (failure,) = read_sources([path])
    assert_one_line_coded(failure, "M003", str(path))
