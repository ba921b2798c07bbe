"""IOB tags: corpus spellings, and conlleval's reading of tags as entity spans."""

import pytest

from marsad.extract.ner.tags import EntitySpan, normalise_tag, spans_from_tags, tags_from_spans, to_bioes, to_iob2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("B-PERS", "B-PER"),  # ANERcorp
        ("I-PERS", "I-PER"),
        ("b-misc", "B-MISC"),
        ("o", "O"),
        ("OO", "O"),
        ("B-MIS1", "B-MISC"),  # AQMAR's article-specific classes
        ("I-MIS3", "I-MISC"),
        ("B-MIS-2", "B-MISC"),
        ("B-MIS1`", "B-MISC"),
        ("I--ORG", "I-ORG"),
        ("IPERS", "I-PER"),
        ("B-ERS", "B-PER"),
        ("B-LOCI-PERS", "B-LOC"),
        ("S-LOC", "B-LOC"),  # BIOES
        ("E-ORG", "I-ORG"),
        ("B-GPE", "B-LOC"),
    ],
)
def test_corpus_spellings_become_marsad_tags(raw, expected):
    assert normalise_tag(raw) == expected


@pytest.mark.parametrize("raw", ["ونايفة</title>", "B-WEAPON", "", "X-PER"])
def test_unreadable_tags_are_none(raw):
    assert normalise_tag(raw) is None


def test_spans_follow_conlleval():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-ORG", "I-ORG"]
    assert spans_from_tags(tags) == [
        EntitySpan(0, 2, "PER"),
        EntitySpan(3, 5, "LOC"),  # a stray I- starts an entity
        EntitySpan(5, 6, "LOC"),  # B- after I- of the same type: a new entity
        EntitySpan(6, 7, "ORG"),  # I- of another type: a new entity
        EntitySpan(7, 9, "ORG"),
    ]
    assert spans_from_tags(["O", "O"]) == []
    assert spans_from_tags(["I-PER"]) == [EntitySpan(0, 1, "PER")]


def test_tags_from_spans_round_trips_iob2():
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert tags_from_spans(len(tags), spans_from_tags(tags)) == tags


def test_bioes_marks_one_token_names_and_name_ends_and_reads_back_as_iob2():
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-MISC"]
    bioes = to_bioes(tags)
    assert bioes == ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-ORG", "E-ORG", "S-MISC"]
    assert to_iob2(bioes) == ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "B-MISC"]
    assert spans_from_tags(to_iob2(bioes)) == spans_from_tags(tags)  # same entities, the stray I- included
    assert to_iob2(tags[:7]) == tags[:7] and to_bioes([]) == []
