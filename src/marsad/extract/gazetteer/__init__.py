"""The gazetteer: actors, persons and places with their Arabic names.

Other layers (events, search, the store) use it through one call::

    from marsad.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()            # loaded once per process, then cached
    gazetteer.resolve("بقسد")               # Entry(canonical='Syrian Democratic Forces', kind='armed_group', ...)
    gazetteer.resolve("Islamic State")      # English names resolve too: case, diacritics and
    gazetteer.resolve("ISIS")               # hyphens folded, aliases from english_names.tsv
    gazetteer.holder("president", "Turkey", date(2019, 10, 21))   # Entry of Recep Tayyip Erdoğan
    gazetteer.resolve("للباغوز").lat         # 34.46
    gazetteer.entry("Baghouz")              # the entry of a canonical name (country= to pick one Tripoli)
    gazetteer.demonym("السورية")            # the place an adjective points to: Syria
    gazetteer.names("Islamic State")        # its Arabic aliases

`resolve` accepts any alias as written in Arabic (proclitics, alef/hamza forms, ta
marbuta, alef maqsura and diacritics are folded; the article is kept) or an English
name (a canonical name or an English alias, folded as docs/conventions.md says), and
returns None for an unknown name.  `holder(office, of, day)` is the person who held an
office (offices.tsv) on a day, or None when nobody known did or on a hand-over day.  An `Entry` has canonical,
canonical_ar, kind, type (PER/ORG/LOC), parent, country, admin1, lat, lon, population,
and for persons role and affiliation.

The data are the TSV files in src/marsad/resources/gazetteer/ (actors.tsv, persons.tsv,
offices.tsv, places.tsv and place_names_en.tsv built by scripts/build_places.py,
english_names.tsv, demonyms.tsv, ambiguous.tsv); each says what its columns mean in its
header.
"""

from .entry import PLACE_KINDS, Entry, entity_type
from .keys import english_key
from .store import Alias, Gazetteer, load_gazetteer

__all__ = ["PLACE_KINDS", "Alias", "Entry", "Gazetteer", "english_key", "entity_type", "load_gazetteer"]
