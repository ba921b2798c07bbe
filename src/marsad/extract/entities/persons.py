"""Rule-based recognition of Arabic personal names.

A name starts with a kunya («أبو حسن», genitive «أبي بكر», accusative «أبا»), a given
name from given_names.tsv, or «عبد» + a divine name («عبد الرحمن»), and continues with
further given names, «بن/ابن/بنت» + a name, compounds («نصر الله», «نور الدين»), nisbas
(«الكاظمي», «الهاشمي القرشي»; country demonyms excepted) and, after a kunya, one or two
laqabs («المهاجر»).  A given name that is also a common word («صالح», «أمل», «نبيل») needs
support: a title, role or descriptor before it (person_cues.tsv: «الرئيس الصومالي حسن
شيخ محمود», «الجهادي السابق، نبيل نعيم») or an unambiguous part in the same chain.  An
introduction («يُدعى «خالد فريد سلام»», «المدعو ...») makes whatever name follows a person.

Roles are remembered: «المتحدث باسمه، الإرهابي «أبو حسن المهاجر»» records that the
spokesman is Abu Hassan al-Muhajir, for coreference.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer
from ..gazetteer.phrases import LookedUp, longest_first
from .lexicons import Cue, Lexicons
from .mentions import Mention, claimed_words
from .words import Word, is_quoted

KUNYA = frozenset(("ابو", "ابي", "ابا"))
MOTHER = "ام"
PARTICLES = frozenset(("بن", "ابن", "بنت"))
FAMILY = "ال"  # «آل سعود», «آل نهيان»: آل folds to ال
SERVANT = "عبد"
COMPOUND_TAILS = frozenset(("الله", "الدين", "الاسلام"))
# «توماس دي ميزيير», «فريدريك فان لوف», «أورسولا فون دير لاين», «جان إيف لو دريان»
FOREIGN_PARTICLES = frozenset(("دي", "دو", "دا", "فان", "فون", "دير", "لو", "لا", "ديل", "ولد", "أغ", "اغ", "آغ"))
_PRONOUN_ENDING = "ه"  # «وصوله», «بقوله»: a proclitic and a pronoun, not a family name
_PROCLITICS = "وفبلك"
_PREPOSITION_ARTICLE = ("وبال", "ولل", "بال", "وال", "فال", "لل")  # not «كال»: «كالون» (Kallon)
MIN_DEFINITE_STEM = 4  # «بالانتصارات»; not «بالي» (Bali)
_PARTICIPLE = re.compile(r"م\w{3,}ا|\wا\w\wا")  # «مستعرضا», «قائلا»
_QUOTE_CHARS = "«»“”\""
ARTICLE = "ال"
MAX_NAME_WORDS = 6
CUE_WINDOW = 6  # words between a cue and the name it introduces («وزير الصحة الصومالي ...»)
MAX_INTRODUCED_WORDS = 4
_COMMAS = frozenset(("،", ","))
# after a quoted name that speaks: «قال «...»، ...», «قال «...» إن ...», «... وهو ...»
_SPEAKER_FOLLOWERS = frozenset(("ان", "انه", "انها", "وهو", "وهي", "لـ", "ل"))
# «المتحدث باسم الحوثيين يحيى سريع»: words a cue's modifier may contain although they
# are stopwords (they never start a name).
_CUE_MODIFIERS = frozenset(("باسم", "باسمه", "باسمها"))


@dataclass
class Chain:
    first: int
    last: int
    strong: bool  # holds up without a cue
    kunya: bool = False
    skipped: int = 0  # proclitic letters of the first word («ولأبي», «ومحمد»)
    family_at: int | None = None  # a family name that needs a cue («بشار الأسد», «جورج بوش»)
    strong_before_family: bool = False
    foreign: bool = False  # opened by a transliterated given name: its family name needs no cue
    foreign_surname: bool = False  # that family name was taken


@dataclass
class RoleLink:
    role_noun: str  # key of the role noun («المتحدث»)
    at: int  # word index of the cue
    person: Mention


@dataclass
class PersonFindings:
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleLink] = field(default_factory=list)
    bare_roles: list[tuple[int, int, str]] = field(default_factory=list)  # (first, last, role noun): cues naming nobody
    units: list[Mention] = field(default_factory=list)  # groups named after a person («لواء أبو الفضل العباس»)


class PersonFinder:
    def __init__(self, lexicons: Lexicons, gazetteer: Gazetteer) -> None:
        self.lexicons = lexicons
        self.gazetteer = gazetteer
        # keys that can open a name: only words carrying one are tried as chain starts
        self.openers = frozenset(KUNYA | {MOTHER, SERVANT} | set(lexicons.given_names))

    def find(self, text: str, words: list[Word], looked: LookedUp, taken: list[Mention]) -> PersonFindings:
        self._text = text
        for mention in taken:
            if mention.type == "PER":
                self._extend_lineage(words, mention, claimed_words(taken))
        claimed = claimed_words(taken)
        cues = [(m.first, m.last, m.values[0]) for m in longest_first(looked.find(self.lexicons.cues))]
        cue_words = {i for first, last, _ in cues for i in range(first, last + 1)}
        chains = self._chains(words, looked.meeting(self.openers), claimed | cue_words)
        starts = {chain.first: chain for chain in chains}
        gazetteer_persons = {m.first: m for m in taken if m.type == "PER"}
        findings = PersonFindings()
        supported: set[int] = set()
        introduced: list[Mention] = []
        links: list[tuple[int, Cue, int]] = []  # (cue position, cue, chain/mention start)
        for first, last, cue in cues:
            if cue.kind == "saying":
                # «وقال «جواو سيفا»، وهو صياد ...»: a short quote right after a verb of saying,
                # followed by a comma or «إن», is the speaker's name, not what was said
                mention = self._quoted_speaker(text, words, last, claimed | cue_words)
                if mention is not None:
                    introduced.append(mention)
                    chains = [c for c in chains if c.last < mention.first or c.first > mention.last]
                    starts = {chain.first: chain for chain in chains}
                continue
            if cue.kind == "intro" and _quote_opens_before(text, words[last + 1].start if last + 1 < len(words) else len(text)):
                # «يُدعى «خالد فريد سلام»»: the quoted words are the name, known or not
                mention = self._introduced_name(text, words, last, claimed | cue_words)
                if mention is not None:
                    introduced.append(mention)
                    links.append((first, cue, mention.first))
                    chains = [c for c in chains if c.last < mention.first or c.first > mention.last]
                    starts = {chain.first: chain for chain in chains}
                    continue
            start = self._introduced_start(words, last, starts, gazetteer_persons)
            if start is not None:
                supported.add(start)
                links.append((first, cue, start))
            elif cue.kind == "intro":
                mention = self._introduced_name(text, words, last, claimed | cue_words)
                if mention is not None:
                    introduced.append(mention)
                    links.append((first, cue, mention.first))
            elif cue.role_noun and first == last and words[first].readings[-1][0] == cue.role_noun:
                # only the definite role noun itself refers back («المتحدث», not «وزير»), and
                # not with an adjective of its own («القائد الميداني» is someone else)
                following = words[last + 1] if last + 1 < len(words) else None
                if following is None or not self._describes(following):
                    findings.bare_roles.append((first, last, cue.role_noun))
        full_names = {_chain_keys(words, c) for c in chains if c.family_at is not None and c.first in supported}
        accepted = [
            _without_unsupported_family(chain, chain.first in supported or _chain_keys(words, chain) in full_names)
            for chain in chains
        ]
        accepted = [chain for chain in accepted if chain.strong or chain.first in supported]
        units = [chain for chain in accepted if chain.first - 1 not in claimed and self._head_before(words, chain.first) is not None]
        accepted = [chain for chain in accepted if chain not in units]
        findings.mentions = [self._mention(words, chain) for chain in accepted] + introduced
        findings.units = [self._unit(words, chain) for chain in units]
        by_start = {m.first: m for m in findings.mentions} | gazetteer_persons
        for at, cue, start in links:
            if cue.role_noun and start in by_start:
                findings.roles.append(RoleLink(cue.role_noun, at, by_start[start]))
        return findings

    def _head_before(self, words: list[Word], first: int) -> int | None:
        """Letters before the group head noun right before a name («لواء» in «لواء أبو الفضل
        العباس»), or None when there is none."""
        if first == 0 or words[first - 1].is_break:
            return None
        return next((skipped for key, skipped in words[first - 1].readings if key in self.lexicons.group_heads), None)

    def _unit(self, words: list[Word], chain: Chain) -> Mention:
        """A unit named after a person («كتيبة أبو عمارة»): an ORG spanning the head and the
        name, or the name alone when it stands in quote marks («كتائب «أبو موسى الأشعري»»)."""
        head, name = words[chain.first - 1], words[chain.first]
        first, start = chain.first - 1, head.start_after(self._head_before(words, chain.first) or 0)
        if self._text[head.end : name.start].strip():
            first, start = chain.first, name.start_after(chain.skipped)
        end = words[chain.last].end
        return Mention(first, chain.last, start, end, "ORG", self._text[start:end], "armed_group", origin="name")

    def _describes(self, word: Word) -> bool:
        """A masculine nisba or a demonym agreeing with a role noun: «الميداني», «الإماراتي»."""
        key = word.key
        return (key.startswith(ARTICLE) and key.endswith("ي") and len(key) >= 5) or self.gazetteer.demonym(word.text) is not None

    def _extend_lineage(self, words: list[Word], mention: Mention, claimed: set[int]) -> None:
        """«الملك سلمان» + «بن عبدالعزيز»: a known person's name goes on with his lineage."""
        while mention.last + 2 < len(words) and words[mention.last + 1].key in PARTICLES | {FAMILY}:
            after = mention.last + 2
            if after in claimed or self._usable(words, after, set()) is None:
                break
            if words[after].key == SERVANT and self._usable(words, after + 1, claimed) is not None:
                after += 1
            mention.last, mention.end = after, words[after].end

    # -- chains ------------------------------------------------------------------------
    def _chains(self, words: list[Word], openings: list[int], blocked: set[int]) -> list[Chain]:
        """Names starting at `openings` (the words that can open one), left to right."""
        chains: list[Chain] = []
        after = -1
        for index in openings:
            if index <= after:
                continue
            chain = self._chain_at(words, index, blocked)
            if chain is not None:
                chains.append(chain)
                after = chain.last
        return chains

    def _usable(self, words: list[Word], index: int, blocked: set[int]) -> Word | None:
        if index >= len(words) or index in blocked:
            return None
        word = words[index]
        if word.is_break or not _is_arabic(word):
            return None
        if word.key in _CUE_MODIFIERS:
            return None  # «باسم» is "in the name of" far more often than the name Basem
        if word.key in self.lexicons.stopwords and self._given(word, literal=True) is None:
            return None  # «على» is a stopword; «علي» (same key once folded) is a name
        if len(word.keys) > 1 and word.keys[-1] in self.lexicons.stopwords and self._given(word) is None:
            return None  # «والتي», «وهذا»: a stopword behind a proclitic
        return word

    def _chain_at(self, words: list[Word], index: int, blocked: set[int]) -> Chain | None:
        word = self._usable(words, index, blocked)
        if word is None:
            return None
        nxt = self._usable(words, index + 1, blocked)
        if nxt is not None:
            skipped = _reading_skip(word, KUNYA)
            if skipped is not None:
                return self._extend(words, Chain(index, index + 1, True, True, skipped), blocked)
            skipped = _reading_skip(word, (MOTHER,))
            given = self._given(nxt)
            if skipped is not None and given is not None and not given[0].ambiguous:
                return self._extend(words, Chain(index, index + 1, True, True, skipped), blocked)
            skipped = _reading_skip(word, (SERVANT,))
            if skipped is not None and nxt.key.startswith(ARTICLE):
                return self._extend(words, Chain(index, index + 1, True, False, skipped), blocked)
        given = self._given(word)
        if given is None:
            return None
        name, skipped = given
        # «برقية» (a telegram) is not ب + «رقية»: a name behind ب or ك needs support
        behind_preposition = skipped and any(letter in "بك" for letter in word.text[: skipped + 1])
        strong = not name.ambiguous and not behind_preposition
        chain = Chain(index, index, strong, False, skipped, foreign=name.foreign and not name.ambiguous)
        return self._extend(words, chain, blocked)

    def _extend(self, words: list[Word], chain: Chain, blocked: set[int]) -> Chain:
        laqabs = 0
        nisba_seen = False
        while chain.last - chain.first + 1 < MAX_NAME_WORDS:
            at = chain.last + 1
            word = self._usable(words, at, blocked)
            if word is None or self._quote_between(words, at - 1, at):
                break  # «أستون «مارتن» «فإنتاج»: a name does not cross a quote mark
            key = word.key
            if (chain.foreign or chain.foreign_surname) and key in FOREIGN_PARTICLES and self._surname(words, at + 1, blocked):
                chain.last = at + 1  # «دي ميزيير»
                if words[at + 1].key in FOREIGN_PARTICLES and self._surname(words, at + 2, blocked):
                    chain.last = at + 2  # «فون دير لاين»
                chain.strong = True
                continue
            if key in PARTICLES and self._usable(words, at + 1, blocked) is not None:
                chain.last, chain.strong = at + 1, True
                if words[at + 1].key == SERVANT and self._usable(words, at + 2, blocked) is not None:
                    chain.last = at + 2  # «بن عبد العزيز»
                continue
            if key == SERVANT and self._usable(words, at + 1, blocked) is not None:
                chain.last = at + 1
                continue
            given = self._given(word, literal=True) if not nisba_seen else None
            if given is not None:
                chain.last = at
                chain.strong = chain.strong or not given[0].ambiguous
                continue
            if key in COMPOUND_TAILS:
                chain.last = at
                continue
            if self._is_nisba(word, allow_demonym=chain.kunya):
                chain.last, chain.strong, nisba_seen = at, True, True
                continue
            if key.startswith(ARTICLE) and len(key) > 3 and not key.endswith("ه") and laqabs < (2 if chain.kunya else 1) and (chain.kunya or not nisba_seen):
                # (after a nisba only a kunya goes on: «راكان الجبوري الحداد» ends at the nisba)
                # (a definite word in ة is an adjective, «الملك خالد الرياضية», not a family name)
                # «أبو حسن المهاجر»; «بشار الأسد», «يحيى السنوار» (kept only with a cue: a
                # definite word after a given name is as often a common noun, «يوسف الفيلم»)
                if not chain.kunya and chain.family_at is None:
                    chain.family_at, chain.strong_before_family = at, chain.strong
                chain.last, laqabs = at, laqabs + 1
                continue
            if not chain.kunya and chain.family_at is None and not key.startswith(ARTICLE) and len(key) >= 3 and not _pronoun_form(word):
                if chain.foreign:
                    # «إيان هوبكنز», «أمادو كوليبالي»: a transliterated given name is followed
                    # by its family name, whatever it is (one word; particles go on: «لو دريان»)
                    chain.last, chain.strong, chain.foreign = at, True, False
                    chain.foreign_surname = True
                    continue
                # «جورج بوش», «سعيد راتب»: an unknown family name, kept only with a cue
                chain.family_at, chain.strong_before_family = at, chain.strong
                chain.last = at
            break
        return chain

    def _quote_between(self, words: list[Word], left: int, right: int) -> bool:
        between = self._text[words[left].end : words[right].start]
        return any(mark in between for mark in _QUOTE_CHARS)

    def _surname(self, words: list[Word], index: int, blocked: set[int]) -> bool:
        word = self._usable(words, index, blocked)
        return word is not None and len(word.key) >= 2

    def _given(self, word: Word, literal: bool = False):
        """(given name, proclitic letters) when `word` is a given name («ومحمد» -> محمد, 1)."""
        for key, skipped in word.readings[:1] if literal else word.readings:
            name = self.lexicons.given_names.get(key)
            if name is not None and name.written_like(word.text):
                return name, skipped
        return None

    def _is_nisba(self, word: Word, allow_demonym: bool) -> bool:
        key = word.key
        if not (key.startswith(ARTICLE) and key.endswith("ي") and len(key) >= 5):
            return False
        return allow_demonym or self.gazetteer.demonym(word.text) is None

    # -- cues --------------------------------------------------------------------------
    def _introduced_start(self, words: list[Word], cue_last: int, starts: dict[int, Chain], persons: dict[int, Mention]) -> int | None:
        """The first name within a few words after a cue (commas and other cues allowed)."""
        seen = 0
        index = cue_last + 1
        while index < len(words) and seen < CUE_WINDOW:
            if index in starts or index in persons:
                return index
            word = words[index]
            if word.is_break and word.text not in _COMMAS:
                return None
            if not word.is_break:
                function_word = word.key in self.lexicons.stopwords and not word.key.startswith(ARTICLE)
                if function_word and word.key not in _CUE_MODIFIERS:
                    return None  # (definite adjectives, «المبعوث الدولي ...», may sit in between)
                seen += 1
            index += 1
        return None

    def _introduced_name(self, text: str, words: list[Word], cue_last: int, blocked: set[int]) -> Mention | None:
        """«يُدعى «خالد فريد سلام»», «المدعو أبو علي»: the words after an introduction."""
        first = cue_last + 1
        last = None
        for index in range(first, min(first + MAX_INTRODUCED_WORDS, len(words))):
            if self._usable(words, index, blocked) is None:
                break
            last = index
            if _quote_closes_after(text, words[index].end):
                break
        if last is None:
            return None
        start, end = words[first].start, words[last].end
        if _quote_opens_before(text, start) and not is_quoted(text, start, end):
            return None  # the quote goes on: a slogan, not a name
        return Mention(first, last, start, end, "PER", None, "person", None, "name")

    def _quoted_speaker(self, text: str, words: list[Word], verb: int, blocked: set[int]) -> Mention | None:
        after = verb + 1
        if after >= len(words) or not _quote_opens_before(text, words[after].start):
            return None
        mention = self._introduced_name(text, words, verb, blocked)
        if mention is None or not is_quoted(text, mention.start, mention.end) or mention.last == mention.first:
            return None  # one word («قال «لا»») is an answer, not a name
        if words[mention.first].key.startswith(ARTICLE):
            return None  # «أكد «الاتفاق الشامل» أن ...»: a definite noun phrase, not a name
        following = words[mention.last + 1] if mention.last + 1 < len(words) else None
        if following is None or not (following.text in _COMMAS or not _SPEAKER_FOLLOWERS.isdisjoint(following.keys)):
            return None
        return mention

    def _mention(self, words: list[Word], chain: Chain) -> Mention:
        start = words[chain.first].start_after(chain.skipped)
        return Mention(chain.first, chain.last, start, words[chain.last].end, "PER", None, "person", None, "name")


def _chain_keys(words: list[Word], chain: Chain) -> tuple[str, ...]:
    return tuple(words[i].key for i in range(chain.first, chain.last + 1))


def _without_unsupported_family(chain: Chain, supported: bool) -> Chain:
    if supported or chain.family_at is None:
        return chain
    return Chain(chain.first, chain.family_at - 1, chain.strong_before_family, chain.kunya, chain.skipped)


def _pronoun_form(word: Word) -> bool:
    """Words that are no family name: a proclitic and a pronoun suffix («وصوله», «بقوله»:
    ه, not ة), a preposition on a definite word («بالانتصارات»), an accusative participle
    («مستعرضا», «مؤكدا»)."""
    text = word.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if text.endswith(_PRONOUN_ENDING) and text[0] in _PROCLITICS:
        return True
    prefix = next((p for p in _PREPOSITION_ARTICLE if text.startswith(p)), None)
    if prefix is not None and len(text) - len(prefix) >= MIN_DEFINITE_STEM:
        return True
    return bool(_PARTICIPLE.fullmatch(word.key))


def _is_arabic(word: Word) -> bool:
    return "\u0600" <= word.text[0] <= "\u06ff"


def _reading_skip(word: Word, keys) -> int | None:
    """Proclitic letters before `word` reads as one of `keys` («وأبو» -> 1), or None."""
    for key, skipped in word.readings:
        if key in keys:
            return skipped
    return None


def _quote_closes_after(text: str, end: int) -> bool:
    return end < len(text) and text[end] in "»”\""


def _quote_opens_before(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in "«“\""
