"""Matching keys: how a word of the text meets an alias of a gazetteer.

An alias token's key is the token normalised (alef and hamza forms, alef maqsura, ta
marbuta, diacritics, tatweel folded).  A word of the text has several *readings*: the
word as it stands, then the word without its proclitics (و ف ب ك ل), keeping the
article: «بالباغوز», «للباغوز» and «والباغوز» all read «الباغوز»; «لداعش» reads «داعش».
The article is kept on purpose: «الإخوان» (the Brotherhood) is not «إخوان» (brothers),
nor «الحشد» (the PMF) «حشد» (mobilising).  Each reading carries how many letters of the
word it skipped, so a match maps back to the exact original characters («بالباغوز» ->
the span «الباغوز»).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ...text import normalize, tokenize
from ...views import word_forms

ARTICLE = "ال"
# Article chains of marsad.text.stem: everything before the article is a proclitic.
_ARTICLE_CHAINS = frozenset(("وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"))

Reading = tuple[str, int]  # (key, letters skipped at the start of the word)


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Keys of `word`: as written first, then without proclitics (article kept).

    From the word's shared clitic readings (marsad.views.word_forms); a stem's key is
    normalize(stem), and normalize folds letter by letter, so the article put back on a
    stem is the article before the stem's key."""
    forms = word_forms(word)
    found: list[Reading] = []
    seen: set[str] = set()
    after: list[Reading] = []  # ل + a stem in ل, read after ل + ال (see below)
    for split, stem_key in zip(forms.splits, forms.stem_keys):
        if split.suffix:
            continue
        if split.prefix in _ARTICLE_CHAINS:
            key, skipped = ARTICLE + stem_key, len(split.prefix) - len(ARTICLE)
            if split.prefix.endswith("لل"):
                # ل + ال is written «لل», the article's alef gone: the preposition is left
                # out and the article's lam kept («للتحالف» -> «لتحالف»), as
                # docs/conventions.md says (the article is part of the name).
                skipped = len(split.prefix) - 1
        else:
            key, skipped = stem_key, len(split.prefix)
            if split.prefix.endswith("ل") and stem_key.startswith("ل"):
                # «للأمم» is ل + «الأمم» far more often than ل + «لأمم»; a document word takes
                # the first reading some alias uses, so the article reading goes first
                # («للتحرير» meets «التحرير» even where «لتحرير» is another alias's word).
                if key and key not in seen:
                    seen.add(key)
                    after.append((key, skipped))
                continue
        if key and key not in seen:
            seen.add(key)
            found.append((key, skipped))
    return tuple(found + after)


def token_key(token: str, inner: bool = False) -> str:
    """The key of one alias token: the token normalised.  Inside an alias, a word that
    carries a proclitic before the article («للأمم» in «مجلس حقوق الإنسان التابع للأمم
    المتحدة») is keyed by the article form a document word is read as («الامم»), so that
    the word still meets «الأمم المتحدة»; an alias's first word is kept as written
    («بالتي», a town, is not ب + «التي»)."""
    if inner:
        for key, skipped in readings(token):
            if skipped and key.startswith(ARTICLE):
                return key
    return normalize(token)


_KEY_TOKENS = frozenset(("arabic", "word", "number"))  # as the entity layer's document words


def alias_keys(alias: str) -> tuple[str, ...]:
    """The keys of an alias's tokens («قوات سوريا الديمقراطية» -> three keys; numbers count:
    «فرانس 24»)."""
    tokens = [token.text for token in tokenize(alias) if token.kind in _KEY_TOKENS]
    return tuple(token_key(token, inner=index > 0) for index, token in enumerate(tokens))


def skip_letters(word: str, letters: int) -> int:
    """Offset in `word` after its first `letters` letters and the marks attached to them
    («لـداعش», 1 -> 2: the tatweel goes with the proclitic)."""
    if letters <= 0:
        return 0
    seen = 0
    for index, char in enumerate(word):
        if _is_mark(char):
            continue
        if seen == letters:
            return index
        seen += 1
    return len(word)


_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", "\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def english_key(name: str) -> str:
    """An English name folded as docs/conventions.md says: case, diacritics and hyphens
    («Erdoğan» = «erdogan», «Deir ez-Zor» = «deir ez zor»)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_DASHES))
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).casefold().split())


def _is_mark(char: str) -> bool:
    return char == "\u0640" or unicodedata.category(char) in ("Mn", "Me", "Cf")
