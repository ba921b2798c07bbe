"""Plain-text articles: title and body, encodings, ids, dates from file names, bad files."""

import datetime as dt

import pytest

from marsad.errors import MarsadError
from marsad.ingest import decode_bytes, read_plaintext, split_title

ARTICLE = "عنوان الخبر\nقال المتحدث باسم الجيش إن القوات «استعادت» السيطرة على البلدة أمس الثلاثاء.\nوأضاف أن العمليات مستمرة.\n\n\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"],
)
def test_plaintext_in_every_supported_encoding(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    document = read_plaintext(path)
    assert document.title == "عنوان الخبر"
    assert document.text == "قال المتحدث باسم الجيش إن القوات «استعادت» السيطرة على البلدة أمس الثلاثاء.\nوأضاف أن العمليات مستمرة."
    assert document.source == str(path)


def test_short_cp1256_text_is_not_mistaken_for_another_codepage():
    assert decode_bytes("Hello مرحبا بكم".encode("cp1256"), "x") == "Hello مرحبا بكم"


def test_same_file_name_and_content_same_id_whatever_the_folder_or_encoding(tmp_path):
    (tmp_path / "copy").mkdir()
    a, b = tmp_path / "a.txt", tmp_path / "copy" / "a.txt"
    other_name, edited = tmp_path / "b.txt", tmp_path / "copy" / "c.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-16")
    other_name.write_text(ARTICLE, encoding="utf-8")
    edited.write_text(ARTICLE + "إضافة", encoding="utf-8")
    assert read_plaintext(a).id == read_plaintext(b).id
    assert read_plaintext(other_name).id != read_plaintext(a).id  # another source
    assert read_plaintext(edited).id != read_plaintext(a).id


def test_leading_blank_lines_and_title_whitespace(tmp_path):
    assert split_title("\n\n  العنوان  \n\nالنص هنا.\n\n") == ("العنوان", "النص هنا.")
    assert split_title("منشور من سطر واحد") == ("منشور من سطر واحد", "منشور من سطر واحد")


def test_publication_date_from_a_leading_date_in_the_file_name(tmp_path):
    path = tmp_path / "2019-03-21_baghouz.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_plaintext(path, published=dt.date(2000, 1, 1)).published == dt.date(2019, 3, 21)
    other = tmp_path / "baghouz.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    assert read_plaintext(other, published=dt.date(2000, 1, 1)).published == dt.date(2000, 1, 1)


@pytest.mark.parametrize(
    "content, code, phrase",
    [
        (b"", "M002", "empty"),
        (b"   \n\n \t\n", "M002", "empty"),
        (b"%PDF-1.7\n\x00\x01", "M003", "PDF"),
        (bytes(range(256)) * 8, "M003", "binary"),
        (b"\x00\x01\x02\x03\xff\xfe\xfd" * 50, "M003", "binary"),
    ],
)
def test_bad_files_give_one_line_errors_naming_the_file(tmp_path, content, code, phrase):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(MarsadError) as caught:
        read_plaintext(path)
    assert caught.value.code == code
    assert str(path) in str(caught.value) and phrase in str(caught.value)
    assert "\n" not in str(caught.value)
