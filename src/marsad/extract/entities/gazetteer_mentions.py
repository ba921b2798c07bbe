"""Gazetteer aliases and head+demonym compositions found in a document."""

from __future__ import annotations

from ...text import normalize
from ..gazetteer import Entry, Gazetteer
from ..gazetteer.phrases import LookedUp, longest_first
from .guards import admits
from .lexicons import Lexicons
from .mentions import Mention, claimed_words
from .words import Word, is_quoted

_OPENING_QUOTES = "«“„\""


def gazetteer_mentions(text: str, words: list[Word], looked: LookedUp, gazetteer: Gazetteer, lexicons: Lexicons) -> list[Mention]:
    """Every alias occurrence its rule admits; longest first; place candidates chosen by the
    countries the document mentions («طرابلس» is Lebanon's in an article about Lebanon)."""
    matches, rejected, unnamed = [], [], []
    for match in looked.find(gazetteer.matcher) if gazetteer.matcher else ():
        if _likened(words, match) or _inside_a_given_name(words, match, lexicons) or _with_tanween(words, match):
            continue
        rule = match.values[0].rule
        if rule is None or admits(rule, match, words, text, match.values[0].entry.type, lexicons, gazetteer):
            matches.append(match)
        elif rule in ("context", "place_noun") and match.values[0].entry.is_place:
            rejected.append(match)
        elif rule == "named_before" and admits("no_adjective_after", match, words, text, match.values[0].entry.type, lexicons, gazetteer):
            unnamed.append(match)
    if rejected:
        matches += _coordinated_places(words, rejected, matches)
    if unnamed:
        matches += _named_earlier(unnamed, matches)
    chosen = longest_first(matches)
    ambiguous = any(len(match.values[0].entries) > 1 for match in chosen)
    countries = _document_countries(chosen, words, looked, gazetteer) if ambiguous else set()
    heads = _place_heads(looked, lexicons) if ambiguous else {}
    mentions = []
    for match in chosen:
        first, start = _quoted_part(text, words, match)
        last = _before_closing_quote(text, words, first, match.last)
        quoted = is_quoted(text, start, words[last].end)
        entries = match.values[0].entries
        if len(entries) > 1 and match.first in heads:
            entries = _of_kinds(entries, heads[match.first])
        entry = _choose(entries, countries, quoted)
        mentions.append(Mention(first, last, start, words[last].end, entry.type, entry.canonical, entry.kind, entry))
    return mentions


def _named_earlier(unnamed: list, matches: list) -> list:
    """Rule `named_before` («القاعدة»: the base, or al-Qaeda once named): an alias neither
    quoted nor cued is a name when the document named the same entity earlier by an alias
    of its own («تنظيم القاعدة» ... «القاعدة»)."""
    named_at: dict[str, int] = {}
    for match in matches:
        if match.values[0].rule != "named_before":
            canonical = match.values[0].entry.canonical
            named_at[canonical] = min(named_at.get(canonical, match.first), match.first)
    return [match for match in unnamed if named_at.get(match.values[0].entry.canonical, match.first) < match.first]


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _with_tanween(words: list[Word], match) -> bool:
    """«جنديًا نيجيريًا»: a word written with tanween is indefinite, an adjective or a common
    noun, never the name of a place or group (those are definite or diptote; a person's
    name may take it)."""
    return match.values[0].entry.type != "PER" and not _TANWEEN.isdisjoint(words[match.last].text)


def _inside_a_given_name(words: list[Word], match, lexicons: Lexicons) -> bool:
    """«فاطمة» is not ف + «اطمة» (Atmeh): a one-word alias reached by stripping a proclitic
    from a word that is itself a given name."""
    return bool(match.skipped) and match.first == match.last and words[match.first].key in lexicons.given_names


_CONJUNCTION = "و"
_LIST_MARKS = frozenset(("،", ","))


def _coordinated_places(words: list[Word], rejected: list, accepted: list) -> list:
    """A place name that needs context has it when coordinated with a place: «مع مالي
    وبوركينا فاسو», «النيجر ومالي»."""
    places = {}
    for match in accepted:
        if match.values[0].entry.is_place:
            places[match.first] = match
            places[match.last] = match
    found = []
    for match in rejected:
        following = places.get(match.last + 1)
        joined_after = following is not None and following.first == match.last + 1 and following.skipped and _starts_with_and(words[match.last + 1])
        preceding = places.get(match.first - 1) or places.get(match.first - 2)
        joined_before = preceding is not None and (
            (preceding.last == match.first - 1 and match.skipped and _starts_with_and(words[match.first]))
            or (preceding.last == match.first - 2 and words[match.first - 1].text in _LIST_MARKS)
        )
        if joined_after or joined_before:
            found.append(match)
    return found


def _starts_with_and(word: Word) -> bool:
    return word.text.startswith(_CONJUNCTION)


_CLOSING_QUOTES = "»”\""


def _before_closing_quote(text: str, words: list[Word], first: int, last: int) -> int:
    """The last word before a closing quote mark inside the match: in «وحدات حماية الشعب»
    الكردية the name ends at the quote (entity spans carry no quote marks)."""
    for index in range(first, last):
        if any(mark in text[words[index].end : words[index + 1].start] for mark in _CLOSING_QUOTES):
            return index
    return last


def _place_heads(looked: LookedUp, lexicons: Lexicons) -> dict[int, frozenset[str]]:
    """Word index after a generic place word («محافظة», «مدينة») -> the kinds it selects."""
    found = {}
    for match in looked.find(lexicons.place_heads):
        found[match.last + 1] = match.values[0]
    return found


def _of_kinds(entries: tuple[Entry, ...], kinds: frozenset[str]) -> tuple[Entry, ...]:
    """The candidates of the kinds a head noun selects, best first; all of them if none is."""
    chosen = tuple(entry for entry in entries if entry.kind in kinds)
    return chosen or entries


def _quoted_part(text: str, words: list[Word], match) -> tuple[int, int]:
    """(first word, start) of the span: «وكالة «هاوار»» is the name «هاوار», its head noun
    «وكالة» outside the quotes a description (entity spans carry no quote marks)."""
    for index in range(match.last, match.first, -1):
        if any(mark in text[words[index - 1].end : words[index].start] for mark in _OPENING_QUOTES):
            return index, words[index].start
    return match.first, words[match.first].start_after(match.skipped)


SHORT_ALIAS = 4
MEDIA_OUTLET = "media_outlet"


def _likened(words: list[Word], match) -> bool:
    """«كسرت» (broke) is not ك + «سرت» (Sirte): the simile particle before a short
    one-word name is nearly always part of another word."""
    if not match.skipped or match.first != match.last:
        return False
    word = words[match.first]
    stem = word.keys[-1] if word.keys else ""
    return len(stem) <= SHORT_ALIAS and "ك" in normalize(word.text[: word.start_after(match.skipped) - word.start])


def _document_countries(matches, words: list[Word], looked: LookedUp, gazetteer: Gazetteer) -> set[str]:
    countries = {m.values[0].entry.country for m in matches if len(m.values[0].entries) == 1 and m.values[0].entry.is_place}
    demonyms = gazetteer.demonyms
    for index in looked.meeting(demonyms):
        place = next(demonyms[key] for key in words[index].keys if key in demonyms)
        countries.add(place.country or place.canonical)
    countries.discard(None)
    return countries


# A namesake in a country the document mentions wins only if it is not a hamlet next to a
# metropolis: «موسكو» in an article that also mentions the United States is still Moscow,
# not Mesquite, Texas.
COMPARABLE_POPULATION = 0.05


def _choose(entries: tuple[Entry, ...], countries: set[str], quoted: bool = False) -> Entry:
    """A quoted name is the media outlet if one is called so («الشرق الأوسط» the paper),
    an unquoted one anything else; an actor or person beats a place of the same name
    («هولاند» is Hollande, not Holland); places prefer a country the document mentions."""
    outlets = [entry for entry in entries if entry.kind == MEDIA_OUTLET]
    if outlets and len(outlets) < len(entries):
        entries = tuple(outlets) if quoted else tuple(e for e in entries if e.kind != MEDIA_OUTLET)
    if len(entries) > 1 and entries[0].is_place:
        floor = (entries[0].population or 0) * COMPARABLE_POPULATION
        for entry in entries:
            if entry.is_place and entry.country in countries and (entry.population is None or entry.population >= floor):
                return entry
    return entries[0]


def composed_mentions(words: list[Word], looked: LookedUp, taken: list[Mention], gazetteer: Gazetteer, lexicons: Lexicons) -> list[Mention]:
    """«الجيش الأفغاني» -> Military Forces of Afghanistan, where no alias already covers it."""
    claimed = claimed_words(taken)
    found = []
    for match in longest_first(looked.find(lexicons.compositions)):
        demonym_at = match.last + 1
        if demonym_at >= len(words) or any(i in claimed for i in range(match.first, demonym_at + 1)):
            continue
        place = gazetteer.demonym(words[demonym_at].text)
        if place is None or place.kind != "country":
            continue  # «القوات الكردية»: Kurdish forces are not one state's
        composition = match.values[0]
        country = place.country or place.canonical
        canonical = composition.template.format(country=country)
        start = words[match.first].start_after(match.skipped)
        found.append(Mention(match.first, demonym_at, start, words[demonym_at].end, "ORG", canonical, composition.kind, None, "composition"))
        claimed.update(range(match.first, demonym_at + 1))
    return found
