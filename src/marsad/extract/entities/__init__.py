"""The entities layer: who and where, linked to canonical actors, persons and places.

`EntitiesAnalyser` (pipeline name `entities`) finds, in order, gazetteer aliases
(longest first, on clitic-stripped keys), head+demonym state actors, rule-based person
names, then coreferent mentions; each is a span of the original text that excludes
proclitics and quote marks («بالباغوز» -> «الباغوز», «لـ«داعش»» -> «داعش»).
"""

from .analyser import EntitiesAnalyser

__all__ = ["EntitiesAnalyser"]
