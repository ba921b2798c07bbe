"""Dates: find date expressions in Arabic text and resolve them against the publication date.

scan.py (tokens -> lexicon pieces) -> grammar.py (pieces -> expressions) -> resolve.py
(expressions -> calendar values, with calendar.py); the lexicons are data files under
`resources/dates/`.
"""

from .analyser import DatesAnalyser

__all__ = ["DatesAnalyser"]
