"""CRF features from the rule layers: the gazetteer, the person-name rules, their cues.

For each sentence the `entities` recogniser runs on the detokenised words and every word
learns what the rules said about it: the entity the rules found there (`rule=B-ORG`,
`rulekind=armed_group`, `ruleorigin=gazetteer`), every gazetteer alias it is part of,
even those the ambiguity rules turned down (`gz=I-LOC`, `gzrule=context`), whether it is a
given name (`given`, `given=ambiguous`), a kunya (`kunya`), part of a title or role cue
(`cue=title`), or a demonym (`demonym`).  The CRF learns when to trust each of these, and
the neighbours' `rule`, `gz` and `cue` tell a word what surrounds it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ...text import tokenize
from ..entities import EntitiesAnalyser
from ..entities.persons import KUNYA
from ..entities.words import document_words
from .features import TokenFeatures, split_contextual


class RuleFeatures:
    name = "rules"
    version = "1"
    contextual = frozenset(("rule", "gz", "cue"))

    def __init__(self) -> None:
        self.recogniser = EntitiesAnalyser()
        self.gazetteer = self.recogniser.gazetteer
        self.lexicons = self.recogniser.lexicons

    def __call__(self, tokens: Sequence[str]) -> list[TokenFeatures]:
        text, starts = _detokenise(tokens)
        features: list[list[str]] = [[] for _ in tokens]
        ours = tokenize(text)
        for mention in self.recogniser.mentions(text, ours):
            self._mark(features, starts, mention.start, mention.end, "rule", mention.type)
            first = bisect_right(starts, mention.start) - 1
            features[first].append(f"rulekind={mention.kind}")
            features[first].append(f"ruleorigin={mention.origin}")
        words = document_words(ours)
        word_owner = [bisect_right(starts, word.start) - 1 for word in words]
        for match in self.gazetteer.find([word.readings for word in words]):
            alias = match.values[0]
            for index in range(match.first, match.last + 1):
                prefix = "B" if index == match.first else "I"
                features[word_owner[index]].append(f"gz={prefix}-{alias.entry.type}")
            features[word_owner[match.first]].append(f"gzrule={alias.rule or 'none'}")
            features[word_owner[match.first]].append(f"gzkind={alias.entry.kind}")
        for match in self.lexicons.cues.find([word.readings for word in words]):
            for index in range(match.first, match.last + 1):
                features[word_owner[index]].append(f"cue={match.values[0].kind}")
        for index, word in enumerate(words):
            if word.is_break:
                continue
            at = word_owner[index]
            for key, _ in word.readings:
                name = self.lexicons.given_names.get(key)
                if name is not None:
                    features[at].append("given=ambiguous" if name.ambiguous else "given")
                    break
            if word.key in KUNYA:
                features[at].append("kunya")
            if self.gazetteer.demonym(word.text) is not None:
                features[at].append("demonym")
        return [split_contextual(tuple(dict.fromkeys(found)), self.contextual) for found in features]

    @staticmethod
    def _mark(features, starts, start, end, name, entity_type) -> None:
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        for index in range(first, last + 1):
            features[index].append(f"{name}={'B' if index == first else 'I'}-{entity_type}")


def _detokenise(tokens: Sequence[str]) -> tuple[str, list[int]]:
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return " ".join(tokens), starts
