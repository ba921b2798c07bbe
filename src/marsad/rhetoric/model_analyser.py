"""A trained rhetoric model as a pipeline analyser (`--rhetoric-model DIR`).

It adds to the rhetoric layer without replacing anything the lexicon analyser
put there, whichever of the two ran first:

* technique spans, tagged sentence by sentence, join `rhetoric.techniques` with
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
    needs = ("sentences",)
    provides = ("rhetoric_model",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        if self.config.rhetoric_model is None:
            raise MarsadError(Errors.M232, what=f"the {NAME} analyser")
        self.model = load_model(self.config.rhetoric_model)
        self.source = f"model:{self.model.name}"

    def __call__(self, analysis: Analysis) -> None:
        rhetoric = analysis.rhetoric
        if self.model.spans is not None:
            self._add_spans(analysis)
        if self.model.document is not None and analysis.text.strip():
            prediction = self.model.document.predict([analysis.text])[0]
            rhetoric.document_techniques = [
                DocumentTechnique(label, round(prediction.scores[label], 4), self.source) for label in prediction.labels
            ]
            rhetoric.persuasive = round(prediction.persuasive, 4)
        if self.model.emotions is not None and analysis.text.strip():
            probabilities = self.model.emotions.probabilities([analysis.text])[0]
            rhetoric.model_emotions = {label: round(p, 4) for label, p in sorted(probabilities.items())}

    def _add_spans(self, analysis: Analysis) -> None:
        text = analysis.text
        known = {(t.label, t.start, t.end) for t in analysis.rhetoric.techniques}
        found = []
        for sentence in analysis.sentences:
            for span in self.model.spans.predict(text[sentence.start : sentence.end]):
                start, end = sentence.start + span.start, sentence.start + span.end
                if (span.label, start, end) in known:
                    continue
                found.append(Technique(span.label, start, end, text[start:end], round(span.score, 4), self.source))
        techniques = analysis.rhetoric.techniques + found
        analysis.rhetoric.techniques = sorted(techniques, key=lambda t: (t.start, t.end, t.label))
