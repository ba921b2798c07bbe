"""Runs the Hugging Face checks in a child process and prints what it saw as JSON.

torch and transformers leave hundreds of thousands of live objects behind, which
slows every later garbage collection in the test process (and skews the text
layer's timing test), so test_hf_tagger.py runs this script instead of importing
them.  Usage: python hf_probe.py WORKDIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch
import transformers

from marsad import service
from marsad.errors import MarsadError
from marsad.rhetoric.store import load_model

TEXT = "قالت الوزارة إن الهجوم الوحشي خلف مجزرة مروعة في المدينة"
TAGS = {0: "O", 1: "B-Loaded_Language", 2: "I-Loaded_Language"}


def tiny_model(folder: Path, bias, tags=TAGS, max_positions=64) -> Path:
    """A randomly initialised one-layer BERT whose classifier gives every subword the same tag."""
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


def spans(folder: Path, text: str = TEXT) -> list[dict]:
    return [
        {"start": s.start, "end": s.end, "text": text[s.start : s.end], "label": s.label, "score": s.score}
        for s in load_model(folder).spans.predict(text)
    ]


def error_of(folder: Path) -> str:
    try:
        load_model(folder)
    except MarsadError as error:
        return str(error)
    return ""


def main(work: Path) -> dict:
    long_text = " ".join([TEXT] * 6)
    pipe = tiny_model(work / "pipe", [0.0, 6.0, 0.0])
    # only the model: the lexicon analyser would add spans of its own
    analysis = service.analyse_text(TEXT, only=["sentences"], config=service.AnalyserConfig(rhetoric_model=pipe))
    return {
        "b": spans(tiny_model(work / "b", [0.0, 6.0, 0.0])),
        "i": spans(tiny_model(work / "i", [0.0, 0.0, 6.0])),
        "o": spans(tiny_model(work / "o", [6.0, 0.0, 0.0])),
        "blank": load_model(work / "o").spans.predict("   "),
        "long_text": long_text,
        "windows": spans(tiny_model(work / "w", [0.0, 6.0, 0.0], max_positions=16), long_text),
        "bad_labels": error_of(tiny_model(work / "bad", [0.0, 0.0, 0.0], tags={0: "O", 1: "B-Sarcasm", 2: "I-Sarcasm"})),
        "wanlp_labels": load_model(tiny_model(work / "wanlp", [0.0, 6.0, 0.0], tags={0: "O", 1: "B-Smears", 2: "I-Smears"})).spans.labels,
        "pipeline": analysis.to_dict(),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False))
