"""The entity layer's word lists (resources/gazetteer/*.tsv), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...errors import Errors, MarsadError
from ..gazetteer import PLACE_KINDS
from ..gazetteer.offices import OFFICES
from ..gazetteer.keys import alias_keys, readings
from ..gazetteer.phrases import PhraseMatcher
from ..gazetteer.tables import read_table, resource_path

CUE_KINDS = frozenset(("title", "role", "descriptor", "intro", "saying"))
_ALEF_MAQSURA = "ى"


@dataclass(frozen=True)
class GivenName:
    name: str
    ambiguous: bool
    foreign: bool = False  # a transliterated non-Arabic name («فرانسوا», «أمادو»)

    def written_like(self, word: str) -> bool:
        """«علي» (Ali) is not «على» (on): the final ya / alef maqsura must agree."""
        last = word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")[-1:]
        if last not in ("ي", _ALEF_MAQSURA) or self.name[-1] not in ("ي", _ALEF_MAQSURA):
            return True
        return (last == _ALEF_MAQSURA) == (self.name[-1] == _ALEF_MAQSURA)


@dataclass(frozen=True)
class Cue:
    text: str
    kind: str  # title | role | descriptor | intro | saying
    role_noun: str | None


@dataclass(frozen=True)
class Anaphor:
    text: str
    kinds: frozenset[str]
    head: str | None  # key of the noun an antecedent's alias must start with; None = any


@dataclass(frozen=True)
class Role:
    text: str
    office: str
    form: str  # adjective («الرئيس التركي») | construct («رئيس وزراء العراق») | introduce


@dataclass(frozen=True)
class Composition:
    head: str
    kind: str
    template: str


@dataclass(frozen=True)
class Lexicons:
    given_names: dict[str, GivenName]
    cues: PhraseMatcher[Cue]
    stopwords: frozenset[str]
    anaphors: dict[str, Anaphor]
    compositions: PhraseMatcher[Composition]
    context_cues: dict[str, frozenset[str]]  # type -> cue keys
    place_heads: PhraseMatcher[frozenset[str]]  # generic place words -> the kinds they select
    title_words: frozenset[str]  # keys of the words of title and role cues («رئيس», «الوزير»)
    roles: PhraseMatcher[Role]  # role nouns naming an office (role_nouns.tsv)
    role_qualifiers: frozenset[str]  # «السابق», «الراحل»: the role is someone else
    group_heads: frozenset[str] = frozenset()  # keys of «لواء», «كتيبة»...: a name after one is a unit's


def _key(word: str) -> str:
    return readings(word)[0][0]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    return Lexicons(
        given_names=_given_names(),
        cues=PhraseMatcher(_cues()),
        stopwords=frozenset(_key(row["word"]) for _, row in read_table(resource_path("name_stopwords.tsv"), ("word",))),
        anaphors=_anaphors(),
        compositions=PhraseMatcher(_compositions()),
        context_cues=_context_cues(),
        place_heads=PhraseMatcher(_place_heads()),
        title_words=_title_words(),
        roles=PhraseMatcher(_roles()),
        role_qualifiers=frozenset(_key(row["word"]) for _, row in read_table(resource_path("role_qualifiers.tsv"), ("word",))),
        group_heads=frozenset(_key(row["head"]) for _, row in read_table(resource_path("group_heads.tsv"), ("head",))),
    )


def _given_names() -> dict[str, GivenName]:
    """The reviewed given_names.tsv, widened by the generated given_names_common.tsv (the
    reviewed entry wins where both have a name)."""
    names = {}
    for file in ("given_names_common.tsv", "given_names.tsv"):
        path = resource_path(file)
        for number, row in read_table(path, ("name", "origin", "ambiguous")):
            if row["ambiguous"] not in ("yes", "no"):
                raise MarsadError(Errors.M101, path=path, line=number, reason="ambiguous must be yes or no")
            names[_key(row["name"])] = GivenName(row["name"], row["ambiguous"] == "yes", row["origin"] == "foreign")
    return names


def _cues():
    path = resource_path("person_cues.tsv")
    for number, row in read_table(path, ("cue", "kind", "role_noun")):
        if row["kind"] not in CUE_KINDS:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"kind must be one of {sorted(CUE_KINDS)}")
        role_noun = _key(row["role_noun"]) if row["role_noun"] else None
        yield alias_keys(row["cue"]), Cue(row["cue"], row["kind"], role_noun)


ROLE_FORMS = frozenset(("adjective", "construct", "introduce"))
MINISTER = "minister"  # any minister: «الوزير» refers back to the minister introduced


def _roles():
    path = resource_path("role_nouns.tsv")
    for number, row in read_table(path, ("role", "office", "form")):
        if row["office"] not in OFFICES | {MINISTER}:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"office must be one of {sorted(OFFICES)}")
        if row["form"] not in ROLE_FORMS:
            raise MarsadError(Errors.M101, path=path, line=number, reason="form must be adjective, construct or introduce")
        yield alias_keys(row["role"]), Role(row["role"], row["office"], row["form"])


def _title_words() -> frozenset[str]:
    path = resource_path("person_cues.tsv")
    return frozenset(key for _, row in read_table(path, ("cue", "kind", "role_noun")) if row["kind"] in ("title", "role") for key in alias_keys(row["cue"]))


def _place_heads():
    path = resource_path("place_heads.tsv")
    for number, row in read_table(path, ("head", "kinds")):
        kinds = frozenset(kind.strip() for kind in row["kinds"].split(","))
        if not kinds <= PLACE_KINDS:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"kinds must be among {sorted(PLACE_KINDS)}")
        yield alias_keys(row["head"]), kinds


def _anaphors() -> dict[str, Anaphor]:
    found = {}
    for _, row in read_table(resource_path("anaphors.tsv"), ("anaphor", "kinds", "head")):
        head = None if row["head"] == "*" else _key(row["head"])
        kinds = frozenset(kind.strip() for kind in row["kinds"].split(","))
        found[_key(row["anaphor"])] = Anaphor(row["anaphor"], kinds, head)
    return found


def _compositions():
    for _, row in read_table(resource_path("compositions.tsv"), ("head", "kind", "template")):
        yield alias_keys(row["head"]), Composition(row["head"], row["kind"], row["template"])


def _context_cues() -> dict[str, frozenset[str]]:
    path = resource_path("context_cues.tsv")
    grouped: dict[str, set[str]] = {}
    for number, row in read_table(path, ("cue", "type")):
        if row["type"] not in ("LOC", "LOC-weak", "ORG"):
            raise MarsadError(Errors.M101, path=path, line=number, reason="type must be LOC, LOC-weak or ORG")
        grouped.setdefault(row["type"], set()).add(_key(row["cue"]))
    return {kind: frozenset(keys) for kind, keys in grouped.items()}
