"""The pretty view: what an analyst reads in the terminal."""

from __future__ import annotations

from rich.console import Console

from marsad.console import render_analysis
from marsad.model import Analysis, Rhetoric, Technique


def _rendered(analysis: Analysis) -> str:
    console = Console(record=True, width=160)
    console.print(render_analysis(analysis))
    return console.export_text()


def test_convention_tier_techniques_are_hidden_and_counted():
    text = "وأكد الوزير أن القصف الهمجي استهدف المدنيين."
    analysis = Analysis(id="t1", title="", text=text, layers=["rhetoric"])
    analysis.rhetoric = Rhetoric(techniques=[
        Technique("Loaded_Language", 0, 4, "وأكد", 0.25, "أكد"),
        Technique("Loaded_Language", 22, 28, "الهمجي", 0.85, "همجي"),
    ])
    shown = _rendered(analysis)
    assert "الهمجي" in shown
    assert "وأكد" not in shown.split("Techniques", 1)[1]
    assert "1 convention-tier technique cues hidden" in shown
