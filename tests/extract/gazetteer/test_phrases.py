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


def test_word_lookups_find_what_each_matcher_finds_with_one_look_up_per_word():
    from marsad.extract.entities.words import document_words
    from marsad.extract.gazetteer.phrases import WordLookups
    from marsad.text import tokenize

    places = PhraseMatcher([(alias_keys("الباغوز"), "town"), (alias_keys("الباغوز الصغيرة"), "village"), (alias_keys("سوريا"), "country")])
    groups = PhraseMatcher([(alias_keys("قوات سوريا الديمقراطية"), "SDF"), (alias_keys("داعش"), "IS")])
    nothing = PhraseMatcher([])
    anaphors = frozenset(("التنظيم", "الحركه"))
    lookups = WordLookups([places, groups, nothing], [anaphors])
    text = "سيطرت «قوات سوريا الديمقراطية» على الباغوز الصغيرة، وطرد التنظيم من بالباغوز ولداعش بقايا في سوريا"
    words = document_words(tokenize(text))
    looked = lookups.read(words)
    for matcher in (places, groups, nothing):
        assert looked.find(matcher) == matcher.find_words(words)
    assert [(m.first, m.last, m.values, m.skipped) for m in longest_first(looked.find(places))] == [
        (2, 2, ("country",), 0), (5, 6, ("village",), 0), (11, 11, ("town",), 1), (15, 15, ("country",), 0)
    ]
    assert [(m.first, m.values, m.skipped) for m in looked.find(groups)] == [(1, ("SDF",), 0), (12, ("IS",), 2)]
    assert [words[i].text for i in looked.meeting(anaphors)] == ["التنظيم"]
    assert lookups.read(words).records == looked.records  # remembered per word
