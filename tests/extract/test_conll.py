"""Reading CoNLL/IOB files: sentence breaks, line ranges, and the repairs real corpora need."""

from pathlib import Path

import pytest

from conftest import external
from marsad.errors import MarsadError
from marsad.extract.ner.conll import ConllSource, read_conll
from marsad.extract.ner.tags import spans_from_tags

TINY = Path(__file__).resolve().parent / "data" / "tiny_ner.conll"


def write(tmp_path: Path, text: str, name: str = "x.conll") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_blank_lines_and_sentence_final_punctuation_end_sentences(tmp_path):
    path = write(
        tmp_path,
        "وصل O\nأحمد B-PERS\nالعلي I-PERS\n. O\nثم O\nغادر O\n؟ O\n! O\nإلى O\nعمان B-LOC\n\nقال O\nالوزير O\n",
    )
    corpus = read_conll(path)
    assert [s.tokens for s in corpus.sentences] == [
        ("وصل", "أحمد", "العلي", "."),
        ("ثم", "غادر", "؟", "!"),  # a run of final marks stays with its sentence
        ("إلى", "عمان"),
        ("قال", "الوزير"),
    ]
    assert corpus.sentences[0].tags == ("O", "B-PER", "I-PER", "O")
    assert corpus.sentences[2].line == 9
    assert corpus.token_count == 12 and corpus.problem_count == 0


def test_tabs_and_extra_columns_take_the_last_column_as_tag(tmp_path):
    corpus = read_conll(write(tmp_path, "بغداد\tNNP\tB-NP\tB-LOC\nاليوم\tNN\tI-NP\tO\n"))
    assert corpus.sentences[0].tokens == ("بغداد", "اليوم")
    assert corpus.sentences[0].tags == ("B-LOC", "O")


def test_noisy_lines_are_repaired_and_reported(tmp_path):
    text = (
        "\ufeffالوفد O\n"
        "\u200f O\n"  # a token that is only a right-to-left mark: dropped
        "B-PERS سلمان\n"  # swapped
        "زار\u200f O\n"  # mark inside the token: removed
        ".O\n"  # tag glued to its token
        "عمان ونايفة</title>\n"  # unreadable tag
        "وحده\n"  # no tag at all
    )
    corpus = read_conll(write(tmp_path, text))
    tokens = [t for s in corpus.sentences for t in s.tokens]
    tags = [t for s in corpus.sentences for t in s.tags]
    assert tokens == ["الوفد", "سلمان", "زار", ".", "عمان", "وحده"]
    assert tags == ["O", "B-PER", "O", "O", "O", "O"]
    assert corpus.problem_count == 4
    assert any("swapped" in p for p in corpus.problems)
    assert any("line 6" in p and "unreadable tag" in p for p in corpus.problems)


def test_a_line_range_reads_only_those_lines(tmp_path):
    path = write(tmp_path, "أ O\nب O\n. O\nبغداد B-LOC\nاليوم O\n. O\n")
    corpus = read_conll(f"{path}:4-5")
    assert [s.tokens for s in corpus.sentences] == [("بغداد", "اليوم")]
    assert str(ConllSource.parse(f"{path}:4-5")) == f"{path}:4-5"


def test_a_file_whose_name_looks_like_a_range_is_read_whole(tmp_path):
    path = write(tmp_path, "بغداد B-LOC\n", name="odd:1-2")
    assert ConllSource.parse(str(path)).first_line is None
    assert read_conll(path).token_count == 1


@pytest.mark.parametrize("spec", ["x.conll:0-5", "x.conll:9-3"])
def test_bad_ranges_are_usage_errors(tmp_path, spec):
    with pytest.raises(MarsadError) as caught:
        ConllSource.parse(str(tmp_path / spec))
    assert caught.value.code == "M173"


def test_missing_empty_and_binary_files_are_coded_errors(tmp_path):
    with pytest.raises(MarsadError) as caught:
        read_conll(tmp_path / "none.conll")
    assert caught.value.code == "M001"
    with pytest.raises(MarsadError) as caught:
        read_conll(write(tmp_path, "\n\n"))
    assert caught.value.code == "M172" and "no labelled tokens" in str(caught.value)
    binary = tmp_path / "b.conll"
    binary.write_bytes(b"\xff\xfe\x00\x81\x82 O\n")
    with pytest.raises(MarsadError) as caught:
        read_conll(binary)
    assert caught.value.code == "M172"


def test_the_tiny_fixture_reads_cleanly():
    corpus = read_conll(TINY)
    assert len(corpus.sentences) == 46 and corpus.problem_count == 0
    types = {span.type for s in corpus.sentences for span in spans_from_tags(s.tags)}
    assert types == {"PER", "ORG", "LOC"}


def test_anercorp_camel_split_matches_its_readme():
    path = external("anercorp", "ANERCorp.txt")
    test = read_conll(f"{path}:125279-150286")
    assert test.token_count == 25_008
    assert test.sentences[0].tokens[:4] == ("الصالحية", "المفرق", "-", "غيث")
    train = read_conll(f"{path}:1-125278")
    assert 125_050 <= train.token_count <= 125_102  # README: about 125,087 after cleaning
