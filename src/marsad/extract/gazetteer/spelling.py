"""Towns the Arabic gazetteer lacks, found by how their names are spelt.

News names small towns no Arabic gazetteer lists («بلدة دماساك», «قرية كاغارا»), while
GeoNames lists them under a Latin name only (Damasak, Kagara).  Both spellings keep the
consonants of the name and disagree on the vowels, so a name is reduced to its consonant
*skeleton* on both sides: vowels, «ا و ي ى ة ع ء» and y/w dropped, letters that write the
same sound put in one class (ق غ خ ك / q g gh kh k c -> k; ث ت ط / t th -> t; ذ د ض / d dh
-> d; ش / sh ch -> S), a doubled Latin letter read once (Arabic writes a doubled consonant
once), the article dropped.  «دماساك» and «Damasak» are both `dmsk`, «كاغارا» and
«Kagara» `kkr`.

A skeleton names a town only inside a known country, and among the towns of that
skeleton only the one whose vowels read like the Arabic name's too («كاغارا»: Kagara,
not Kagoro).  Measured on the Arabic aliases of GeoNames towns, whose Latin names are
known (`python benchmarks/place_spelling.py`): 59% of them resolve, 97.6% of those to the
right town; a name looked up in a neighbouring country, where its town is not, meets a
town there 3% of the time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import product

from .entry import Entry
from .tables import read_table, resource_path

MIN_SKELETON = 3  # shorter skeletons («شويا» -> S) meet too many towns
# Among the towns of one skeleton, the one whose vowels agree too: its reading must be at
# least this close to the Arabic one (difflib ratio) and this much closer than the next.
MIN_READING = 0.7
READING_MARGIN = 0.1
_ARABIC_VOWELS = {"ا": "a", "آ": "a", "ى": "a", "ة": "a", "و": "u", "ي": "i"}
_LATIN_VOWELS = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u", "y": "i", "w": "u"}
# Arabic letters -> the consonant classes they can be written with in Latin (several for
# letters read two ways: ج is j in Syria and g in Egypt; a final ة is silent or t).
_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "ts", "ج": "jk", "ح": "h", "خ": "k", "د": "d", "ذ": "dz",
    "ر": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "S", "چ": "S", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "zd", "غ": "k", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h",
}
_SILENT_END = {"ة": ("", "t"), "ه": ("", "h")}
_ARTICLE = "ال"
_LATIN_ARTICLES = frozenset("al el ad adh ar as ash at ath az an ed er es et ez en".split())
# Latin letter groups first (longest first), then single letters; vowels, y, w and h after
# a vowel at the end of a word are dropped.
_LATIN_GROUPS = (("tch", "S"), ("dj", "j"), ("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "k"), ("th", "t"),
                 ("dh", "d"), ("ph", "f"), ("qu", "k"), ("gu", "k"), ("ou", ""))
_LATIN = {"b": "b", "p": "b", "t": "t", "j": "j", "h": "h", "d": "d", "r": "r", "z": "z", "s": "s", "g": "k",
          "f": "f", "v": "f", "k": "k", "q": "k", "c": "k", "l": "l", "m": "m", "n": "n", "x": "ks", "S": "S"}
_DOUBLED = re.compile(r"(.)\1+")


def arabic_skeletons(name: str) -> frozenset[str]:
    """Every skeleton an Arabic name can have («الشحيل» -> {'Shl'})."""
    words = []
    for word in name.split():
        if word.startswith(_ARTICLE) and len(word) > 3:
            word = word[2:]
        ending = _SILENT_END.get(word[-1:], ("",)) if len(word) > 2 else ("",)
        body = _DOUBLED.sub(r"\1", word[:-1] if ending != ("",) else word)
        choices = [_ARABIC[letter] for letter in body if letter in _ARABIC]
        words.append([("".join(letters) + end) for letters in product(*choices) for end in ending] if choices else list(ending))
    return frozenset("".join(parts) for parts in product(*words)) if words else frozenset()


def arabic_reading(name: str) -> str:
    """The Arabic name with its long vowels, in the letters of the skeletons («كاغارا» -> 'kakara')."""
    words = []
    for word in name.split():
        if word.startswith(_ARTICLE) and len(word) > 3:
            word = word[2:]
        word = _DOUBLED.sub(r"\1", word)
        words.append("".join(_ARABIC[letter][0] if letter in _ARABIC else _ARABIC_VOWELS.get(letter, "") for letter in word))
    return "".join(words)


def latin_skeleton(name: str) -> str:
    """The skeleton of a Latin spelling («Al-Shuhayl» -> 'Shl', «Damasak» -> 'dmsk')."""
    return "".join(letter for letter in latin_reading(name) if letter not in "aiu")


def latin_reading(name: str) -> str:
    """A Latin spelling in the letters of the skeletons, vowels kept as a/i/u («Kagara» -> 'kakara')."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    plain = re.sub(r"['`ʿʼ’‘]", "", plain)
    words = []
    for word in re.split(r"[\s\-]+", plain):
        if not word or word in _LATIN_ARTICLES:
            continue
        word = _DOUBLED.sub(r"\1", word)
        if len(word) > 3 and word.endswith(("ah", "eh")):
            word = word[:-1]
        for group, sound in _LATIN_GROUPS:
            word = word.replace(group, sound if sound else "u")
        words.append("".join(_LATIN.get(letter) or _LATIN_VOWELS.get(letter, "") for letter in word))
    return "".join(words)


@dataclass
class SpellingIndex:
    """GeoNames towns of the conflict countries by (country, skeleton)."""

    towns: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)

    def resolve(self, name: str, country: str) -> Entry | None:
        """The town of `country` whose Latin name has the skeleton of the Arabic `name` and
        reads most like it, clearly; None when no town does."""
        found: dict[str, Entry] = {}
        for skeleton in arabic_skeletons(name):
            if len(skeleton) >= MIN_SKELETON:
                for entry in self.towns.get((country, skeleton), ()):
                    found.setdefault(entry.canonical, entry)
        reading = arabic_reading(name)
        ranked = sorted(((SequenceMatcher(None, reading, latin_reading(canonical)).ratio(), entry) for canonical, entry in found.items()), key=lambda pair: -pair[0])
        if not ranked or ranked[0][0] < MIN_READING or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < READING_MARGIN):
            return None
        entry = ranked[0][1]
        return Entry(entry.canonical, name, entry.kind, country=entry.country, admin1=entry.admin1, lat=entry.lat, lon=entry.lon, population=entry.population)


COLUMNS = ("skeleton", "canonical", "country", "admin1", "lat", "lon", "population")


@lru_cache(maxsize=1)
def load_spelling_index() -> SpellingIndex:
    """resources/gazetteer/towns_by_spelling.tsv (written by scripts/build_places.py), loaded once."""
    index = SpellingIndex()
    for _, row in read_table(resource_path("towns_by_spelling.tsv"), COLUMNS):
        entry = Entry(
            row["canonical"], "", "town", country=row["country"], admin1=row["admin1"] or None,
            lat=float(row["lat"]), lon=float(row["lon"]), population=int(row["population"] or 0),
        )
        index.towns.setdefault((row["country"], row["skeleton"]), []).append(entry)
    return index
