"""Optional: a local Hugging Face token-classification model as the span model.

A directory saved with `save_pretrained` (config.json, weights, a fast tokenizer)
whose labels are BIO tags over technique names (`O`, `B-Loaded_Language`,
`I-Loaded_Language`, ...; WANLP 2022 names are mapped) loads with
`local_files_only=True`: nothing is downloaded.  Needs the optional packages
transformers and torch (`pip install torch==2.13.0 'marsad[hf]'`).

Texts longer than the model's window are tagged in overlapping windows of
subword tokens; each subword's offsets map the tags back to characters.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Errors, MarsadError
from .datasets import NO_TECHNIQUE, araieval_name
from .span_tagger import PredictedSpan

WINDOW_STRIDE = 32


class HuggingFaceTagger:
    def __init__(self, directory: Path, tokenizer, model, tags: dict[int, tuple[str, str | None]]) -> None:
        self.directory = directory
        self.tokenizer = tokenizer
        self.model = model
        self.tags = tags  # class index -> (B|I|O, technique)

    @property
    def labels(self) -> list[str]:
        return sorted({label for _, label in self.tags.values() if label})

    def predict(self, text: str) -> list[PredictedSpan]:
        import torch

        if not text.strip():
            return []
        limit = min(int(getattr(self.model.config, "max_position_embeddings", 512)), 512)
        encoded = self.tokenizer(
            text,
            return_offsets_mapping=True,
            truncation=True,
            max_length=limit,
            stride=min(WINDOW_STRIDE, (limit - 2) // 4),  # windows overlap by a quarter at most
            return_overflowing_tokens=True,
            padding=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").tolist()
        encoded.pop("overflow_to_sample_mapping", None)
        with torch.no_grad():
            probabilities = torch.softmax(self.model(**encoded).logits, dim=-1)
        best = {}  # character span of a subword -> (probability, class); the surest window wins
        for window, window_offsets in enumerate(offsets):
            for position, (start, end) in enumerate(window_offsets):
                if end <= start:
                    continue
                probability, index = probabilities[window, position].max(dim=-1)
                if (start, end) not in best or float(probability) > best[(start, end)][0]:
                    best[(start, end)] = (float(probability), int(index))
        return self._spans(sorted(best.items()))

    def _spans(self, tagged: list[tuple[tuple[int, int], tuple[float, int]]]) -> list[PredictedSpan]:
        spans: list[PredictedSpan] = []
        current: list = []  # [start, end, label, probabilities]
        for (start, end), (probability, index) in tagged:
            tag, label = self.tags[index]
            continues = current and tag == "I" and label == current[2] or (
                current and tag == "B" and label == current[2] and start < current[1]  # next subword of the same word
            )
            if continues:
                current[1] = end
                current[3].append(probability)
                continue
            if current:
                spans.append(_finish(current))
            current = [start, end, label, [probability]] if tag != "O" else []
        if current:
            spans.append(_finish(current))
        return spans


def _finish(current: list) -> PredictedSpan:
    start, end, label, probabilities = current
    return PredictedSpan(start, end, label, sum(probabilities) / len(probabilities))


def _parse_tags(directory: Path, id2label: dict) -> dict[int, tuple[str, str | None]]:
    tags: dict[int, tuple[str, str | None]] = {}
    for index, name in id2label.items():
        name = str(name)
        if name == "O":
            tags[int(index)] = ("O", None)
            continue
        prefix, _, technique = name.partition("-")
        label = araieval_name(technique)
        if prefix not in ("B", "I") or label in (None, NO_TECHNIQUE):
            raise MarsadError(Errors.M231, path=directory, reason=f"label {name!r}")
        tags[int(index)] = (prefix, label)
    if not any(tag != "O" for tag, _ in tags.values()):
        raise MarsadError(Errors.M231, path=directory, reason="no B- or I- labels")
    return tags


def load_hf_tagger(directory: Path) -> HuggingFaceTagger:
    try:
        import torch  # noqa: F401
        from transformers import AutoModelForTokenClassification, AutoTokenizer
    except ImportError as error:
        raise MarsadError(Errors.M228, path=directory, reason=str(error)) from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(str(directory), local_files_only=True)
    except (OSError, ValueError) as error:
        raise MarsadError(Errors.M225, path=directory, reason=f"Hugging Face model: {error}") from None
    if not getattr(tokenizer, "is_fast", False):
        raise MarsadError(Errors.M225, path=directory, reason="needs a fast tokenizer (tokenizer.json) for character offsets")
    model.eval()
    return HuggingFaceTagger(directory, tokenizer, model, _parse_tags(directory, model.config.id2label))
