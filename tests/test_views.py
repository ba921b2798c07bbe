"""The views the analysers share: a document's tokens read once, a word's forms computed once."""

from __future__ import annotations

from bisect import bisect_right

from marsad.model import Analysis, Document, Sentence
from marsad.pipeline import build_pipeline
from marsad.text import NormalizeOptions, clitic_splits, normalize, split_sentences, tokenize
from marsad.views import TokenView, missing, normal, token_view, word_forms

TEXT = (
    "أعلنت «قوات سوريا الديمقراطية» (قسد) سيطرتها على بلدة الباغوز، آخر جيب لتنظيم داعش شرقي سوريا.\n\n"
    "وقال المتحدث باسمها إن المعارك انتهت بعد 5 أسابيع. وبالباغوز بقي 200 مدني؟!"
)


def analysis_of(text: str = TEXT) -> Analysis:
    analysis = Analysis.of(Document("d", "t", text))
    analysis.views["tokens"] = tokenize(text)
    analysis.sentences = [Sentence(span.start, span.end) for span in split_sentences(text)]
    return analysis


def test_the_view_lists_every_token_in_parallel():
    analysis = analysis_of()
    view = token_view(analysis)
    tokens = analysis.views["tokens"]
    assert len(view) == len(tokens)
    assert list(zip(view.starts, view.ends, view.texts, view.kinds)) == [tuple(token) for token in tokens]
    assert all(TEXT[start:end] == text for start, end, text in zip(view.starts, view.ends, view.texts))
    assert [view.texts[i] for i in view.word_indices][:4] == ["أعلنت", "قوات", "سوريا", "الديمقراطية"]
    assert "«" not in {view.texts[i] for i in view.word_indices} and "5" in {view.texts[i] for i in view.word_indices}


def test_every_token_knows_its_sentence():
    analysis = analysis_of()
    view = token_view(analysis)
    starts = [sentence.start for sentence in analysis.sentences]
    assert len(starts) == 3
    assert view.sentence_of == [bisect_right(starts, start) - 1 for start in view.starts]
    by_text = dict(zip(view.texts, view.sentence_of))
    assert by_text["أعلنت"] == 0 and by_text["وقال"] == 1 and by_text["وبالباغوز"] == 2


def test_tokens_before_the_first_sentence_or_without_sentences_have_none():
    tokens = tokenize("قال الوزير. انتهى")
    assert TokenView("", tokens, [4]).sentence_of == [-1, 0, 0, 0]
    assert TokenView("", tokens, []).sentence_of == [-1, -1, -1, -1]
    assert TokenView("", [], [0]).sentence_of == []


def test_normals_are_the_normalised_token_texts():
    view = token_view(analysis_of())
    assert view.normals == [normalize(text) for text in view.texts]
    assert normal("الإرهابيّة") == normalize("الإرهابيّة") == "الارهابيه"


def test_the_view_is_built_once_and_shared_by_the_analysers_after_it():
    analysis = analysis_of()
    assert token_view(analysis) is token_view(analysis)
    bare = Analysis.of(Document("d", "t", "قال الوزير"))
    assert token_view(bare).texts == ["قال", "الوزير"]  # tokens made when no analyser made them
    analysed = build_pipeline()(Document("d", "t", TEXT))
    assert analysed.views["token_view"].tokens is analysed.views["tokens"]


def test_word_forms_are_the_text_layers_forms_remembered_per_word():
    forms = word_forms("وبالباغوز")
    split_view = normalize("وبالباغوز", NormalizeOptions(ta_marbuta=False, punctuation=False))
    assert forms.normal == normalize("وبالباغوز")
    assert forms.split_view == split_view
    assert forms.splits == tuple(clitic_splits(split_view))
    assert forms.stem_keys == tuple(normalize(split.stem) for split in forms.splits)
    assert forms.stem_keys[-1] == "باغوز"
    assert ("وبال", "باغوز", "") in forms.splits
    assert word_forms("وبالباغوز") is forms
    # ة stays apart from ه where clitics are split, and is folded in the normal form
    assert word_forms("دولته").split_view.endswith("ته") and word_forms("الدولة").normal == "الدوله"


def test_missing_lists_the_memo_misses_of_a_document_in_order():
    assert missing(["قال", None, "الوزير", None, None]) == [1, 3, 4]
    assert missing(["قال", (), 0, ""]) == []  # falsy values are hits, not misses
    assert missing([]) == []
