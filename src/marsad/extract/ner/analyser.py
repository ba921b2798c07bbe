"""The `ner` analyser: a trained CRF adds entities where the rule layers found none.

Merge policy (rules first, because their names are linked and reviewed):

1. Entities already in the analysis (gazetteer, persons, coreference) are kept as they are.
2. A CRF entity that overlaps any of them is dropped: the rule layers win where both speak.
3. Other CRF entities are added, their span starting after leading proclitics
   (merge.py), and linked to a canonical name when the gazetteer's resolve() knows the
   name with the same type.

The whole document is tagged at once, so a two-pass model's second pass sees the
other sentences (document.py).  The model directory comes from
`AnalyserConfig.ner_model` (`--ner-model DIR`).
"""

from __future__ import annotations

from ...analyser import Analyser, AnalyserConfig
from ...errors import Errors, MarsadError
from ...model import Analysis, Entity
from ...text import Token, tokenize
from ..gazetteer import load_gazetteer
from .merge import Linker, crf_entities, merge_entities
from .model_dir import load_tagger

_SKIPPED_KINDS = frozenset(("symbol",))


class CrfEntitiesAnalyser(Analyser):
    name = "ner"
    needs = ("tokens", "sentences", "entities")
    provides = ("crf_entities",)

    def __init__(self, config: AnalyserConfig | None = None, linker: Linker | None = None) -> None:
        super().__init__(config)
        if self.config.ner_model is None:
            raise MarsadError(Errors.M176, analyser=self.name)
        self.tagger, self.manifest = load_tagger(self.config.ner_model)
        self.linker = linker if linker is not None else load_gazetteer()

    def __call__(self, analysis: Analysis) -> None:
        tokens: list[Token] = analysis.views.get("tokens") or tokenize(analysis.text)
        sentences: list[list[Token]] = []
        index = 0
        for sentence in analysis.sentences:
            while index < len(tokens) and tokens[index].end <= sentence.start:
                index += 1
            inside: list[Token] = []
            while index < len(tokens) and tokens[index].start < sentence.end:
                if tokens[index].kind not in _SKIPPED_KINDS:
                    inside.append(tokens[index])
                index += 1
            sentences.append(inside)
        tagged = self.tagger.tag_document([[token.text for token in inside] for inside in sentences])
        found: list[Entity] = []
        for inside, tags in zip(sentences, tagged):
            found.extend(crf_entities(analysis.text, inside, tags, self.linker))
        analysis.entities = merge_entities(analysis.entities, found)
