"""CSV and TSV: columns by name (Arabic too) or --map, broken rows skipped."""

import datetime as dt
import gzip

from marsad.ingest import ReadOptions, read_table

from .helpers import FIXTURES, assert_one_line_coded, split

CSV = FIXTURES / "arabic-headers.csv"


def test_arabic_headers_quoted_multiline_text_and_varied_dates():
    documents, failures = split(read_table(CSV))
    assert [d.title for d in documents] == ["اشتباكات في ريف إدلب الجنوبي", "الحوثيون يعلنون استهداف مطار أبها", ""]
    assert documents[0].text == (
        "قالت مصادر محلية إن اشتباكات اندلعت، مساء الأحد، بين فصائل المعارضة وقوات النظام على محور كفرنبودة في ريف حماة الشمالي الغربي.\n"
        "وأضافت المصادر أن الطيران الحربي شن غارات على بلدات في ريف إدلب الجنوبي."
    )
    assert [d.published for d in documents] == [dt.date(2019, 5, 5), dt.date(2019, 6, 12), dt.date(2019, 7, 15)]
    assert documents[0].url == "https://example.org/ar/2019/05/05/idlib"
    assert documents[1].source == 'صحيفة "الخليج اليوم"'
    assert documents[2].source == str(CSV) and documents[2].url is None
    (failure,) = failures
    assert failure.source == f"{CSV}:6"
    assert_one_line_coded(failure, "M302", "row 4 (line 6)", "no text in 'النص'")


def test_a_wrong_mapping_is_one_error_naming_the_columns():
    (failure,) = read_table(CSV, ReadOptions(mapping={"text": "المحتوى"}))
    assert_one_line_coded(failure, "M303", "'المحتوى'", "العنوان, النص, تاريخ النشر, الرابط, المصدر", "--map text=")


def test_an_unknown_text_column_asks_for_a_mapping_and_the_mapping_reads_it(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("headline;متن المادة;يوم\nعنوان;نص المادة هنا;2020-02-02\n", encoding="utf-8")
    (failure,) = read_table(path)
    assert_one_line_coded(failure, "M304", "headline, متن المادة, يوم", "--map text=COLUMN")
    (document,) = read_table(path, ReadOptions(mapping={"text": "متن المادة", "published": "يوم"}))
    assert (document.title, document.text, document.published) == ("عنوان", "نص المادة هنا", dt.date(2020, 2, 2))


def test_a_broken_row_is_skipped_and_the_next_rows_read(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('title,text\nأول,نص أول\nثان,"نص ثان" بعد الاقتباس\nثالث,نص ثالث\n', encoding="utf-8")
    documents, failures = split(read_table(path))
    assert [d.title for d in documents] == ["أول", "ثالث"]
    assert_one_line_coded(failures[0], "M315", f"{path}:3", "broken CSV row")


def test_tsv_excel_windows_1256_and_gzip(tmp_path):
    tsv = tmp_path / "x.tsv"
    tsv.write_text("العنوان\tالنص\nعنوان, بفاصلة\tنص, بفاصلة\n", encoding="utf-8")
    assert [(d.title, d.text) for d in read_table(tsv)] == [("عنوان, بفاصلة", "نص, بفاصلة")]
    excel = tmp_path / "excel.csv"
    excel.write_bytes("العنوان,النص\r\nخبر,نص بترميز ويندوز\r\n".encode("cp1256"))
    assert [(d.title, d.text) for d in read_table(excel)] == [("خبر", "نص بترميز ويندوز")]
    zipped = tmp_path / "arabic-headers.csv.gz"
    zipped.write_bytes(gzip.compress(CSV.read_bytes()))
    unzipped, plain = split(read_table(zipped))[0], split(read_table(CSV))[0]
    assert len(unzipped) == 3 and [d.id for d in unzipped] == [d.id for d in plain]


def test_an_empty_csv_is_m002(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    (failure,) = read_table(path)
    assert_one_line_coded(failure, "M002", str(path))
