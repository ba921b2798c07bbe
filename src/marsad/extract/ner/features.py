"""Token features for the CRF: what each token looks like, and what its neighbours look like.

Features come from *sources*, each with a name and a version that a trained model's
manifest records (a model only loads with the sources it was trained with):

* `text` (always on): the text layer's view of a word: normalised form, match key,
  every clitic reading, proclitic and enclitic, affixes, script and shape, digits.
* `clusters` (when trained with `--clusters FILE`): the word's distributional clusters
  (clusters.py), read from the file the model directory keeps.
* `rules` (always on): what the rule layers say about the word: the `entities`
  recogniser's entity there, gazetteer aliases it is part of, given names, kunyas,
  title and role cues, demonyms (rule_features.py).
* further sources plug in through the same interface.

A source returns, per token, a pair: its `name=value` strings (crfsuite attributes with
weight 1), and the part of them (names in the source's `contextual` set) that is also
copied to the neighbours within `WINDOW` tokens, prefixed with the relative position
(`-1:k=`).  Per-word results are cached, so a word seen before costs a lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ...text import NormalizeOptions, clitic_splits, match_key, normalize, split_clitics
from .clusters import CLUSTERS_FILE, ClusterFeatures

WINDOW = 2
BEGIN, END = "__BOS__", "__EOS__"
_STEM_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
_ARTICLE = "ال"
_DIACRITICS = frozenset(chr(cp) for cp in range(0x064B, 0x0653)) | {"\u0670"}


TokenFeatures = tuple[Sequence[str], Sequence[str]]  # (all features, the contextual ones)


class FeatureSource(Protocol):
    name: str
    version: str
    contextual: frozenset[str]  # feature names copied to neighbouring tokens

    def __call__(self, tokens: Sequence[str]) -> list[TokenFeatures]: ...


def split_contextual(features: Sequence[str], contextual: frozenset[str]) -> TokenFeatures:
    return tuple(features), tuple(f for f in features if f[: f.find("=")] in contextual)


class TextFeatures:
    """Features of each word from the text layer alone (no lexicons)."""

    name = "text"
    version = "1"
    contextual = frozenset(("w", "k", "shape", "pre", "art"))

    def __call__(self, tokens: Sequence[str]) -> list[TokenFeatures]:
        found = [_word_pair(token) for token in tokens]
        for index in range(len(tokens) - 1, 0, -1):
            own, shared = found[index]
            # the first feature is `w=<form>`
            found[index] = ((*own, f"bi={found[index - 1][0][0][2:]}|{own[0][2:]}"), shared)
        return found


@lru_cache(maxsize=200_000)
def _word_pair(token: str) -> TokenFeatures:
    return split_contextual(word_features(token), TextFeatures.contextual)


@lru_cache(maxsize=200_000)
def word_features(token: str) -> tuple[str, ...]:
    form = normalize(token)
    key = match_key(token) or form
    view = normalize(token, _STEM_VIEW)
    preferred = split_clitics(view) if view else None
    features = [f"w={form}", f"k={key}", f"shape={shape(token)}", f"len={min(len(form), 10)}"]
    features += [f"p{n}={form[:n]}" for n in (1, 2, 3) if len(form) > n]
    features += [f"s{n}={form[-n:]}" for n in (1, 2, 3) if len(form) > n]
    features += [f"ks{n}={key[-n:]}" for n in (1, 2) if len(key) > n + 1]
    if preferred is not None:
        features.append(f"pre={preferred.prefix or '-'}")
        if preferred.suffix:
            features.append(f"suf={preferred.suffix}")
        features.append(f"art={int(preferred.prefix.endswith(_ARTICLE) or preferred.prefix.endswith('لل'))}")
    for reading in clitic_splits(view)[1:] if view else ():
        features.append(f"r={normalize(reading.stem)}")
    if any(char in _DIACRITICS for char in token):
        features.append("diacritics")
    return tuple(dict.fromkeys(features))


def shape(token: str) -> str:
    """Script and kind: ar, ar+digit, latin, Latin (capitalised), LATIN, digit, punct, mixed."""
    has_arabic = any("\u0600" <= char <= "\u06ff" and char.isalpha() for char in token)
    has_digit = any(char.isdigit() for char in token)
    has_latin = any(char.isascii() and char.isalpha() for char in token)
    if has_arabic:
        return "ar+digit" if has_digit else ("ar+latin" if has_latin else "ar")
    if has_latin:
        if token.isupper() and len(token) > 1:
            return "LATIN"
        return "Latin" if token[:1].isupper() else "latin"
    if has_digit:
        return "digit" if all(char.isdigit() or char in ".,٫٬/-:" for char in token) else "mixed"
    if all(not char.isalnum() for char in token):
        return "punct"
    return "other"


class Featuriser:
    """All sources' features for a sentence, plus each token's neighbours' contextual ones."""

    def __init__(self, sources: Sequence[FeatureSource], window: int = WINDOW) -> None:
        self.sources = list(sources)
        self.window = window
        self._offsets = tuple(offset for offset in range(-window, window + 1) if offset)

    @property
    def signature(self) -> dict[str, str]:
        """{source name: version}: what a model's manifest records."""
        return {source.name: source.version for source in self.sources}

    def __call__(self, tokens: Sequence[str]) -> list[list[str]]:
        own: list[list[str]] = [["bias"] for _ in tokens]
        shared: list[tuple[str, ...]] = [() for _ in tokens]
        for source in self.sources:
            for index, (features, contextual) in enumerate(source(tokens)):
                own[index].extend(features)
                shared[index] += tuple(contextual)
        if not tokens:
            return own
        own[0].append(BEGIN)
        own[-1].append(END)
        offsets = self._offsets
        prefixed = [_prefixed(features, offsets) for features in shared]
        last = len(tokens) - 1
        for index in range(len(tokens)):
            for position, offset in enumerate(offsets):
                neighbour = index + offset
                if 0 <= neighbour <= last:
                    own[index].extend(prefixed[neighbour][position])
                elif neighbour == -1 or neighbour == last + 1:
                    own[index].append(f"{offset:+d}:{BEGIN if neighbour < 0 else END}")
        return own


@lru_cache(maxsize=200_000)
def _prefixed(features: tuple[str, ...], offsets: tuple[int, ...]) -> tuple[tuple[str, ...], ...]:
    """A token's contextual features as its neighbours at each offset see them (`-1:w=...`)."""
    return tuple(tuple(f"{offset:+d}:{feature}" for feature in features) for offset in offsets)


@lru_cache(maxsize=1)
def available_sources() -> dict[str, FeatureSource]:
    """The built-in feature sources (those that need no data file), by name, built once."""
    from .rule_features import RuleFeatures  # it needs the entities layer, which needs this module's callers

    return {source.name: source for source in (TextFeatures(), RuleFeatures())}


def default_featuriser(clusters: Path | None = None) -> Featuriser:
    """The featuriser new models are trained with: every built-in source, plus word
    clusters when a clusters file is given."""
    sources = list(available_sources().values())
    if clusters is not None:
        sources.append(ClusterFeatures.load(clusters))
    return Featuriser(sources)


def featuriser_for(signature: dict[str, str], directory: Path | None = None) -> Featuriser | None:
    """The featuriser a model's manifest asks for (data files read from the model's
    `directory`), or None if this Marsad cannot build it."""
    sources = available_sources()
    chosen: list[FeatureSource] = []
    for name, version in signature.items():
        if name == ClusterFeatures.name and version == ClusterFeatures.version and directory is not None:
            chosen.append(ClusterFeatures.load(Path(directory) / CLUSTERS_FILE))
            continue
        source = sources.get(name)
        if source is None or source.version != version:
            return None
        chosen.append(source)
    return Featuriser(chosen)
