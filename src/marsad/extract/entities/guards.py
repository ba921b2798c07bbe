"""The rules of ambiguous.tsv: when an alias that is also a common word counts as a name."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..gazetteer.phrases import PhraseMatch
from .lexicons import Lexicons
from .words import Word, is_quoted

ARTICLE = "ال"


def admits(rule: str | None, match: PhraseMatch, words: list[Word], text: str, entity_type: str,
           lexicons: Lexicons, gazetteer: Gazetteer) -> bool:
    if rule is None:
        return True
    start, end = words[match.first].start_after(match.skipped), words[match.last].end
    quoted = is_quoted(text, start, end)
    if rule == "quoted":
        return quoted
    after = _word(words, match.last + 1)
    before = _word(words, match.first - 1)
    if rule == "no_adjective_after":
        return not (after and _is_definite_adjective(after))
    if rule == "named_before":
        # a name in quote marks or after a cue of its type; otherwise gazetteer_mentions
        # keeps it when the document has named the entity before
        return not (after and _is_definite_adjective(after)) and (quoted or _cued(before, lexicons.context_cues.get(entity_type, frozenset())))
    if rule == "no_definite_before":
        # «المرأة السعودية», «المدن السعودية», «وزارة الإعلام السعودية»: an adjective
        # agreeing with the definite phrase before it
        return not (before and _definite_noun(before, lexicons))
    if rule == "place_noun":
        if match.skipped:
            return False  # «وكيل» is not و + «كيل» (Kiel)
        # (quote marks are no evidence here: the Saudi press quotes surnames, «"الحمدي"»)
        return _cued(before, lexicons.context_cues.get(entity_type, frozenset()))
    if rule == "after_title":
        # an everyday name («محمد مصطفى», «تمام سلام») is the known person only after a
        # title or role: «رئيس الوزراء الفلسطيني محمد مصطفى»
        return _after_title(words, match.first, lexicons)
    if rule == "context":
        cues = lexicons.context_cues.get(entity_type, frozenset()) | lexicons.context_cues.get(f"{entity_type}-weak", frozenset())
        if quoted:
            return True
        if not _cued(before, cues):
            return False
        # «حماة الوطن»: a definite noun after it makes it a common noun in a construct.
        return not (after and after.key.startswith(ARTICLE) and gazetteer.demonym(after.text) is None)
    return False


TITLE_WINDOW = 3


def _after_title(words: list[Word], first: int, lexicons: Lexicons) -> bool:
    for index in range(first - 1, max(first - 1 - TITLE_WINDOW, -1), -1):
        word = words[index]
        if word.is_break:
            if word.text in "،,":
                continue
            return False
        if not lexicons.title_words.isdisjoint(word.keys):
            return True
    return False


def _definite_noun(word: Word, lexicons: Lexicons) -> bool:
    """«الإعلام», «للشركة»; not «إلى» (folded «الي») nor «الذي»."""
    return any(key.startswith(ARTICLE) and len(key) > 3 for key in word.keys) and lexicons.stopwords.isdisjoint(word.keys)


def _cued(before: Word | None, cues: frozenset[str]) -> bool:
    return before is not None and not cues.isdisjoint(before.keys)


def _word(words: list[Word], index: int) -> Word | None:
    if 0 <= index < len(words) and not words[index].is_break:
        return words[index]
    return None


def _is_definite_adjective(word: Word) -> bool:
    """«الجوية», «العسكري», «القومي»: definite relational adjectives (normalised ة -> ه)."""
    key = word.key
    return key.startswith(ARTICLE) and len(key) > 4 and key.endswith(("يه", "ي"))
