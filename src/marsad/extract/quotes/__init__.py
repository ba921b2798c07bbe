"""Quotes: speech inside quotation marks, with speaker and reporting verb.

marks.py finds matched quotation marks; reader.py decides which are speech and who
said them; the verb and marker lexicons are data files under `resources/quotes/`.
"""

from .analyser import QuotesAnalyser

__all__ = ["QuotesAnalyser"]
