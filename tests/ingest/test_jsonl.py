"""JSON Lines: streamed, gzipped or not; a bad line never stops the rest."""

import datetime as dt
import gzip
import json

from marsad.ingest import ReadFailure, read_documents, read_jsonl

from .helpers import FIXTURES, assert_one_line_coded, split


def test_fields_by_their_common_names_and_bad_lines_reported():
    documents, failures = split(read_jsonl(FIXTURES / "records.jsonl"))
    assert [d.title for d in documents] == [
        "انفجار سيارة مفخخة في مدينة الباب بريف حلب",
        "الجيش الصومالي يستعيد بلدة في إقليم هيران",
        "عودة آلاف النازحين إلى الموصل",
    ]
    first = documents[0]
    assert first.text.startswith("انفجرت سيارة مفخخة، صباح الثلاثاء")
    assert (first.url, first.source, first.meta) == ("https://wire.example/ar/wire-001", "وكالة الخبر", {"record_id": "wire-001"})
    assert [d.published for d in documents] == [dt.date(2020, 10, 6), dt.date(2022, 9, 1), dt.date(2021, 7, 15)]
    path = FIXTURES / "records.jsonl"
    assert [f.source for f in failures] == [f"{path}:3", f"{path}:4"]
    assert_one_line_coded(failures[0], "M302", "line 3", "no text field among guid, headline, published_at")
    assert_one_line_coded(failures[1], "M004", "invalid JSON")


def test_gzipped_file_reads_the_same_documents_with_the_same_ids(tmp_path):
    zipped = tmp_path / "records.jsonl.gz"
    zipped.write_bytes(gzip.compress((FIXTURES / "records.jsonl").read_bytes()))
    plain, _ = split(read_jsonl(FIXTURES / "records.jsonl"))
    unzipped, failures = split(read_jsonl(zipped))
    assert [d.id for d in unzipped] == [d.id for d in plain] and len(failures) == 2


def test_a_cut_gzip_keeps_what_came_before_and_says_so(tmp_path):
    lines = "".join(json.dumps({"text": f"سطر {n} " + "كلمات " * 20}, ensure_ascii=False) + "\n" for n in range(500))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_jsonl(path))
    documents, failures = split(items)
    assert 100 < len(documents) < 500
    assert [d.text.split()[1] for d in documents] == [str(n) for n in range(len(documents))]  # in order, none lost before
    assert items[-1] is failures[0] and len(failures) == 1
    assert_one_line_coded(failures[0], "M314", str(path), "cut short")


def test_records_with_and_without_optional_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "خبر", "text": "نص الخبر الأول.", "published": "2019-03-21", "source": "وكالة", "url": "https://x.org/1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
        "",
        json.dumps({"text": "نص بلا عنوان ولا تاريخ."}, ensure_ascii=False),
        json.dumps({"text": "تاريخ خاطئ", "published": "yesterday"}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_documents([path], published=dt.date(2020, 1, 1)))
    documents = [item for item in items if not isinstance(item, ReadFailure)]
    failures = [item for item in items if isinstance(item, ReadFailure)]
    assert documents[0].meta == {"record_id": "a1"} and len(documents[0].id) == 20
    assert documents[0].published == dt.date(2019, 3, 21)
    assert documents[0].source == "وكالة" and documents[0].url == "https://x.org/1"
    assert documents[1].published == dt.date(2020, 1, 1) and documents[1].title == ""
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:6", f"{path}:7"]
    assert [f.error.code for f in failures] == ["M004", "M302", "M302", "M004"]


def test_a_wrong_mapping_stops_the_file_with_one_error(tmp_path):
    from marsad.ingest import ReadOptions

    path = tmp_path / "x.jsonl"
    path.write_text('{"body": "نص"}\n{"body": "نص آخر"}\n', encoding="utf-8")
    (failure,) = read_jsonl(path, ReadOptions(mapping={"text": "content"}))
    assert_one_line_coded(failure, "M303", "'content'", "columns: body")
