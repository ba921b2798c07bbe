"""The optional Hugging Face path: a tiny randomly initialised BERT that the test builds.

The classifier layer is set by hand so that every subword gets one chosen tag; the
test then checks what the real loading code does with it: BIO decoding, subword
offsets mapped back to whole words of the original text, windows over long texts,
label names checked, and the model used by `--rhetoric-model`.
"""

from __future__ import annotations

import json

import pytest

from marsad import service
from marsad.errors import MarsadError
from marsad.rhetoric.store import load_model

transformers = pytest.importorskip("transformers")
torch = pytest.importorskip("torch")

TEXT = "قالت الوزارة إن الهجوم الوحشي خلف مجزرة مروعة في المدينة"
TAGS = {0: "O", 1: "B-Loaded_Language", 2: "I-Loaded_Language"}


def tiny_model(folder, bias, tags=TAGS, max_positions=64):
    words = sorted(set(TEXT.split()))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(
        vocab_file=str(folder / "vocab.txt"), do_lower_case=False, strip_accents=False, tokenize_chinese_chars=False
    )
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=max_positions, id2label=tags, label2id={v: k for k, v in tags.items()},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor(bias, dtype=torch.float))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_every_word_tagged_b_gives_one_span_per_word(tmp_path):
    tagger = load_model(tiny_model(tmp_path / "b", [0.0, 6.0, 0.0])).spans
    spans = tagger.predict(TEXT)
    assert [TEXT[s.start : s.end] for s in spans] == TEXT.split()
    assert {s.label for s in spans} == {"Loaded_Language"}
    assert all(0.9 < s.score <= 1 for s in spans)


def test_inside_tags_join_into_one_span_and_o_gives_none(tmp_path):
    inside = load_model(tiny_model(tmp_path / "i", [0.0, 0.0, 6.0])).spans
    assert [(s.start, s.end) for s in inside.predict(TEXT)] == [(0, len(TEXT))]
    outside = load_model(tiny_model(tmp_path / "o", [6.0, 0.0, 0.0])).spans
    assert outside.predict(TEXT) == []
    assert outside.predict("   ") == []


def test_long_texts_are_tagged_in_windows(tmp_path):
    tagger = load_model(tiny_model(tmp_path / "w", [0.0, 6.0, 0.0], max_positions=16)).spans
    long_text = " ".join([TEXT] * 6)
    spans = tagger.predict(long_text)
    assert len(spans) == len(long_text.split())
    assert all(long_text[s.start : s.end] in TEXT.split() for s in spans)


def test_labels_must_be_bio_over_technique_names(tmp_path):
    bad = tiny_model(tmp_path / "bad", [0.0, 0.0, 0.0], tags={0: "O", 1: "B-Sarcasm", 2: "I-Sarcasm"})
    with pytest.raises(MarsadError, match=r"\[M231\].*B-Sarcasm"):
        load_model(bad)
    wanlp = tiny_model(tmp_path / "wanlp", [0.0, 6.0, 0.0], tags={0: "O", 1: "B-Smears", 2: "I-Smears"})
    assert load_model(wanlp).spans.labels == ["Questioning_the_Reputation"]


def test_the_hf_model_runs_in_the_pipeline(tmp_path):
    folder = tiny_model(tmp_path / "pipe", [0.0, 6.0, 0.0])
    analysis = service.analyse_text(TEXT, config=service.AnalyserConfig(rhetoric_model=folder))
    techniques = analysis.rhetoric.techniques
    assert [t.text for t in techniques] == TEXT.split()
    assert all(t.source == "model:pipe" for t in techniques)
    assert analysis.rhetoric.document_techniques == [] and analysis.rhetoric.persuasive is None
    json.dumps(analysis.to_dict(), ensure_ascii=False)
