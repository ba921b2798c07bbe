"""How it is said: persuasion techniques, emotions and frames, each pointing at its words.

The default works on lexicons and patterns in resources/rhetoric/ (TSV files reviewed
like code); this package imports only text, model, analyser, errors and resources.
"""

from .analyser import RhetoricAnalyser
from .emotions import EmotionScorer
from .frames import FrameFinder
from .techniques import TechniqueFinder

__all__ = ["EmotionScorer", "FrameFinder", "RhetoricAnalyser", "TechniqueFinder"]
