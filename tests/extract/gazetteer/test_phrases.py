from marsad.extract.gazetteer.keys import alias_keys, readings
from marsad.extract.gazetteer.phrases import PhraseMatcher, longest_first


def find(matcher, text):
    words = text.split()
    return [(m.first, m.last, m.values[0], m.skipped) for m in longest_first(matcher.find([readings(w) for w in words]))]


def test_longest_match_wins_and_clitics_are_skipped():
    matcher = PhraseMatcher([(alias_keys("الباغوز"), "town"), (alias_keys("الباغوز الصغيرة"), "village")])
    assert find(matcher, "سيطرت على الباغوز الصغيرة أمس") == [(2, 3, "village", 0)]
    assert find(matcher, "دخلوا بالباغوز") == [(1, 1, "town", 1)]


def test_a_break_stops_a_phrase():
    matcher = PhraseMatcher([(alias_keys("سوريا العراق"), "x")])
    words = [readings("سوريا"), (), readings("العراق")]
    assert matcher.find(words) == []


def test_empty_matcher_and_empty_document():
    assert PhraseMatcher([]).find([readings("داعش")]) == []
    assert PhraseMatcher([(alias_keys("داعش"), 1)]).find([]) == []


def test_many_keys_do_not_collide():
    phrases = [((f"كلمة{i}",), i) for i in range(70_000)]
    matcher = PhraseMatcher(phrases)
    assert matcher.find([(("كلمة69999", 0),)])[0].values == (69999,)
    assert matcher.find([(("كلمة55400", 0),)])[0].values == (55400,)
