"""CRF features: what the text layer says about a word, and what its neighbours say."""

from marsad.extract.ner.features import BEGIN, END, Featuriser, TextFeatures, featuriser_for, shape, word_features


def test_a_cliticised_place_name_exposes_its_stem_and_proclitics():
    features = set(word_features("وبالباغوز"))
    assert {"k=باغوز", "pre=وبال", "art=1", "r=بالباغوز", "r=باغوز", "shape=ar"} <= features
    assert "w=وبالباغوز" in features


def test_normalisation_makes_spelling_variants_share_features():
    plain, hamza = set(word_features("احمد")), set(word_features("أَحْمَد"))
    assert "w=احمد" in plain and "w=احمد" in hamza
    assert "diacritics" in hamza and "diacritics" not in plain


def test_enclitics_and_ta_marbuta():
    features = set(word_features("دولته"))
    assert "suf=ه" in features and "k=دوله" in features


def test_shapes():
    assert shape("بغداد") == "ar"
    assert shape("2019") == "digit"
    assert shape("١٩٩٨") == "digit"
    assert shape("Google") == "Latin"
    assert shape("NATO") == "LATIN"
    assert shape("iphone") == "latin"
    assert shape("،") == "punct"
    assert shape("ف16") == "ar+digit"


def test_neighbours_bigrams_and_sentence_edges():
    tokens = ["قال", "أحمد", "العلي", "."]
    features = Featuriser([TextFeatures()])(tokens)
    assert len(features) == 4
    second = set(features[1])
    assert {"bias", "w=احمد", "-1:w=قال", "+1:w=العلي", "+2:w=.", "-2:" + BEGIN, "bi=قال|احمد"} <= second
    assert BEGIN in features[0] and END in features[3]
    assert not any(f.startswith("-1:p2=") for f in second)  # only contextual features travel
    assert Featuriser([TextFeatures()])([]) == []


def test_a_featuriser_is_rebuilt_only_for_known_sources_and_versions():
    assert featuriser_for({"text": "1"}).signature == {"text": "1"}
    assert featuriser_for({"text": "1", "rules": "1"}).signature == {"text": "1", "rules": "1"}
    assert featuriser_for({"text": "0"}) is None
    assert featuriser_for({"text": "1", "brown_clusters": "3"}) is None


def test_rule_features_say_what_the_rule_layers_found():
    from marsad.extract.ner.rule_features import RuleFeatures

    tokens = "قال المتحدث باسم قوات سوريا الديمقراطية إن مقاتلي داعش في الباغوز استسلموا للقوات العراقية .".split()
    found = RuleFeatures()(tokens)
    assert len(found) == len(tokens)
    at = {token: set(own) for token, (own, _) in zip(tokens, found)}
    assert {"rule=B-ORG", "rulekind=armed_group", "ruleorigin=gazetteer", "gz=B-ORG"} <= at["قوات"]
    assert "rule=I-ORG" in at["الديمقراطية"]
    assert {"rule=B-LOC", "rulekind=town"} <= at["الباغوز"]
    assert "cue=role" in at["المتحدث"]
    assert "demonym" in at["العراقية"]
    assert at["قال"] <= {"cue=saying"} and at["."] == set()  # a verb of saying cues a following name
    contextual = dict(zip(tokens, (shared for _, shared in found)))
    assert set(contextual["قوات"]) == {"rule=B-ORG", "gz=B-ORG"}  # only these travel to neighbours


def test_rule_features_mark_given_names_and_kunyas():
    from marsad.extract.ner.rule_features import RuleFeatures

    tokens = ["وقال", "أبو", "محمد", "العدناني", "إن", "خالد", "وصل"]
    at = [set(own) for own, _ in RuleFeatures()(tokens)]
    assert "kunya" in at[1]
    assert {"rule=B-PER", "rulekind=person"} <= at[1] and "rule=I-PER" in at[3]
    assert "given" in at[5] or "given=ambiguous" in at[5]


def test_the_default_featuriser_has_text_and_rule_features():
    from marsad.extract.ner.features import default_featuriser

    assert default_featuriser().signature == {"text": "1", "rules": "1"}
