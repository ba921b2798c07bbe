"""Features for the trainable rhetoric models: n-grams of whole texts, token windows.

Everything here is a module-level function or class so that fitted vectorisers
pickle by reference.  Text is normalised for matching only (marsad.text); spans
always come back as offsets into the original text.
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from ..text import Token, match_key, normalize, tokenize

_URL = re.compile(r"https?://\S+|\bLINK\b|\bURL\b|www\.\S+")
_MENTION = re.compile(r"@\w+")


def prepare(text: str) -> str:
    """The text as the n-gram features see it: normalised, links and mentions as placeholders."""
    return normalize(_MENTION.sub(" @user ", _URL.sub(" URL ", text))).lower()


def text_vectorizer(min_df: int = 2) -> FeatureUnion:
    """Word 1-2-grams and character 2-5-grams (within word boundaries), TF-IDF weighted."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(preprocessor=prepare, ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)),
            (
                "chars",
                TfidfVectorizer(
                    preprocessor=prepare, analyzer="char_wb", ngram_range=(2, 5), min_df=min_df, sublinear_tf=True
                ),
            ),
        ]
    )


# ------------------------------------------------------------ token features

WINDOW = 2


def token_keys(text: str, tokens: list[Token]) -> list[dict[str, float]]:
    """CRF features for each token: its own shape and keys, and its neighbours' keys."""
    keys = [_key(token) for token in tokens]
    features = []
    for index, token in enumerate(tokens):
        own = keys[index]
        feature = {
            "bias": 1.0,
            "k=" + own: 1.0,
            "w=" + normalize(token.text): 1.0,
            "kind=" + token.kind: 1.0,
            "pre=" + own[:3]: 1.0,
            "suf=" + own[-3:]: 1.0,
        }
        if token.start and text[token.start - 1] == "#":
            feature["hashtag"] = 1.0
        if token.text[:1] in "وف" and len(token.text) > 3:
            feature["conj"] = 1.0
        for offset in range(-WINDOW, WINDOW + 1):
            if offset == 0:
                continue
            neighbour = index + offset
            if 0 <= neighbour < len(tokens):
                feature[f"{offset}k=" + keys[neighbour]] = 1.0
                if abs(offset) == 1:
                    feature[f"{offset}kind=" + tokens[neighbour].kind] = 1.0
                    feature[f"{offset}bi=" + (keys[neighbour] + "|" + own if offset < 0 else own + "|" + keys[neighbour])] = 1.0
            else:
                feature[f"{offset}edge"] = 1.0
        features.append(feature)
    return features


def _key(token: Token) -> str:
    if token.kind == "arabic":
        return match_key(token.text)
    if token.kind == "number":
        return "<num>"
    return normalize(token.text).lower()


def tokens_of(text: str) -> list[Token]:
    return tokenize(text)
