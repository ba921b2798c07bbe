"""A clitic-aware light stemmer for matching (never for display).

Arabic glues conjunctions, prepositions, the article and possessive pronouns onto
words: «وبحسب» is و + ب + حسب, «للتنظيم» is ل + ال + تنظيم, «دولته» is دولة + ه.
`match_key` strips them so that both sides of a comparison meet on the same key:
«بالباغوز», «للباغوز» and «الباغوز» all give «باغوز».  It is deliberately light
(no pattern or root analysis): one key per word, the same function applied to the
query and to the text.

`clitic_splits` lists every plausible (prefix, stem, suffix) reading of a word, for
lexicon lookups that can afford to try several («بلبنان» -> «لبنان»).
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import NamedTuple

from .normalize import NormalizeOptions, normalize

# Proclitic chains that include the article; ل + ال is written لل.
_ARTICLE_CHAINS = ("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل")
# Multi-letter possessive/object pronouns, longest first.  Single-letter ه and ي
# are too often part of the word itself (نيه, العراقي), so only the ة + ه case
# («دولته», «عودته») is undone.
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها")
_TA_MARBUTA = "ة"
_ENCLITIC_LAST_LETTERS = frozenset(suffix[-1] for suffix in _ENCLITICS) | {"ه"}  # and «ته»
_PROCLITIC_FIRST_LETTERS = frozenset("".join(_CONJUNCTIONS + _PREPOSITIONS) + "ا")  # «ال...»

MIN_STEM_AFTER_ARTICLE = 2
MIN_STEM = 3

# Stemming decisions need ة kept apart from ه; the key folds it afterwards.
_STEM_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)


class CliticSplit(NamedTuple):
    prefix: str
    stem: str
    suffix: str


_split = partial(tuple.__new__, CliticSplit)  # CliticSplit from a tuple, without a Python call


_ARTICLE_CHAIN_SET = frozenset(_ARTICLE_CHAINS)
_ARTICLE_CHAIN_LENGTHS = sorted({len(chain) for chain in _ARTICLE_CHAINS}, reverse=True)


def _article_chain(word: str) -> str:
    # No chain is the start of another, so a word starts with at most one of them.
    for length in _ARTICLE_CHAIN_LENGTHS:
        if word[:length] in _ARTICLE_CHAIN_SET and len(word) - length >= MIN_STEM_AFTER_ARTICLE:
            return word[:length]
    return ""


def _particle_chain(word: str) -> str:
    """Conjunction and/or preposition without the article («وب», «ف», «ل»)."""
    chain = ""
    if word[:1] in _CONJUNCTIONS:
        chain = word[0]
    if word[len(chain) : len(chain) + 1] in _PREPOSITIONS:
        chain += word[len(chain)]
    while chain and (len(word) - len(chain) < MIN_STEM or word.startswith("ال", len(chain))):
        # «وكالة» is not و + ك + «الة»: an article left over means the split is wrong
        chain = chain[:-1]
    return chain


def _enclitic(stem: str) -> tuple[str, str]:
    """(stem without pronoun, pronoun), restoring ة before a pronoun («دولتها» -> «دولة»)."""
    for suffix in _ENCLITICS:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
            return _restore_ta_marbuta(stem[: -len(suffix)]), suffix
    if stem.endswith("ته") and len(stem) >= 5:
        return stem[:-2] + _TA_MARBUTA, "ه"
    return stem, ""


def _restore_ta_marbuta(stem: str) -> str:
    return stem[:-1] + _TA_MARBUTA if stem.endswith("ت") and len(stem) >= 4 else stem


def split_clitics(word: str) -> CliticSplit:
    """The preferred reading of an already-normalised word (ة kept distinct from ه)."""
    divine = _divine_name(word)
    if divine:
        return divine
    prefix = _article_chain(word)
    if prefix:
        return CliticSplit(prefix, word[len(prefix) :], "")
    prefix = _particle_chain(word)
    stem, suffix = _enclitic(word[len(prefix) :])
    return CliticSplit(prefix, stem, suffix)


def _divine_name(word: str) -> CliticSplit | None:
    """«الله», «بالله», «والله», «لله», «اللهم»: the name is the stem, never «له»."""
    for name in ("اللهم", "الله"):
        if word.endswith(name) and len(word) - len(name) <= 2:
            return CliticSplit(word[: -len(name)], name, "")
    if word in ("لله", "ولله", "فلله"):
        return CliticSplit(word[:-2], "الله", "")
    return None


def clitic_splits(word: str) -> list[CliticSplit]:
    """Every plausible reading, the unsplit word first, then shorter stems.

    Every proclitic chain the word may start with (no chain, the conjunction and/or
    preposition letters one by one, the article chain), shortest first; for each, the
    rest as it stands and, when an attached pronoun can be undone, without it (article
    chains keep the rest whole).  Runs once for every distinct word of a corpus, so the
    common case (no proclitic letter first, no pronoun letter last) returns early.
    """
    readings = [_split(("", word, ""))]
    if "لله" in word:  # every form _divine_name knows
        divine = _divine_name(word)
        if divine:
            if divine.prefix:
                readings.append(divine)
            return readings
    if word[-1:] in _ENCLITIC_LAST_LETTERS:
        bare, suffix = _enclitic(word)
        if suffix:
            readings.append(_split(("", bare, suffix)))
    if word[:1] not in _PROCLITIC_FIRST_LETTERS:
        return readings
    # One chain per length: the particle letters (1-2: و/ف then ب/ك/ل) and the article
    # chains (2-4, of which at most one starts the word and none is a particle chain).
    particle = _particle_chain(word)
    prefixes = [particle[:cut] for cut in range(1, len(particle) + 1)]
    article = _article_chain(word)
    if article:
        prefixes.append(article)
        prefixes.sort(key=len)
    for prefix in prefixes:
        rest = word[len(prefix) :]
        readings.append(_split((prefix, rest, "")))
        if prefix not in _ARTICLE_CHAINS and rest[-1:] in _ENCLITIC_LAST_LETTERS:
            bare, suffix = _enclitic(rest)
            if suffix:
                readings.append(_split((prefix, bare, suffix)))
    return readings


@lru_cache(maxsize=200_000)
def match_key(word: str) -> str:
    """Normalise `word` and strip its clitics: the key under which it is matched."""
    view = normalize(word, _STEM_VIEW)
    stem = split_clitics(view).stem
    return normalize(stem)


@lru_cache(maxsize=200_000)
def match_keys(word: str) -> tuple[str, ...]:
    """Keys of every plausible reading of `word`, most literal first, without repeats."""
    view = normalize(word, _STEM_VIEW)
    keys: list[str] = []
    for reading in clitic_splits(view):
        key = normalize(reading.stem)
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)
