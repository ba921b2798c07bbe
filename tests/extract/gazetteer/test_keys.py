from marsad.extract.gazetteer.keys import alias_keys, readings, skip_letters


def keys(word):
    return [key for key, _ in readings(word)]


def test_proclitics_are_stripped_and_the_article_kept():
    for word in ("الباغوز", "بالباغوز", "والباغوز", "فالباغوز"):
        assert "الباغوز" in keys(word)
    assert "داعش" in keys("لداعش") and "داعش" in keys("لـداعش")
    assert "باغوز" not in keys("بالباغوز")  # the article stays: «الإخوان» is not «إخوان»


def test_lam_plus_article_keeps_the_articles_lam_in_the_span():
    assert ("الباغوز", 1) in readings("للباغوز")


def test_lam_lam_reads_the_article_before_a_stem_in_lam():
    # a document word takes the first of its readings some alias uses
    assert keys("للتحرير")[:2] == ["للتحرير", "التحرير"] and "لتحرير" in keys("للتحرير")
    assert keys("للبنان")[-1] == "لبنان"  # ل + a name in ل is still read, after the article


def test_an_alias_with_an_inner_lam_lam_word_is_found_where_another_alias_uses_its_lam_reading():
    from marsad.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.resolve("الجبهة الوطنية للتحرير").canonical == "National Front for Liberation"
    assert gazetteer.resolve("الأمم المتحدة").canonical == "United Nations"
    words = "قال مندوب الجبهة الوطنية للتحرير للأمم المتحدة".split()
    found = {match.values[0].entries[0].canonical for match in gazetteer.find([readings(w) for w in words])}
    assert {"National Front for Liberation", "United Nations"} <= found


def test_spelling_variants_fold():
    assert keys("أفغانستان")[0] == keys("افغانستان")[0]
    assert keys("الرقة")[0] == keys("الرقه")[0]
    assert keys("الدولة الإسلامية".split()[1])[0] == keys("الاسلامية")[0]


def test_the_word_as_written_comes_first():
    assert readings("لبنان")[0] == ("لبنان", 0)
    assert "لبنان" in keys("بلبنان")


def test_alias_keys_one_per_word():
    assert alias_keys("قوات سوريا الديمقراطية") == ("قوات", "سوريا", "الديمقراطيه")


def test_skip_letters_takes_marks_with_the_proclitic():
    assert skip_letters("لـداعش", 1) == 2
    assert skip_letters("بِالباغوز", 1) == 2
    assert skip_letters("داعش", 0) == 0
