"""A trained rhetoric model as a pipeline analyser (`--rhetoric-model DIR`).

It adds to the rhetoric layer without replacing anything the lexicon analyser
put there, whichever of the two ran first:

* technique spans (the CRFs tag sentence by sentence) join `rhetoric.techniques` with
  `source = "model:<directory name>"` (a span the lexicon already reported with the
  same label and offsets is not repeated);
* document-level techniques go to `rhetoric.document_techniques`, the probability
  that the text uses any technique to `rhetoric.persuasive`;
* emotion probabilities go to `rhetoric.model_emotions` (the lexicon's stay in
  `rhetoric.emotions`).
"""

from __future__ import annotations

from ..analyser import Analyser, AnalyserConfig
from ..errors import Errors, MarsadError
from ..model import Analysis, DocumentTechnique, Technique
from .store import load_model

NAME = "rhetoric_model"


class RhetoricModelAnalyser(Analyser):
    name = NAME
    needs = ()
    provides = ("rhetoric_model",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        if self.config.rhetoric_model is None:
            raise MarsadError(Errors.M232, what=f"the {NAME} analyser")
        self.model = load_model(self.config.rhetoric_model)
        self.source = f"model:{self.model.name}"

    def __call__(self, analysis: Analysis) -> None:
        rhetoric = analysis.rhetoric
        if not analysis.text.strip():
            return
        evidence = None
        if self.model.spans is not None:
            spans, evidence = self._spans(analysis.text)
            self._add_spans(analysis, spans)
        document = self.model.document
        if document is not None:
            shared = evidence is not None and document.span_tagger is self.model.spans
            prediction = document.predict([analysis.text], [evidence] if shared else None)[0]
            rhetoric.document_techniques = [
                DocumentTechnique(label, round(prediction.scores[label], 4), self.source) for label in prediction.labels
            ]
            rhetoric.persuasive = round(prediction.persuasive, 4)
        if self.model.emotions is not None:
            probabilities = self.model.emotions.probabilities([analysis.text])[0]
            rhetoric.model_emotions = {label: round(p, 4) for label, p in sorted(probabilities.items())}

    def _spans(self, text: str):
        """Spans over the whole text, and the CRFs' document evidence when the tagger gives it (one pass)."""
        analyse = getattr(self.model.spans, "analyse", None)
        if analyse is not None:
            return analyse(text)
        return self.model.spans.predict(text), None

    def _add_spans(self, analysis: Analysis, spans) -> None:
        text = analysis.text
        known = {(t.label, t.start, t.end) for t in analysis.rhetoric.techniques}
        found = [
            Technique(span.label, span.start, span.end, text[span.start : span.end], round(span.score, 4), source=self.source)
            for span in spans
            if (span.label, span.start, span.end) not in known
        ]
        techniques = analysis.rhetoric.techniques + found
        analysis.rhetoric.techniques = sorted(techniques, key=lambda t: (t.start, t.end, t.label))
