"""Streams: gzip by magic bytes, the encoding from the first bytes, decoded lines."""

import gzip
import io

import pytest

from marsad.ingest.streams import iter_lines, open_binary, sniff_encoding, utf8_stream

LINES = ["سطر أول «مقتبس»\n", "سطر ثان، والأخير.\n"]


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("cp1256", "cp1256")],
)
def test_encoding_sniffed_and_lines_decoded(tmp_path, encoding, expected):
    data = "".join(LINES).encode(encoding)
    assert sniff_encoding(data) == expected
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    with open_binary(path) as stream:
        assert list(iter_lines(stream, str(path))) == [(1, LINES[0]), (2, LINES[1])]


def test_a_utf8_character_cut_by_the_sample_is_still_utf8():
    data = "نص عربي".encode("utf-8")
    assert sniff_encoding(data[:-1]) == "utf-8"


def test_a_line_in_another_encoding_than_the_rest_is_decoded_on_its_own(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes("سطر أول\n".encode("utf-8") + "سطر بترميز ويندوز العربي\n".encode("cp1256"))
    with open_binary(path) as stream:
        assert [line for _, line in iter_lines(stream, str(path))] == ["سطر أول\n", "سطر بترميز ويندوز العربي\n"]


def test_gzip_is_opened_by_its_magic_bytes_whatever_the_name(tmp_path):
    path = tmp_path / "no-gz-suffix.jsonl"
    path.write_bytes(gzip.compress("".join(LINES).encode("utf-8")))
    with open_binary(path) as stream:
        assert [line for _, line in iter_lines(stream, str(path))] == LINES


def test_utf8_stream_reencodes_utf16_for_parsers_that_read_utf8():
    raw = io.BytesIO('{"نص": "قيمة"}'.encode("utf-16"))
    assert utf8_stream(raw, "x.json").read().decode("utf-8") == '{"نص": "قيمة"}'
    raw = io.BytesIO('\ufeff{"a": 1}'.encode("utf-8"))
    assert utf8_stream(raw, "x.json").read() == b'{"a": 1}'


def test_a_binary_file_is_refused_but_one_corrupt_line_does_not_stop_the_rest(tmp_path):
    from marsad.errors import MarsadError

    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(bytes(range(256)) * 64)
    with open_binary(binary) as stream, pytest.raises(MarsadError) as caught:
        list(iter_lines(stream, str(binary)))
    assert caught.value.code == "M003"
    corrupt = tmp_path / "corrupt.jsonl"
    good = "سطر سليم من النص\n".encode("utf-8")
    corrupt.write_bytes(good * 100 + bytes(range(0x80, 0x100)) + b"\n" + "أخير\n".encode("utf-8"))
    with open_binary(corrupt) as stream:
        lines = [line for _, line in iter_lines(stream, str(corrupt))]
    assert len(lines) == 102 and lines[99] == good.decode("utf-8") and lines[101] == "أخير\n"
